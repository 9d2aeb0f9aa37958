/** Workers and their badges: enrol a badge (progress from `enrolment` events), unlink one after a confirm. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentStep, MessageRef, WorkerSummary } from '../../../preload/api.ts';
import type { SupervisorContext } from './session.ts';

interface Enrolment {
  workerId: string;
  step: EnrolmentStep;
  message: MessageRef | null;
  badgeUid: string | null;
}

const ENDED: EnrolmentStep[] = ['linked', 'failed', 'cancelled'];

export function WorkersTab({ ctx, onEnrolling }: { ctx: SupervisorContext; onEnrolling: (busy: boolean) => void }) {
  const { t } = useTranslation('supervisor');
  const { guard, api, session, touched, onEvent } = ctx;
  const [workers, setWorkers] = useState<WorkerSummary[] | null>(null);
  const [error, setError] = useState<MessageRef | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [unlinking, setUnlinking] = useState<string | null>(null);

  const load = useCallback(() => {
    void guard(api.listWorkers({ session })).then((r) => {
      if (r.ok) {
        setWorkers(r.value.workers);
        touched(r.value.sessionExpiresAt);
      } else setError(r.message);
    });
  }, [guard, api, session, touched]);
  useEffect(() => load(), [load]);

  const active = enrolment !== null && !ENDED.includes(enrolment.step);
  useEffect(() => onEnrolling(active), [active, onEnrolling]);

  useEffect(
    () =>
      onEvent((e) => {
        if (e.type !== 'enrolment') return;
        setEnrolment((prev) => (prev ? { ...prev, step: e.step, message: e.message ?? null, badgeUid: e.badgeUid ?? prev.badgeUid } : prev));
        if (e.step === 'linked') load();
      }),
    [onEvent, load],
  );

  const enrol = (workerId: string) => {
    setError(null);
    setEnrolment({ workerId, step: 'waiting-badge', message: null, badgeUid: null });
    void guard(api.startEnrolment({ session, workerId })).then((r) => {
      if (!r.ok) {
        setEnrolment(null);
        setError(r.message);
      }
    });
  };
  const cancel = () => {
    void guard(api.cancelEnrolment({ session }));
  };
  const unlink = (badgeUid: string) => {
    setUnlinking(null);
    void guard(api.unlinkBadge({ session, badgeUid })).then((r) => (r.ok ? load() : setError(r.message)));
  };

  if (!workers) return <p className="supervisor-loading">{t('loading')}</p>;
  return (
    <section className="supervisor-workers" data-testid="supervisor-workers">
      {error && <p className="supervisor-error" role="alert">{t(error.key, { ...error.params, defaultValue: t('error.generic') })}</p>}
      <ul className="worker-list">
        {workers.map((w) => (
          <li key={w.workerId} className="worker-item" data-testid="supervisor-worker" data-worker-name={w.displayName}>
            <div className="worker-item-head">
              <strong>{w.displayName}</strong> <span className="supervisor-number">{w.maskedNationalNumber}</span>
              <button type="button" className="secondary-button" data-testid="enrol-badge" disabled={active} onClick={() => enrol(w.workerId)}>
                {t('workers.enrol')}
              </button>
            </div>
            {enrolment?.workerId === w.workerId && (
              <div className="enrolment" data-testid="enrolment-step" data-step={enrolment.step}>
                <span>{t(`enrolment.step.${enrolment.step}`, { badge: enrolment.badgeUid ?? '' })}</span>
                {enrolment.message && <span> — {t(enrolment.message.key, { ...enrolment.message.params, defaultValue: t('error.generic') })}</span>}
                {active ? (
                  <button type="button" className="secondary-button" data-testid="enrol-cancel" onClick={cancel}>
                    {t('workers.cancel')}
                  </button>
                ) : (
                  <button type="button" className="secondary-button" data-testid="enrol-done" onClick={() => setEnrolment(null)}>
                    {t('workers.close')}
                  </button>
                )}
              </div>
            )}
            <ul className="badge-list">
              {w.badges.length === 0 && <li>{t('workers.noBadges')}</li>}
              {w.badges.map((b) => (
                <li key={b.uid} data-testid="worker-badge" data-badge-uid={b.uid}>
                  <code>{b.uid}</code>
                  {unlinking === b.uid ? (
                    <>
                      <span> {t('workers.unlinkConfirm')} </span>
                      <button type="button" className="secondary-button" data-testid="unlink-confirm" onClick={() => unlink(b.uid)}>
                        {t('workers.yes')}
                      </button>
                      <button type="button" className="secondary-button" data-testid="unlink-cancel" onClick={() => setUnlinking(null)}>
                        {t('workers.no')}
                      </button>
                    </>
                  ) : (
                    <button type="button" className="secondary-button" data-testid="unlink-badge" onClick={() => setUnlinking(b.uid)}>
                      {t('workers.unlink')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Workers and their badges. Enrolment: with an eID (the worker taps the eID card, then the new badge),
 * for a listed worker (badge only), or for a worker without eID typed in on the manual form (then the
 * badge). Progress comes from `enrolment` events; a badge is unlinked after a confirm.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentStep, MessageRef, WorkerSummary } from '../../../preload/api.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { nameMatches } from './filters.ts';
import { ManualWorkerForm } from './ManualWorkerForm.tsx';
import { SearchBox } from './SearchBox.tsx';
import { messageText, type SupervisorContext } from './session.ts';

interface Enrolment {
  /** null while the core waits for an eID to say who the worker is. */
  workerId: string | null;
  workerName: string | null;
  step: EnrolmentStep;
  message: MessageRef | null;
  badgeUid: string | null;
}

const ENDED: readonly EnrolmentStep[] = ['linked', 'failed', 'cancelled'];

function EnrolmentPanel({ enrolment, onCancel, onClose }: { enrolment: Enrolment; onCancel: () => void; onClose: () => void }) {
  const { t } = useTranslation('supervisor');
  const active = !ENDED.includes(enrolment.step);
  return (
    <div className={`enrolment enrolment-${enrolment.step}`} data-testid="enrolment-step" data-step={enrolment.step} data-worker-name={enrolment.workerName ?? ''} role="status">
      <div className="enrolment-text">
        {enrolment.workerName && <strong>{enrolment.workerName}: </strong>}
        {t(`enrolment.step.${enrolment.step}`, { badge: enrolment.badgeUid ?? '' })}
        {enrolment.message && <div data-testid="enrolment-message">{messageText(t, enrolment.message)}</div>}
      </div>
      {active ? (
        <button type="button" className="secondary-button" data-testid="enrol-cancel" onClick={onCancel}>
          {t('workers.cancel')}
        </button>
      ) : (
        <button type="button" className="secondary-button" data-testid="enrol-done" onClick={onClose}>
          {t('workers.close')}
        </button>
      )}
    </div>
  );
}

function WorkerItem({ worker, enrolDisabled, onEnrol, onUnlink }: { worker: WorkerSummary; enrolDisabled: boolean; onEnrol: () => void; onUnlink: (uid: string) => void }) {
  const { t } = useTranslation('supervisor');
  const language = LANGUAGES.find((l) => l.code === worker.language)?.name;
  return (
    <li className="worker-item" data-testid="supervisor-worker" data-worker-name={worker.displayName} data-badges={worker.badges.length}>
      <div className="worker-item-head">
        <div className="worker-who">
          <strong>{worker.displayName}</strong>
          <span className="supervisor-number">{worker.maskedNationalNumber}</span>
          <span className="chip">{t(`workers.kind.${worker.numberKind}`)}</span>
          <span className="chip">{t(`workers.source.${worker.source}`)}</span>
          {worker.supervisor && <span className="chip chip-supervisor">{t('workers.supervisor')}</span>}
          <span className="chip" data-testid="worker-language" data-language={worker.language ?? ''}>
            {language ?? t('workers.languageDefault')}
          </span>
        </div>
        <button type="button" className="secondary-button" data-testid="enrol-badge" disabled={enrolDisabled} onClick={onEnrol}>
          {t('workers.enrol')}
        </button>
      </div>
      <ul className="badge-list">
        {worker.badges.length === 0 && <li className="badge-none">{t('workers.noBadges')}</li>}
        {worker.badges.map((b) => (
          <li key={b.uid} data-testid="worker-badge" data-badge-uid={b.uid}>
            <code dir="ltr">{b.uid}</code>
            <ConfirmButton
              label={t('workers.unlink')}
              question={t('workers.unlinkConfirm')}
              yes={t('workers.yes')}
              no={t('workers.no')}
              testId="unlink-badge"
              onConfirm={() => onUnlink(b.uid)}
            />
          </li>
        ))}
      </ul>
    </li>
  );
}

export function WorkersTab({ ctx, onEnrolling }: { ctx: SupervisorContext; onEnrolling: (busy: boolean) => void }) {
  const { t } = useTranslation('supervisor');
  const { guard, api, session, onEvent } = ctx;
  const [workers, setWorkers] = useState<WorkerSummary[] | null>(null);
  const [error, setError] = useState<MessageRef | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [manual, setManual] = useState(false);
  const [query, setQuery] = useState('');

  const load = useCallback(() => {
    void guard(api.listWorkers({ session })).then((r) => (r.ok ? setWorkers(r.value.workers) : setError(r.message)));
  }, [guard, api, session]);
  useEffect(() => load(), [load]);

  const active = enrolment !== null && !ENDED.includes(enrolment.step);
  const activeRef = useRef(active);
  activeRef.current = active;
  useEffect(() => onEnrolling(active), [active, onEnrolling]);
  // Leaving the tab mid-enrolment cancels it: a later badge tap must not be linked unseen.
  useEffect(
    () => () => {
      if (activeRef.current) void api.cancelEnrolment({ session }).catch(() => undefined);
      onEnrolling(false);
    },
    [api, session, onEnrolling],
  );

  useEffect(
    () =>
      onEvent((e) => {
        if (e.type !== 'enrolment') return;
        setEnrolment((prev) =>
          prev
            ? { ...prev, step: e.step, message: e.message ?? null, badgeUid: e.badgeUid ?? prev.badgeUid, workerName: e.workerName ?? prev.workerName }
            : prev,
        );
        if (e.step === 'linked' || e.step === 'waiting-badge') load();
      }),
    [onEvent, load],
  );

  const start = (workerId: string | null, workerName: string | null) => {
    setError(null);
    setEnrolment({ workerId, workerName, step: workerId ? 'waiting-badge' : 'waiting-worker', message: null, badgeUid: null });
    void guard(api.startEnrolment(workerId ? { session, workerId } : { session })).then((r) => {
      if (!r.ok) {
        setEnrolment(null);
        setError(r.message);
      }
    });
  };
  const cancel = () => void guard(api.cancelEnrolment({ session }));
  const unlink = (badgeUid: string) => {
    void guard(api.unlinkBadge({ session, badgeUid })).then((r) => (r.ok ? load() : setError(r.message)));
  };
  const shown = useMemo(() => (workers ?? []).filter((w) => nameMatches(w.displayName, query)), [workers, query]);

  if (manual) {
    return (
      <ManualWorkerForm
        ctx={ctx}
        onCancel={() => setManual(false)}
        onEnrolled={(w) => {
          setManual(false);
          // The core already waits for this worker's badge (enrolManualWorker starts the badge step).
          setEnrolment({ workerId: w.workerId, workerName: w.name, step: 'waiting-badge', message: null, badgeUid: null });
          load();
        }}
      />
    );
  }
  if (!workers) return error ? <p className="supervisor-error" role="alert">{messageText(t, error)}</p> : <p className="supervisor-loading">{t('loading')}</p>;
  return (
    <section className="supervisor-workers" data-testid="supervisor-workers">
      <div className="workers-actions">
        <button type="button" className="primary-button" data-testid="enrol-eid" disabled={active} onClick={() => start(null, null)}>
          {t('workers.enrolEid')}
        </button>
        <button type="button" className="secondary-button" data-testid="add-manual-worker" disabled={active} onClick={() => setManual(true)}>
          {t('workers.addManual')}
        </button>
      </div>
      {enrolment && <EnrolmentPanel enrolment={enrolment} onCancel={cancel} onClose={() => setEnrolment(null)} />}
      {error && <p className="supervisor-error" role="alert">{messageText(t, error)}</p>}
      <SearchBox value={query} onChange={setQuery} />
      <ul className="worker-list">
        {shown.map((w) => (
          <WorkerItem key={w.workerId} worker={w} enrolDisabled={active} onEnrol={() => start(w.workerId, w.displayName)} onUnlink={unlink} />
        ))}
      </ul>
    </section>
  );
}

/** Who is on site today, with anomalies and the hints what to do, plus sync and remote-merge state. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRef, SupervisorOverview } from '../../../preload/api.ts';
import { hhmm } from '../../time/format.ts';
import type { SupervisorContext } from './session.ts';

function hmm(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function RosterTab({ ctx }: { ctx: SupervisorContext }) {
  const { t } = useTranslation('supervisor');
  const [overview, setOverview] = useState<SupervisorOverview | null>(null);
  const [error, setError] = useState<MessageRef | null>(null);
  const { guard, api, session, touched, onEvent } = ctx;

  const load = useCallback(() => {
    void guard(api.getSupervisorOverview({ session })).then((r) => {
      if (r.ok) {
        setOverview(r.value);
        setError(null);
        touched(r.value.sessionExpiresAt);
      } else setError(r.message);
    });
  }, [guard, api, session, touched]);

  useEffect(() => load(), [load]);
  useEffect(() => onEvent((e) => (e.type === 'registration' || e.type === 'roster-changed' ? load() : undefined)), [onEvent, load]);

  if (error) return <p className="supervisor-error" role="alert">{t(error.key, { ...error.params, defaultValue: t('error.generic') })}</p>;
  if (!overview) return <p className="supervisor-loading">{t('loading')}</p>;
  const { sync, remote } = overview;
  return (
    <section className="supervisor-roster" data-testid="supervisor-roster" data-day={overview.day}>
      <div className={`supervisor-sync${sync.alert ? ' supervisor-alert' : ''}`} data-testid="supervisor-sync" data-alert={String(sync.alert)}>
        <span>{t('sync.queued', { count: sync.queued })}</span>
        <span>{sync.clock.ok ? t('sync.clockOk') : t('sync.clockOff', { seconds: sync.clock.offsetSeconds ?? 0 })}</span>
        {sync.lastError && <span>{t('sync.lastError', { error: t(sync.lastError.key, { ...sync.lastError.params, defaultValue: t('error.generic') }) })}</span>}
        {sync.alert && <strong>{t('sync.alert')}</strong>}
        <span data-testid="supervisor-remote" data-state={remote.state}>
          {t(`remote.${remote.state}`, { count: remote.count, time: remote.fetchedAt ? hhmm(remote.fetchedAt) : '—' })}
        </span>
      </div>
      {overview.entries.length === 0 ? (
        <p className="supervisor-empty">{t('roster.empty')}</p>
      ) : (
        <table className="supervisor-table">
          <thead>
            <tr>
              <th>{t('roster.name')}</th>
              <th>{t('roster.number')}</th>
              <th>{t('roster.status')}</th>
              <th>{t('roster.since')}</th>
              <th>{t('roster.worked')}</th>
              <th>{t('roster.anomalies')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.entries.map((entry) => {
              const name = entry.displayName ?? t('roster.unknownWorker');
              return (
                <tr key={entry.workerId ?? entry.maskedNationalNumber} data-testid="supervisor-roster-row" data-worker-name={name} data-status={entry.presence.status}>
                  <td>{name}</td>
                  <td className="supervisor-number">{entry.maskedNationalNumber}</td>
                  <td>{t(`status.${entry.presence.status}`)}</td>
                  <td>{entry.presence.since ? hhmm(entry.presence.since) : '—'}</td>
                  <td>{hmm(entry.workedMinutesToday)}</td>
                  <td>
                    {entry.anomalies.map((a, i) => (
                      <div key={i} className="anomaly-chip" data-testid="anomaly" data-kind={a.kind}>
                        <strong>{t(a.label.key, { ...a.label.params, defaultValue: t('error.generic') })}</strong>
                        {a.at && <span> {hhmm(a.at)}</span>}
                        <div className="anomaly-hint">{t(a.hint.key, { ...a.hint.params, defaultValue: t('remark.unknown.action') })}</div>
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

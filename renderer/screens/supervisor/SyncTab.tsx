/** The outbox towards ONSS: what waits, for how long, the last success and error, the clock, the alert. */
import { useTranslation } from 'react-i18next';
import { hhmm } from '../../time/format.ts';
import type { LiveOverview } from './overview.ts';
import { RemoteState } from './RemoteState.tsx';
import { messageText } from './session.ts';

function age(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : m > 0 ? `${m} min` : `${seconds} s`;
}

export function SyncTab({ live }: { live: LiveOverview }) {
  const { t } = useTranslation('supervisor');
  if (!live.overview) {
    return live.error ? <p className="supervisor-error" role="alert">{messageText(t, live.error)}</p> : <p className="supervisor-loading">{t('loading')}</p>;
  }
  const { sync, remote } = live.overview;
  const rows: Array<[string, string, string]> = [
    ['sync-online', t('sync.connection'), sync.online ? t('sync.online') : t('sync.offline')],
    ['sync-queued', t('sync.queuedLabel'), String(sync.queued)],
    ['sync-oldest', t('sync.oldest'), sync.oldestQueuedAgeSeconds === null ? '—' : age(sync.oldestQueuedAgeSeconds)],
    ['sync-last-success', t('sync.lastSuccess'), sync.lastSuccessAt ? hhmm(sync.lastSuccessAt) : t('sync.never')],
    ['sync-last-error', t('sync.lastErrorLabel'), sync.lastError ? messageText(t, sync.lastError) : '—'],
    ['sync-clock', t('sync.clock'), sync.clock.ok ? t('sync.clockOk') : t('sync.clockOff', { seconds: sync.clock.offsetSeconds ?? 0 })],
  ];
  return (
    <section className="supervisor-sync-tab" data-testid="supervisor-sync" data-alert={String(sync.alert)} data-queued={sync.queued}>
      {sync.alert && (
        <p className="sync-alert" role="alert" data-testid="sync-alert">
          {t('sync.alert')}
        </p>
      )}
      <dl className="sync-grid">
        {rows.map(([id, label, value]) => (
          <div key={id} className="sync-item" data-testid={id}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <RemoteState remote={remote} />
    </section>
  );
}

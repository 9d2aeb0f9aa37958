/**
 * The read-only roster a second browser on the site LAN opens (LAN mode): `/#/lan?token=…`, the token
 * being the site's `lan.token` (in the fragment, so it is never sent in a URL or logged). The host
 * serves other machines `getLanRoster` only — no events — so the page asks again every few seconds.
 * No national numbers, no registrations, no actions.
 */
import type { TFunction } from 'i18next';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, LanRoster, MessageRef, RosterAnomalyKind } from '../../preload/api.ts';
import { WindowedTable, type MeasureRow } from '../components/WindowedTable.tsx';
import { hhmm } from '../time/format.ts';
import { KioskApiError } from '../transport/http-bridge.ts';
import { PresenceCells } from './supervisor/PresenceCells.tsx';
import { messageText } from './supervisor/session.ts';

export const LAN_REFRESH_MS = 5000;

const ANOMALY_LABEL: Record<RosterAnomalyKind, string> = {
  'missing-out': 'anomaly.missingOut',
  'double-in': 'anomaly.doubleIn',
  'double-out': 'anomaly.doubleOut',
  rejected: 'anomaly.rejected',
  remark: 'anomaly.remark',
};

type LanEntry = LanRoster['entries'][number];

/** The token of `#/lan?token=…`, or null. */
export function lanTokenOf(hash: string): string | null {
  const query = hash.split('?')[1];
  return query ? new URLSearchParams(query).get('token') : null;
}

const LanRow = memo(function LanRow({ entry, index, t, measure }: { entry: LanEntry; index: number; t: TFunction; measure: MeasureRow }) {
  const name = entry.displayName ?? t('roster.unknownWorker');
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} data-testid="lan-roster-row" data-worker-name={name} data-status={entry.presence.status}>
      <PresenceCells name={name} presence={entry.presence} workedMinutesToday={entry.workedMinutesToday} t={t} />
      <td>
        {entry.anomalies.map((kind) => (
          <div key={kind} className="anomaly-chip" data-testid="anomaly" data-kind={kind}>
            <strong>{t(ANOMALY_LABEL[kind])}</strong>
          </div>
        ))}
      </td>
    </tr>
  );
});

export function LanRosterPage({ api, token }: { api: KioskApi; token: string | null }) {
  const { t } = useTranslation('supervisor');
  const [roster, setRoster] = useState<LanRoster | null>(null);
  const [error, setError] = useState<MessageRef | null>(token ? null : { key: 'lan.noToken' });
  const [scroller, setScroller] = useState<HTMLElement | null>(null);

  useEffect(() => {
    if (!token) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const load = () => {
      api.getLanRoster({ lanToken: token }).then(
        (next) => {
          setRoster(next);
          setError(null);
          if (!stopped) timer = setTimeout(load, LAN_REFRESH_MS);
        },
        (failure: unknown) => {
          setError(failure instanceof KioskApiError ? failure.body.message : { key: 'error.generic' });
          // A refused token stays refused; anything else (the kiosk restarting, Wi-Fi) is tried again.
          const refused = failure instanceof KioskApiError && failure.body.code === 'unauthorized';
          if (!stopped && !refused) timer = setTimeout(load, LAN_REFRESH_MS);
        },
      );
    };
    load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, token]);

  return (
    <main ref={setScroller} className="screen supervisor-screen lan-roster" data-testid="lan-roster" data-loaded={String(roster !== null)} data-count={roster?.entries.length ?? 0}>
      <header className="supervisor-head">
        <h1>{roster ? t('lan.title', { site: roster.siteName }) : t('tab.roster')}</h1>
        {roster && (
          <div className="lock-countdown" data-testid="lan-updated">
            {t('lan.updated', { time: hhmm(roster.generatedAt) })}
          </div>
        )}
      </header>
      {error && (
        <p className="supervisor-error" role="alert" data-testid="lan-error" data-key={error.key}>
          {messageText(t, error)}
        </p>
      )}
      {roster && roster.entries.length === 0 && <p className="supervisor-empty">{t('roster.empty')}</p>}
      {roster && roster.entries.length > 0 && scroller && (
        <WindowedTable
          scroller={scroller}
          rowCount={roster.entries.length}
          rowKey={String}
          columns={4}
          head={
            <>
              <th scope="col">{t('roster.name')}</th>
              <th scope="col">{t('roster.status')}</th>
              <th scope="col">{t('roster.worked')}</th>
              <th scope="col">{t('roster.anomalies')}</th>
            </>
          }
          renderRow={(i, measure) => <LanRow key={i} entry={roster.entries[i] as LanEntry} index={i} t={t} measure={measure} />}
          className="supervisor-table"
          testId="lan-roster-table"
        />
      )}
    </main>
  );
}

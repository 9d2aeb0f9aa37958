/** Who is on site now (evacuation list, supervisor view); refreshed by core events. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, KioskEvent, PresenceStatus, Roster } from '../../preload/api.ts';
import { IconBack, IconCloud, IconEndWork, IconPause, IconStartWork } from '../components/Icons.tsx';
import { hhmm } from '../time/format.ts';

interface Props {
  api: KioskApi;
  onEvent: (listener: (event: KioskEvent) => void) => () => void;
  onLoaded: () => void;
}

const ORDER: Record<PresenceStatus, number> = { 'on-site': 0, 'on-break': 1, left: 2, absent: 3 };

function StatusIcon({ status }: { status: PresenceStatus }) {
  if (status === 'on-site') return <IconStartWork />;
  if (status === 'on-break') return <IconPause />;
  return <IconEndWork />;
}

export function RosterPage({ api, onEvent, onLoaded }: Props) {
  const { t } = useTranslation();
  const [roster, setRoster] = useState<Roster | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    api.getRoster({}).then(
      (next) => {
        setRoster(next);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [api]);

  useEffect(() => {
    load();
    return onEvent((event) => {
      if (event.type === 'roster-changed' || event.type === 'registration' || event.type === 'sync') load();
    });
  }, [load, onEvent]);

  useEffect(() => {
    if (roster) onLoaded();
  }, [roster, onLoaded]);

  const entries = roster ? [...roster.entries].sort((a, b) => ORDER[a.presence.status] - ORDER[b.presence.status] || a.displayName.localeCompare(b.displayName)) : [];
  return (
    <main className="screen roster-page" data-testid="roster-page" data-loaded={String(roster !== null)}>
      <header className="roster-head">
        <a className="icon-button" href="#/" aria-label={t('roster.back')} data-testid="roster-back">
          <IconBack className="mirror-rtl" />
        </a>
        <h1>{t('roster.title')}</h1>
        {roster && <div className="roster-updated">{t('roster.updated', { time: hhmm(roster.generatedAt) })}</div>}
      </header>
      {failed && (
        <div className="offline-badge" role="status">
          {t('app.error.noConnection')}
        </div>
      )}
      {roster && entries.length === 0 && <p className="roster-empty">{t('roster.empty')}</p>}
      {entries.length > 0 && (
        <table className="roster-table">
          <thead>
            <tr>
              <th scope="col">{t('roster.name')}</th>
              <th scope="col">{t('roster.status')}</th>
              <th scope="col">{t('roster.since')}</th>
              <th scope="col" className="num">
                {t('roster.today')}
              </th>
              <th scope="col" className="num">
                {t('roster.unsynced')}
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.workerId} data-testid="roster-row" data-worker-name={entry.displayName} data-status={entry.presence.status}>
                <td className="roster-name">{entry.displayName}</td>
                <td>
                  <span className={`status-chip status-${entry.presence.status}`}>
                    <StatusIcon status={entry.presence.status} />
                    {t(`roster.${entry.presence.status}`)}
                  </span>
                </td>
                <td>{entry.presence.since ? hhmm(entry.presence.since) : '—'}</td>
                <td className="num">{entry.registrationsToday}</td>
                <td className="num">
                  {entry.unsynced > 0 ? (
                    <span className="unsynced">
                      <IconCloud />
                      {entry.unsynced}
                    </span>
                  ) : (
                    '0'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

/**
 * Who is on site today: status and since when, worked time, channels, unsynced registrations and
 * anomalies with what to do. Filter chips by status (with counts) and a name search typed on the
 * on-screen letter keyboard.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorRosterEntry } from '../../../preload/api.ts';
import { hhmm } from '../../time/format.ts';
import { AnomalyNote, ChannelBadge } from './Badges.tsx';
import { hoursMinutes } from './display.ts';
import { filterCounts, filterRoster, ROSTER_FILTERS, type RosterFilter } from './filters.ts';
import type { LiveOverview } from './overview.ts';
import { RemoteState } from './RemoteState.tsx';
import { SearchBox } from './SearchBox.tsx';
import { messageText } from './session.ts';

function RosterRow({ entry }: { entry: SupervisorRosterEntry }) {
  const { t } = useTranslation('supervisor');
  const name = entry.displayName ?? t('roster.unknownWorker');
  const { presence } = entry;
  return (
    <tr data-testid="supervisor-roster-row" data-worker-name={name} data-status={presence.status} data-unsynced={entry.unsynced}>
      <td>
        <div className="roster-name">{name}</div>
        <div className="supervisor-number">{entry.maskedNationalNumber}</div>
      </td>
      <td>
        <span className={`status-pill status-${presence.status}`}>{t(`status.${presence.status}`)}</span>
        <div className="roster-since" data-testid="roster-since">
          {presence.since ? t('roster.sinceTime', { time: hhmm(presence.since) }) : '—'}
        </div>
      </td>
      <td className="roster-worked" data-testid="roster-worked">
        {hoursMinutes(entry.workedMinutesToday)}
      </td>
      <td>
        <div className="chips">
          {entry.channels.map((c) => (
            <ChannelBadge key={c} channel={c} />
          ))}
        </div>
        {entry.unsynced > 0 && (
          <div className="chip chip-queued" data-testid="roster-unsynced">
            {t('roster.unsynced', { count: entry.unsynced })}
          </div>
        )}
      </td>
      <td>
        {entry.anomalies.map((a, i) => (
          <AnomalyNote key={`${a.registrationId ?? ''}-${a.kind}-${i}`} anomaly={a} />
        ))}
      </td>
    </tr>
  );
}

export function RosterTab({ live }: { live: LiveOverview }) {
  const { t } = useTranslation('supervisor');
  const [filter, setFilter] = useState<RosterFilter>('all');
  const [query, setQuery] = useState('');
  const entries = live.overview?.entries;
  const shown = useMemo(() => (entries ? filterRoster(entries, filter, query) : []), [entries, filter, query]);
  const counts = useMemo(() => filterCounts(entries ?? []), [entries]);

  if (!live.overview) {
    return live.error ? <p className="supervisor-error" role="alert">{messageText(t, live.error)}</p> : <p className="supervisor-loading">{t('loading')}</p>;
  }
  const { overview } = live;
  return (
    <section className="supervisor-roster" data-testid="supervisor-roster" data-day={overview.day} data-count={shown.length}>
      <RemoteState remote={overview.remote} />
      <div className="roster-tools">
        <div className="filter-chips" role="group" aria-label={t('roster.filter')}>
          {ROSTER_FILTERS.map((f) => (
            <button key={f} type="button" className={`filter-chip${filter === f ? ' active' : ''}`} aria-pressed={filter === f} data-testid={`roster-filter-${f}`} onClick={() => setFilter(f)}>
              {t(`filter.${f}`)} <span className="filter-count">{counts[f]}</span>
            </button>
          ))}
        </div>
        <SearchBox value={query} onChange={setQuery} />
      </div>
      {live.error && <p className="supervisor-error" role="alert">{messageText(t, live.error)}</p>}
      {shown.length === 0 ? (
        <p className="supervisor-empty" data-testid="roster-empty">
          {overview.entries.length === 0 ? t('roster.empty') : t('roster.noMatch')}
        </p>
      ) : (
        <table className="supervisor-table">
          <thead>
            <tr>
              <th>{t('roster.name')}</th>
              <th>{t('roster.status')}</th>
              <th>{t('roster.worked')}</th>
              <th>{t('roster.channels')}</th>
              <th>{t('roster.anomalies')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <RosterRow key={entry.workerId ?? entry.maskedNationalNumber} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

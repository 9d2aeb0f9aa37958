/**
 * Who is on site today: status and since when, worked time, channels, unsynced registrations and
 * anomalies with what to do. Filter chips by status (with counts) and a name search typed on the
 * on-screen letter keyboard.
 * A big site has thousands of workers: only the rows near the screen are drawn (WindowedTable).
 */
import type { TFunction } from 'i18next';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorRosterEntry } from '../../../preload/api.ts';
import { WindowedTable, type MeasureRow } from '../../components/WindowedTable.tsx';
import { AnomalyNote, ChannelBadge } from './Badges.tsx';
import { filterCounts, filterRoster, ROSTER_FILTERS, type RosterFilter } from './filters.ts';
import type { LiveOverview } from './overview.ts';
import { PresenceCells } from './PresenceCells.tsx';
import { RemoteState } from './RemoteState.tsx';
import { SearchBox } from './SearchBox.tsx';
import { messageText } from './session.ts';

interface RowProps {
  entry: SupervisorRosterEntry;
  /** 0-based position in the filtered list. */
  index: number;
  t: TFunction;
  measure: MeasureRow;
}

const RosterRow = memo(function RosterRow({ entry, index, t, measure }: RowProps) {
  const name = entry.displayName ?? t('roster.unknownWorker');
  const { presence } = entry;
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      data-testid="supervisor-roster-row"
      data-worker-name={name}
      data-status={presence.status}
      data-unsynced={entry.unsynced}
    >
      <PresenceCells name={name} maskedNationalNumber={entry.maskedNationalNumber} presence={presence} workedMinutesToday={entry.workedMinutesToday} t={t} />
      <td>
        <div className="chips">
          {entry.channels.map((c) => (
            <ChannelBadge key={c} channel={c} t={t} />
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
          <AnomalyNote key={`${a.registrationId ?? ''}-${a.kind}-${i}`} anomaly={a} t={t} />
        ))}
      </td>
    </tr>
  );
});

function rowKey(entry: SupervisorRosterEntry): string {
  return entry.workerId ?? entry.maskedNationalNumber;
}

export function RosterTab({ live, scroller }: { live: LiveOverview; scroller: HTMLElement | null }) {
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
        scroller && (
          <WindowedTable
            scroller={scroller}
            rowCount={shown.length}
            rowKey={(i) => rowKey(shown[i] as SupervisorRosterEntry)}
            columns={5}
            head={
              <>
                <th scope="col">{t('roster.name')}</th>
                <th scope="col">{t('roster.status')}</th>
                <th scope="col">{t('roster.worked')}</th>
                <th scope="col">{t('roster.channels')}</th>
                <th scope="col">{t('roster.anomalies')}</th>
              </>
            }
            renderRow={(i, measure) => {
              const entry = shown[i] as SupervisorRosterEntry;
              return <RosterRow key={rowKey(entry)} entry={entry} index={i} t={t} measure={measure} />;
            }}
            className="supervisor-table"
            testId="supervisor-roster-table"
          />
        )
      )}
    </section>
  );
}

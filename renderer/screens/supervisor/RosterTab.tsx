/**
 * Who is on site today: status and since when, worked time, channels, unsynced registrations and
 * anomalies with what to do. Filter chips by status (with counts) and a name search typed on the
 * on-screen letter keyboard.
 *
 * A big site has thousands of workers: only the rows near the screen are in the DOM (the screen, not
 * the table, scrolls, so the filters scroll away as before). Spacer rows keep the table's height, and
 * aria-rowcount/aria-rowindex tell screen readers where each drawn row sits in the whole list.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
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

/** A row without anomalies; rows are measured once drawn, this only sizes the ones not drawn yet. */
const ROW_ESTIMATE_PX = 88;
/** Rows drawn beyond each edge of the screen, so a flick does not show blank space. */
const OVERSCAN_ROWS = 8;

interface RowProps {
  entry: SupervisorRosterEntry;
  /** 0-based position in the filtered list. */
  index: number;
  t: TFunction;
  measure: (row: HTMLTableRowElement | null) => void;
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

interface RosterTableProps {
  shown: readonly SupervisorRosterEntry[];
  /** The element that scrolls the roster: the supervisor screen. */
  scroller: HTMLElement;
  t: TFunction;
}

function RosterTable({ shown, scroller, t }: RosterTableProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  // Where the rows start inside the scrolled content; it moves when the keyboard opens or an error shows.
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      if (body.current) setScrollMargin(body.current.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
    };
    measure();
    const observer = new ResizeObserver(measure);
    for (const child of scroller.children) observer.observe(child);
    return () => observer.disconnect();
  }, [scroller]);

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN_ROWS,
    scrollMargin,
    getItemKey: (i) => rowKey(shown[i] as SupervisorRosterEntry),
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - scrollMargin : 0;
  const padBottom = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;

  return (
    <table className="supervisor-table" aria-rowcount={shown.length + 1} data-testid="supervisor-roster-table">
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col">{t('roster.name')}</th>
          <th scope="col">{t('roster.status')}</th>
          <th scope="col">{t('roster.worked')}</th>
          <th scope="col">{t('roster.channels')}</th>
          <th scope="col">{t('roster.anomalies')}</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {padTop > 0 && (
          <tr className="roster-spacer" aria-hidden="true">
            <td colSpan={5} style={{ height: padTop }} />
          </tr>
        )}
        {items.map((item) => {
          const entry = shown[item.index] as SupervisorRosterEntry;
          return <RosterRow key={item.key} entry={entry} index={item.index} t={t} measure={virtualizer.measureElement} />;
        })}
        {padBottom > 0 && (
          <tr className="roster-spacer" aria-hidden="true">
            <td colSpan={5} style={{ height: padBottom }} />
          </tr>
        )}
      </tbody>
    </table>
  );
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
        scroller && <RosterTable shown={shown} scroller={scroller} t={t} />
      )}
    </section>
  );
}

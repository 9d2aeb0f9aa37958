/**
 * A table whose body draws only the rows near the screen, for lists of thousands (the rosters). The
 * page element that scrolls is given, not the table: the controls above the table scroll away with it.
 * Spacer rows keep the table's full height; aria-rowcount/aria-rowindex tell screen readers where
 * each drawn row sits in the whole list.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** A row without notes; rows are measured once drawn, this only sizes the ones not drawn yet. */
const ROW_ESTIMATE_PX = 88;
/** Rows drawn beyond each edge of the screen, so a flick does not show blank space. */
const OVERSCAN_ROWS = 8;

/** What a drawn row must put on its `<tr>`: `ref={measure}`, `data-index={index}`, `aria-rowindex={index + 2}`. */
export type MeasureRow = (row: HTMLTableRowElement | null) => void;

interface Props {
  /** The element that scrolls the table (the screen). */
  scroller: HTMLElement;
  rowCount: number;
  rowKey: (index: number) => string;
  /** The header cells. */
  head: ReactNode;
  columns: number;
  renderRow: (index: number, measure: MeasureRow) => ReactNode;
  className: string;
  testId: string;
}

export function WindowedTable({ scroller, rowCount, rowKey, head, columns, renderRow, className, testId }: Props) {
  const body = useRef<HTMLTableSectionElement>(null);
  // Where the rows start inside the scrolled content; it moves when something above the table changes size.
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
    count: rowCount,
    getScrollElement: () => scroller,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN_ROWS,
    scrollMargin,
    getItemKey: rowKey,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - scrollMargin : 0;
  const padBottom = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;
  const spacer = (height: number) => (
    <tr className="windowed-spacer" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );

  return (
    <table className={className} aria-rowcount={rowCount + 1} data-testid={testId}>
      <thead>
        <tr aria-rowindex={1}>{head}</tr>
      </thead>
      <tbody ref={body}>
        {padTop > 0 && spacer(padTop)}
        {items.map((item) => renderRow(item.index, virtualizer.measureElement))}
        {padBottom > 0 && spacer(padBottom)}
      </tbody>
    </table>
  );
}

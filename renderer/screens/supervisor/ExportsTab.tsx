/** CSV/PDF of one Europe/Brussels day or one week (Monday to Sunday, up to today), saved through a Blob link. */
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRef } from '../../../preload/api.ts';
import { ZONE } from '../../time/format.ts';
import { download } from './download.ts';
import { exportRange, type RangeKind } from './export-range.ts';
import { messageText, type SupervisorContext } from './session.ts';

export function ExportsTab({ ctx, clockOffsetMs }: { ctx: SupervisorContext; clockOffsetMs: number }) {
  const { t, i18n } = useTranslation('supervisor');
  const today = DateTime.fromMillis(Date.now() + clockOffsetMs).setZone(ZONE);
  const [kind, setKind] = useState<RangeKind>('day');
  const [anchor, setAnchor] = useState(today);
  const [error, setError] = useState<MessageRef | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const range = exportRange(kind, anchor, today);
  const atLatest = exportRange(kind, anchor.plus({ [kind === 'day' ? 'days' : 'weeks']: 1 }), today).from > today.toISODate()!;
  const fmt = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).setLocale(i18n.language).toFormat('ccc d LLL yyyy');

  const step = (direction: 1 | -1) => setAnchor((a) => a.plus({ [kind === 'day' ? 'days' : 'weeks']: direction }));
  const run = (format: 'csv' | 'pdf') => {
    setBusy(true);
    setError(null);
    setSaved(null);
    void ctx.guard(ctx.api.exportRegistrations({ session: ctx.session, ...range, format })).then((r) => {
      setBusy(false);
      if (r.ok) {
        download(r.value);
        setSaved(r.value.fileName);
      } else setError(r.message);
    });
  };

  return (
    <section className="supervisor-exports" data-testid="supervisor-exports" data-from={range.from} data-to={range.to}>
      <div className="filter-chips" role="group" aria-label={t('exports.period')}>
        {(['day', 'week'] as const).map((k) => (
          <button key={k} type="button" className={`filter-chip${kind === k ? ' active' : ''}`} aria-pressed={kind === k} data-testid={`export-range-${k}`} onClick={() => setKind(k)}>
            {t(`exports.${k}`)}
          </button>
        ))}
      </div>
      <div className="export-period">
        <button type="button" className="secondary-button" data-testid="export-prev" aria-label={t('exports.previous')} onClick={() => step(-1)}>
          {t('exports.previous')}
        </button>
        <div className="export-dates" data-testid="export-period">
          {range.from === range.to ? fmt(range.from) : `${fmt(range.from)} – ${fmt(range.to)}`}
        </div>
        <button type="button" className="secondary-button" data-testid="export-next" aria-label={t('exports.next')} disabled={atLatest} onClick={() => step(1)}>
          {t('exports.next')}
        </button>
      </div>
      <div className="export-buttons">
        <button type="button" className="primary-button" data-testid="export-csv" disabled={busy} onClick={() => run('csv')}>
          {t('exports.csv')}
        </button>
        <button type="button" className="primary-button" data-testid="export-pdf" disabled={busy} onClick={() => run('pdf')}>
          {t('exports.pdf')}
        </button>
      </div>
      {saved && (
        <p className="export-saved" role="status" data-testid="export-saved">
          {t('exports.saved', { file: saved })}
        </p>
      )}
      {error && <p className="supervisor-error" role="alert">{messageText(t, error)}</p>}
    </section>
  );
}

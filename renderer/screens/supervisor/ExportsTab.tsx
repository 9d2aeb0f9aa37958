/** CSV/PDF of today's or this week's registrations (Europe/Brussels days), saved through a Blob URL. */
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFile, MessageRef } from '../../../preload/api.ts';
import { ZONE } from '../../time/format.ts';
import type { SupervisorContext } from './session.ts';

type Range = 'today' | 'week';

export function rangeOf(range: Range, now: DateTime): { from: string; to: string } {
  const today = now.setZone(ZONE);
  const from = range === 'today' ? today : today.startOf('week');
  return { from: from.toISODate() ?? '', to: today.toISODate() ?? '' };
}

function download(file: ExportFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportsTab({ ctx }: { ctx: SupervisorContext }) {
  const { t } = useTranslation('supervisor');
  const [range, setRange] = useState<Range>('today');
  const [error, setError] = useState<MessageRef | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (format: 'csv' | 'pdf') => {
    setBusy(true);
    setError(null);
    void ctx.guard(ctx.api.exportRegistrations({ session: ctx.session, ...rangeOf(range, DateTime.now()), format })).then((r) => {
      setBusy(false);
      if (r.ok) download(r.value);
      else setError(r.message);
    });
  };

  return (
    <section className="supervisor-exports" data-testid="supervisor-exports">
      <div className="export-range">
        {(['today', 'week'] as const).map((r) => (
          <label key={r}>
            <input type="radio" name="export-range" data-testid={`export-range-${r}`} checked={range === r} onChange={() => setRange(r)} /> {t(`exports.${r}`)}
          </label>
        ))}
      </div>
      <div className="export-buttons">
        <button type="button" className="secondary-button big-button" data-testid="export-csv" disabled={busy} onClick={() => run('csv')}>
          {t('exports.csv')}
        </button>
        <button type="button" className="secondary-button big-button" data-testid="export-pdf" disabled={busy} onClick={() => run('pdf')}>
          {t('exports.pdf')}
        </button>
      </div>
      {error && <p className="supervisor-error" role="alert">{t(error.key, { ...error.params, defaultValue: t('error.generic') })}</p>}
    </section>
  );
}

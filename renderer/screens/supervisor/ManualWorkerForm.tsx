/**
 * A worker without a Belgian eID, typed in by the supervisor: NISS/BIS on the numeric pad (shown as
 * YY.MM.DD-XXX.CC), names on the letter keyboard. The core checks the number; its refusal is shown
 * next to the number.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRef } from '../../../preload/api.ts';
import { formatNationalNumber } from './display.ts';
import { ErrorLine } from './ErrorLine.tsx';
import { OnScreenKeyboard } from './OnScreenKeyboard.tsx';
import type { SupervisorContext } from './session.ts';

type Field = 'number' | 'surname' | 'firstNames';
const FIELDS: readonly Field[] = ['number', 'surname', 'firstNames'];

interface Props {
  ctx: SupervisorContext;
  /** The worker exists (new or already known); the core now waits for their badge. */
  onEnrolled: (worker: { workerId: string; name: string; existing: boolean }) => void;
  onCancel: () => void;
}

export function ManualWorkerForm({ ctx, onEnrolled, onCancel }: Props) {
  const { t } = useTranslation('supervisor');
  const [values, setValues] = useState<Record<Field, string>>({ number: '', surname: '', firstNames: '' });
  const [field, setField] = useState<Field>('number');
  const [error, setError] = useState<MessageRef | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (change: (v: string) => string) => {
    setError(null);
    setValues((prev) => ({ ...prev, [field]: change(prev[field]) }));
  };
  const type = (c: string) => edit((v) => (field === 'number' ? (v.length < 11 ? v + c : v) : v.length < 60 ? v + c : v));
  const complete = values.number.length === 11 && values.surname.trim() !== '' && values.firstNames.trim() !== '';

  const submit = () => {
    if (!complete || busy) return;
    setBusy(true);
    const input = { session: ctx.session, nationalNumber: values.number, surname: values.surname.trim(), firstNames: values.firstNames.trim() };
    void ctx.guard(ctx.api.enrolManualWorker(input)).then((r) => {
      setBusy(false);
      if (r.ok) onEnrolled({ workerId: r.value.workerId, name: `${input.firstNames} ${input.surname}`, existing: r.value.existing });
      else {
        setError(r.message);
        setField('number');
      }
    });
  };

  return (
    <section className="manual-worker" data-testid="manual-worker-form">
      <h2>{t('manual.title')}</h2>
      <div className="manual-fields">
        {FIELDS.map((f) => (
          <button
            key={f}
            type="button"
            className={`manual-field${field === f ? ' active' : ''}${f === 'number' && error ? ' invalid' : ''}`}
            data-testid={`manual-field-${f}`}
            aria-pressed={field === f}
            onClick={() => setField(f)}
          >
            <span className="manual-label">{t(`manual.${f}`)}</span>
            <span className="manual-value" data-testid={`manual-value-${f}`} dir="ltr">
              {f === 'number' ? formatNationalNumber(values.number) || t('manual.numberHint') : values[f] || '…'}
            </span>
          </button>
        ))}
      </div>
      <div className="manual-actions">
        <button type="button" className="secondary-button" data-testid="manual-cancel" onClick={onCancel}>
          {t('workers.cancel')}
        </button>
        <button type="button" className="primary-button" data-testid="manual-submit" disabled={!complete || busy} onClick={submit}>
          {t('manual.submit')}
        </button>
      </div>
      {error && <ErrorLine message={error} testId="manual-error" className="manual-error" />}
      <OnScreenKeyboard layout={field === 'number' ? 'digits' : 'letters'} onKey={type} onBackspace={() => edit((v) => v.slice(0, -1))} />
    </section>
  );
}

/**
 * One declaration of works, new or edited, typed on the on-screen keyboard: each field is a big
 * button that the keyboard types into. The core validates (KBO checksum and all); its refusals are
 * shown under their fields and nothing is stored. "Preview poster" renders the unsaved draft.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclarationFieldError, DeclarationInput, DeclarationRegion, DeclarationView, ExportFile, MessageRef } from '../../../preload/api.ts';
import { download, fileBlob } from './download.ts';
import { ErrorLine } from './ErrorLine.tsx';
import { OnScreenKeyboard } from './OnScreenKeyboard.tsx';
import { messageText, type Guarded, type SupervisorContext } from './session.ts';

type TextField =
  | 'dowNumber'
  | 'workplaceId'
  | 'employerName'
  | 'enterpriseNumber'
  | 'siteName'
  | 'street'
  | 'postalCode'
  | 'municipality'
  | 'lat'
  | 'lon'
  | 'smartphoneUrl';

const REQUIRED: readonly TextField[] = ['dowNumber', 'workplaceId', 'employerName', 'enterpriseNumber', 'siteName', 'street', 'postalCode', 'municipality'];
const DIGIT_FIELDS: ReadonlySet<TextField> = new Set(['enterpriseNumber', 'postalCode']);
/** The core's error paths (`siteAddress.street`, `gps`) → the field that shows the message. */
const ERROR_FIELD: Record<string, TextField | 'gps'> = {
  'siteAddress.street': 'street',
  'siteAddress.postalCode': 'postalCode',
  'siteAddress.municipality': 'municipality',
  'gps.lat': 'gps',
  'gps.lon': 'gps',
};
const REGION_RECORD: Record<DeclarationRegion, true> = { flanders: true, wallonia: true, brussels: true, 'east-cantons': true };
const REGIONS = Object.keys(REGION_RECORD) as DeclarationRegion[];
const MAX_LENGTH = 300;

type Values = Record<TextField, string>;
type Errors = Partial<Record<TextField | 'gps', MessageRef>>;
type Refused = { ok: false; errors: DeclarationFieldError[] };

function initialValues(d: DeclarationView | null): Values {
  const i = d?.input;
  return {
    dowNumber: i?.dowNumber ?? '',
    workplaceId: i?.workplaceId ?? '',
    employerName: i?.employerName ?? '',
    enterpriseNumber: i?.enterpriseNumber ?? '',
    siteName: i?.siteName ?? '',
    street: i?.siteAddress.street ?? '',
    postalCode: i?.siteAddress.postalCode ?? '',
    municipality: i?.siteAddress.municipality ?? '',
    lat: i?.gps ? String(i.gps.lat) : '',
    lon: i?.gps ? String(i.gps.lon) : '',
    smartphoneUrl: i?.smartphoneUrl ?? '',
  };
}

/** The draft as the contract wants it; GPS is both numbers or none (a half-typed pair is refused here). */
function toInput(v: Values, region: DeclarationRegion, includeEnglish: boolean): DeclarationInput | null {
  const coordinate = (s: string) => (/^-?\d+([.,]\d+)?$/.test(s.trim()) ? Number(s.trim().replace(',', '.')) : Number.NaN);
  const noGps = v.lat.trim() === '' && v.lon.trim() === '';
  const gps = noGps ? null : { lat: coordinate(v.lat), lon: coordinate(v.lon) };
  if (gps && (Number.isNaN(gps.lat) || Number.isNaN(gps.lon))) return null;
  return {
    dowNumber: v.dowNumber,
    workplaceId: v.workplaceId,
    employerName: v.employerName,
    enterpriseNumber: v.enterpriseNumber,
    siteName: v.siteName,
    siteAddress: { street: v.street, postalCode: v.postalCode, municipality: v.municipality },
    region,
    includeEnglish,
    gps,
    smartphoneUrl: v.smartphoneUrl.trim() === '' ? null : v.smartphoneUrl.trim(),
  };
}

function errorsOf(list: DeclarationFieldError[]): Errors {
  const errors: Errors = {};
  for (const e of list) {
    const field = ERROR_FIELD[e.field] ?? (e.field as TextField | 'gps');
    errors[field] ??= e.message;
  }
  return errors;
}

interface Props {
  ctx: SupervisorContext;
  /** null: a new declaration. */
  declaration: DeclarationView | null;
  smartphoneUrlTemplate: string;
  onSaved: (saved: DeclarationView) => void;
  onCancel: () => void;
}

export function DeclarationForm({ ctx, declaration, smartphoneUrlTemplate, onSaved, onCancel }: Props) {
  const { t } = useTranslation('supervisor');
  const [values, setValues] = useState<Values>(() => initialValues(declaration));
  const [region, setRegion] = useState<DeclarationRegion>(declaration?.input.region ?? 'brussels');
  const [includeEnglish, setIncludeEnglish] = useState(declaration?.input.includeEnglish ?? false);
  const [field, setField] = useState<TextField>('dowNumber');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<MessageRef | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ file: ExportFile; url: string } | null>(null);

  // The preview's blob: URL lives as long as it is shown.
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);

  const changed = () => {
    setFailure(null);
    setPreview(null);
  };
  const edit = (change: (v: string) => string) => {
    changed();
    setErrors((prev) => ({ ...prev, [field]: undefined, ...(field === 'lat' || field === 'lon' ? { gps: undefined } : {}) }));
    setValues((prev) => ({ ...prev, [field]: change(prev[field]).slice(0, MAX_LENGTH) }));
  };
  const complete = REQUIRED.every((f) => values[f].trim() !== '');

  /** Runs a save or a preview of the current draft; refusals land on their fields. */
  const submit = <R extends { ok: true }>(call: (input: DeclarationInput) => Promise<Guarded<R | Refused>>, done: (result: R) => void) => {
    const input = toInput(values, region, includeEnglish);
    if (!input) {
      setErrors((prev) => ({ ...prev, gps: { key: 'declaration.error.gps' } }));
      setFailure({ key: 'declaration.invalid' });
      return;
    }
    setBusy(true);
    setFailure(null);
    void call(input).then((r) => {
      setBusy(false);
      if (!r.ok) setFailure(r.message);
      else if ('errors' in r.value) {
        setErrors(errorsOf(r.value.errors));
        setFailure({ key: 'declaration.invalid' });
      } else {
        setErrors({});
        done(r.value);
      }
    });
  };
  const save = () =>
    submit(
      (d) => ctx.guard(ctx.api.saveDeclaration({ session: ctx.session, ...(declaration ? { id: declaration.id } : {}), declaration: d })),
      (r) => onSaved(r.declaration),
    );
  const showPreview = () =>
    submit(
      (d) => ctx.guard(ctx.api.previewPoster({ session: ctx.session, declaration: d })),
      (r) => setPreview({ file: r.file, url: URL.createObjectURL(fileBlob(r.file)) }),
    );

  const fieldButton = (f: TextField, optional = false) => {
    const error = errors[f];
    const invalid = error !== undefined || ((f === 'lat' || f === 'lon') && errors.gps !== undefined);
    return (
      <div key={f} className="declaration-field">
        <button
          type="button"
          className={`manual-field${field === f ? ' active' : ''}${invalid ? ' invalid' : ''}`}
          data-testid={`declaration-field-${f}`}
          aria-pressed={field === f}
          aria-invalid={invalid || undefined}
          onClick={() => {
            setField(f);
            setPreview(null);
          }}
        >
          <span className="manual-label">
            {t(`declaration.field.${f}`)}
            {optional && ` (${t('declaration.optional')})`}
          </span>
          <span className="manual-value" data-testid={`declaration-value-${f}`} dir="ltr">
            {values[f] || '…'}
          </span>
        </button>
        {error && (
          <p className="field-error" role="alert" data-testid={`declaration-error-${f}`} data-key={error.key}>
            {messageText(t, error)}
          </p>
        )}
      </div>
    );
  };

  const templateUrl = smartphoneUrlTemplate.replaceAll('{dowNumber}', encodeURIComponent(values.dowNumber.trim() || '…'));
  return (
    <section className="declaration-form" data-testid="declaration-form">
      <h2>{declaration ? t('declaration.title.edit', { dowNumber: declaration.input.dowNumber }) : t('declaration.title.new')}</h2>
      <div className="declaration-fields">
        {(['dowNumber', 'workplaceId', 'employerName', 'enterpriseNumber', 'siteName', 'street', 'postalCode', 'municipality'] as const).map((f) => fieldButton(f))}
      </div>
      <div className="declaration-options">
        <div className="filter-chips" role="group" aria-label={t('declaration.region')}>
          <span className="manual-label">{t('declaration.region')}</span>
          {REGIONS.map((r) => (
            <button key={r} type="button" className={`filter-chip region-button${region === r ? ' active' : ''}`} aria-pressed={region === r} data-testid={`declaration-region-${r}`} onClick={() => {
                changed();
                setRegion(r);
              }}>
              {t(`declaration.region.${r}`)}
            </button>
          ))}
          <button type="button" className={`filter-chip${includeEnglish ? ' active' : ''}`} aria-pressed={includeEnglish} data-testid="declaration-english" onClick={() => {
              changed();
              setIncludeEnglish((v) => !v);
            }}>
            {t('declaration.includeEnglish')}
          </button>
        </div>
      </div>
      <div className="declaration-fields declaration-optional" role="group" aria-label={t('declaration.gps')}>
        {fieldButton('lat', true)}
        {fieldButton('lon', true)}
        {fieldButton('smartphoneUrl', true)}
      </div>
      {errors.gps && (
        <p className="field-error" role="alert" data-testid="declaration-error-gps" data-key={errors.gps.key}>
          {messageText(t, errors.gps)}
        </p>
      )}
      <p className="declaration-hint" data-testid="declaration-url-hint">
        {t('declaration.urlHint', { url: templateUrl })}
      </p>
      <div className="manual-actions">
        <button type="button" className="secondary-button" data-testid="declaration-cancel" onClick={onCancel}>
          {t('workers.cancel')}
        </button>
        <button type="button" className="secondary-button" data-testid="declaration-clear-field" onClick={() => edit(() => '')}>
          {t('declaration.clearField')}
        </button>
        <button type="button" className="secondary-button" data-testid="declaration-preview" disabled={!complete || busy} onClick={showPreview}>
          {t('declaration.preview')}
        </button>
        <button type="button" className="primary-button" data-testid="declaration-save" disabled={!complete || busy} onClick={save}>
          {t('declaration.save')}
        </button>
      </div>
      {failure && <ErrorLine message={failure} testId="declaration-failure" />}
      {preview && (
        <div className="poster-preview">
          <div className="manual-actions">
            <strong>{t('declaration.previewTitle')}</strong>
            <button type="button" className="primary-button" data-testid="declaration-save-pdf" onClick={() => download(preview.file)}>
              {t('declaration.savePdf')}
            </button>
          </div>
          <iframe className="poster-frame" title={t('declaration.previewTitle')} src={preview.url} data-testid="poster-preview" data-file-name={preview.file.fileName} />
        </div>
      )}
      {/* The form scrolls under the keyboard, so the field being typed is repeated above the keys. The
          preview takes its place until a field is touched again. */}
      {!preview && (
        <div className="declaration-keyboard">
          <div className="declaration-typing" aria-hidden="true">
            <span className="manual-label">{t(`declaration.field.${field}`)}</span> <span dir="ltr">{values[field]}</span>
          </div>
          <OnScreenKeyboard layout={DIGIT_FIELDS.has(field) ? 'digits' : 'text'} onKey={(c) => edit((v) => v + c)} onBackspace={() => edit((v) => v.slice(0, -1))} />
        </div>
      )}
    </section>
  );
}

/**
 * The site's declarations of works and its poster: the list with the active one marked (its QR code is
 * on the poster and on the idle screen when no reader works), new / edit (DeclarationForm), make
 * active, delete after a confirm (not the active one), and the active declaration's poster as a PDF.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclarationList, DeclarationView, MessageRef } from '../../../preload/api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { DeclarationForm } from './DeclarationForm.tsx';
import { formatEnterpriseNumber } from './display.ts';
import { ErrorLine } from './ErrorLine.tsx';
import { download } from './download.ts';
import { messageText, type SupervisorContext } from './session.ts';

interface ItemProps {
  d: DeclarationView;
  kiosk: DeclarationList['kioskRegistersFor'];
  onEdit: () => void;
  onActivate: () => void;
  onDelete: () => void;
}

function DeclarationItem({ d, kiosk, onEdit, onActivate, onDelete }: ItemProps) {
  const { t } = useTranslation('supervisor');
  const i = d.input;
  return (
    <li className={`worker-item declaration-item${d.active ? ' declaration-active' : ''}`} data-testid="declaration-item" data-dow={i.dowNumber} data-active={d.active}>
      <div className="worker-item-head">
        <div className="worker-who">
          <strong dir="ltr">{i.dowNumber}</strong>
          <span>{i.siteName}</span>
          {d.active && <span className="chip chip-supervisor" data-testid="declaration-active">{t('declarations.active')}</span>}
          <span className="chip">{d.languages.map((l) => l.toUpperCase()).join(' + ')}</span>
        </div>
        <button type="button" className="secondary-button" data-testid="declaration-edit" onClick={onEdit}>
          {t('declarations.edit')}
        </button>
        {!d.active && (
          <button type="button" className="secondary-button" data-testid="declaration-activate" onClick={onActivate}>
            {t('declarations.activate')}
          </button>
        )}
        {!d.active && (
          <ConfirmButton
            label={t('declarations.delete')}
            question={t('declarations.deleteConfirm')}
            yes={t('declarations.deleteYes')}
            no={t('workers.no')}
            testId="declaration-delete"
            onConfirm={onDelete}
          />
        )}
      </div>
      <div className="declaration-facts">
        {i.employerName} · {formatEnterpriseNumber(i.enterpriseNumber)} · {i.siteAddress.street}, {i.siteAddress.postalCode} {i.siteAddress.municipality}
      </div>
      <code className="declaration-url" dir="ltr" data-testid="declaration-url">
        {d.smartphoneUrl}
      </code>
      {!d.matchesKiosk && (
        <p className="declaration-other-workplace" role="note" data-testid="declaration-other-workplace">
          {t('declarations.otherWorkplace', { workplaceId: kiosk.workplaceId, enterpriseNumber: formatEnterpriseNumber(kiosk.enterpriseNumber) })}
        </p>
      )}
    </li>
  );
}

export function DeclarationsTab({ ctx }: { ctx: SupervisorContext }) {
  const { t } = useTranslation('supervisor');
  const { guard, api, session } = ctx;
  const [list, setList] = useState<DeclarationList | null>(null);
  const [error, setError] = useState<MessageRef | null>(null);
  const [status, setStatus] = useState<MessageRef | null>(null);
  // undefined: the list; null: a new declaration; a view: editing it.
  const [editing, setEditing] = useState<DeclarationView | null | undefined>(undefined);
  const edit = (d: DeclarationView | null) => {
    setStatus(null);
    setEditing(d);
  };

  const show = (r: { ok: true; value: DeclarationList } | { ok: false; message: MessageRef }) => {
    if (r.ok) setList(r.value);
    else setError(r.message);
  };
  const load = useCallback(() => {
    void guard(api.listDeclarations({ session })).then(show);
  }, [guard, api, session]);
  useEffect(() => load(), [load]);

  const act = (call: Promise<DeclarationList>) => {
    setError(null);
    setStatus(null);
    void guard(call).then(show);
  };
  const poster = () => {
    setError(null);
    setStatus(null);
    void guard(api.getPoster({ session })).then((r) => {
      if (!r.ok) return setError(r.message);
      download(r.value);
      setStatus({ key: 'exports.saved', params: { file: r.value.fileName } });
    });
  };

  if (editing !== undefined && list) {
    return (
      <DeclarationForm
        ctx={ctx}
        declaration={editing}
        smartphoneUrlTemplate={list.smartphoneUrlTemplate}
        onCancel={() => setEditing(undefined)}
        onSaved={(saved) => {
          setEditing(undefined);
          setStatus({ key: 'declarations.saved', params: { dowNumber: saved.input.dowNumber } });
          load();
        }}
      />
    );
  }
  if (!list) return error ? <ErrorLine message={error} testId="declarations-error" /> : <p className="supervisor-loading">{t('loading')}</p>;
  const hasActive = list.declarations.some((d) => d.active);
  return (
    <section className="supervisor-declarations" data-testid="supervisor-declarations">
      <p className="declaration-hint">{t('declarations.activeHint')}</p>
      <div className="workers-actions">
        <button type="button" className="primary-button" data-testid="declaration-new" onClick={() => edit(null)}>
          {t('declarations.new')}
        </button>
        <button type="button" className="secondary-button" data-testid="declaration-poster" disabled={!hasActive} onClick={poster}>
          {t('declarations.poster')}
        </button>
      </div>
      {status && (
        <p className="export-saved" role="status" data-testid="declarations-status">
          {messageText(t, status)}
        </p>
      )}
      {error && <ErrorLine message={error} testId="declarations-error" />}
      {list.declarations.length === 0 && <p className="badge-none">{t('declarations.empty')}</p>}
      <ul className="worker-list">
        {list.declarations.map((d) => (
          <DeclarationItem
            key={d.id}
            d={d}
            kiosk={list.kioskRegistersFor}
            onEdit={() => edit(d)}
            onActivate={() => act(api.activateDeclaration({ session, id: d.id }))}
            onDelete={() => act(api.deleteDeclaration({ session, id: d.id }))}
          />
        ))}
      </ul>
    </section>
  );
}

/**
 * Supervisor mode's declarations of works: list, create or edit (validated; refused input is not
 * stored and comes back per field), make one active, delete an inactive one, and render the poster —
 * of the active declaration or of an unsaved draft. Every call is audited; refusals record the field
 * names only, never what was typed.
 */
import type {
  DeclarationFieldError,
  DeclarationInput,
  DeclarationList,
  DeclarationView,
  ExportFile,
  KioskEvent,
  PreviewPosterResult,
  SaveDeclarationResult,
} from '../../../preload/api.ts';
import { KioskError } from '../api/kiosk-error.ts';
import { renderPoster } from '../poster/render-poster.node.ts';
import type { DeclarationRow, DeclarationStore } from '../store/declaration-store.node.ts';
import { validateDeclaration, type Declaration } from './declaration.ts';

export interface DeclarationServiceDeps {
  declarations: DeclarationStore;
  urlTemplate: string;
  /** The workplace and enterprise this kiosk's registrations are for (settings.site). */
  kioskRegistersFor: { workplaceId: string; enterpriseNumber: string };
  /** The supervisor session check shared with every supervisor call: who acts, and the moved idle lock. */
  authorize: (token: string) => { actor: string; sessionExpiresAt: string };
  audit: (actor: string, action: string, details?: Record<string, unknown>) => void;
  clock: () => Date;
  emit: (event: KioskEvent) => void;
}

function viewOf(row: DeclarationRow, kiosk: DeclarationServiceDeps['kioskRegistersFor']): DeclarationView {
  return {
    id: String(row.id),
    active: row.active,
    input: row.input,
    smartphoneUrl: row.declaration.smartphoneUrl,
    languages: row.declaration.languages,
    updatedAt: row.updatedAt,
    matchesKiosk: row.declaration.workplaceId === kiosk.workplaceId && row.declaration.enterpriseNumber === kiosk.enterpriseNumber,
  };
}

async function posterFile(declaration: Declaration): Promise<ExportFile> {
  const { pdf } = await renderPoster(declaration);
  return { fileName: `poster-${declaration.dowNumber}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
}

export function createDeclarationService(deps: DeclarationServiceDeps) {
  const { declarations: store, urlTemplate, kioskRegistersFor, authorize, audit, clock, emit } = deps;
  const view = (row: DeclarationRow) => viewOf(row, kioskRegistersFor);

  const list = (sessionExpiresAt: string): DeclarationList => ({
    declarations: store.list().map(view),
    smartphoneUrlTemplate: urlTemplate,
    kioskRegistersFor,
    sessionExpiresAt,
  });

  /** Validates a draft; on refusal audits `action`.refused with the refused field names. */
  function check(actor: string, action: string, input: DeclarationInput) {
    const result = validateDeclaration(input, urlTemplate);
    if (result.ok) return result;
    audit(actor, `${action}.refused`, { fields: [...new Set(result.errors.map((e) => e.field))] });
    const errors: DeclarationFieldError[] = result.errors.map((e) => ({ field: e.field, message: { key: e.key } }));
    return { ok: false as const, errors };
  }

  function existing(actor: string, action: string, id: string): DeclarationRow {
    const row = store.byId(Number(id));
    if (row) return row;
    audit(actor, `${action}.refused`, { id, reason: 'unknown' });
    throw new KioskError('not-available', { key: 'declaration.error.unknown' });
  }

  return {
    /** The declaration whose QR code the poster and the idle screen show. */
    active(): Declaration | null {
      return store.active()?.declaration ?? null;
    },

    list(token: string): DeclarationList {
      const { actor, sessionExpiresAt } = authorize(token);
      audit(actor, 'view.declarations');
      return list(sessionExpiresAt);
    },

    save(token: string, id: string | undefined, input: DeclarationInput): SaveDeclarationResult {
      const { actor } = authorize(token);
      const checked = check(actor, 'declaration.save', input);
      if (!checked.ok) return checked;
      const before = id === undefined ? null : existing(actor, 'declaration.save', id);
      const row = before ? store.update(before.id, checked.input, actor, clock()) : store.insert(checked.input, actor, clock());
      if (!row) throw new KioskError('not-available', { key: 'declaration.error.unknown' });
      audit(actor, 'declaration.save', { id: row.id, created: before === null, dowNumber: row.input.dowNumber, active: row.active });
      if (row.active) emit({ type: 'active-declaration-changed' });
      return { ok: true, declaration: view(row) };
    },

    activate(token: string, id: string): DeclarationList {
      const { actor, sessionExpiresAt } = authorize(token);
      const row = existing(actor, 'declaration.activate', id);
      if (!row.active) {
        store.activate(row.id, actor, clock());
        emit({ type: 'active-declaration-changed' });
      }
      audit(actor, 'declaration.activate', { id: row.id, dowNumber: row.input.dowNumber });
      return list(sessionExpiresAt);
    },

    remove(token: string, id: string): DeclarationList {
      const { actor, sessionExpiresAt } = authorize(token);
      const row = existing(actor, 'declaration.delete', id);
      if (store.remove(row.id) === 'active') {
        audit(actor, 'declaration.delete.refused', { id: row.id, reason: 'active' });
        throw new KioskError('not-available', { key: 'declaration.error.deleteActive' });
      }
      audit(actor, 'declaration.delete', { id: row.id, dowNumber: row.input.dowNumber });
      return list(sessionExpiresAt);
    },

    async preview(token: string, input: DeclarationInput): Promise<PreviewPosterResult> {
      const { actor } = authorize(token);
      const checked = check(actor, 'poster.preview', input);
      if (!checked.ok) return checked;
      audit(actor, 'poster.preview', { dowNumber: checked.declaration.dowNumber, languages: checked.declaration.languages });
      return { ok: true, file: await posterFile(checked.declaration) };
    },

    async poster(token: string): Promise<ExportFile> {
      const { actor } = authorize(token);
      const declaration = store.active()?.declaration;
      if (!declaration) throw new KioskError('not-available', { key: 'declaration.error.noneActive' });
      audit(actor, 'poster', { dowNumber: declaration.dowNumber, languages: declaration.languages });
      return posterFile(declaration);
    },
  };
}

export type DeclarationService = ReturnType<typeof createDeclarationService>;

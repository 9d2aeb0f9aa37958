/**
 * Every transport name in one place: Electron IPC channels and HTTP routes.
 * Runtime constants only; shared by main/electron, main/host, preload and the renderer.
 */
import type { KioskApiMethod } from './api.ts';

export const IPC_CHANNELS = {
  /** renderer → main: invoke one `KioskApi` method; payload `{ method, input }`. */
  invoke: 'ciao:invoke',
  /** main → renderer: one `KioskEvent`. */
  event: 'ciao:event',
} as const;

export const HTTP_ROUTES = {
  /** POST `${invokePrefix}<method>` with the method's input as the JSON body. */
  invokePrefix: '/api/invoke/',
  /** GET: server-sent events, one `KioskEvent` per `data:` line. */
  events: '/api/events',
  health: '/api/health',
} as const;

/** The methods the transports expose; the record type makes forgetting one a compile error. */
const METHOD_SET: Record<KioskApiMethod, true> = {
  getSnapshot: true,
  register: true,
  cancelTap: true,
  getRoster: true,
  presentDemoCard: true,
  presentKeyboardBadge: true,
  setWorkerLanguage: true,
  supervisorUnlock: true,
  supervisorSetPin: true,
  supervisorLock: true,
  getSupervisorOverview: true,
  listWorkers: true,
  startEnrolment: true,
  cancelEnrolment: true,
  enrolManualWorker: true,
  unlinkBadge: true,
  exportRegistrations: true,
  getLanRoster: true,
  getFallbackQr: true,
  getPoster: true,
  listDeclarations: true,
  saveDeclaration: true,
  activateDeclaration: true,
  deleteDeclaration: true,
  previewPoster: true,
  exitKiosk: true,
};

export const KIOSK_API_METHODS = Object.keys(METHOD_SET) as KioskApiMethod[];

/**
 * Names the Electron shell shares with its end-to-end tests. No electron import here: the tests
 * load this file under plain Node, where `electron` may have no binary.
 */

/** Set on the main process's globalThis once the kiosk window has loaded and the core answers. */
export const READY_FLAG = '__ciaoKioskReady';

/** Gives tests (and IT, if it must) a separate data folder: `app.setPath('userData', …)`. */
export const USER_DATA_ENV = 'CIAO_USER_DATA_DIR';

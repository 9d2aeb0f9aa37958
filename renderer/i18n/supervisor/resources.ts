/** Supervisor-mode texts (namespace `supervisor`): for site staff, so only the site languages. */
import type { LanguageCode } from '../../../preload/api.ts';
import en from './en.json';

export const SUPERVISOR_RESOURCES: Partial<Record<LanguageCode, object>> = { en };

/** Supervisor-mode texts (namespace `supervisor`): for site staff, so only the site languages. */
import type { LanguageCode } from '../../../preload/api.ts';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

export const SUPERVISOR_RESOURCES: Partial<Record<LanguageCode, object>> = { nl, fr, de, en };

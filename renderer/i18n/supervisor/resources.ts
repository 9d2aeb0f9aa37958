/** Supervisor-mode texts (namespace `supervisor`), in every kiosk language like the worker texts. */
import type { LanguageCode } from '../../../preload/api.ts';
import ar from './ar.json';
import bg from './bg.json';
import de from './de.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import nl from './nl.json';
import pl from './pl.json';
import pt from './pt.json';
import ro from './ro.json';
import tr from './tr.json';

export const SUPERVISOR_RESOURCES: Record<LanguageCode, object> = { nl, fr, de, en, pl, ro, pt, es, bg, tr, ar };

/**
 * i18next set up once, with every locale bundled (the kiosk is offline). The kiosk has a default
 * language; a tap flow may switch to the worker's language and the idle screen switches back.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguageCode, MessageRef } from '../../preload/api.ts';
import { directionOf, isLanguageCode } from './languages.ts';
import ar from './locales/ar.json';
import bg from './locales/bg.json';
import de from './locales/de.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import nl from './locales/nl.json';
import pl from './locales/pl.json';
import pt from './locales/pt.json';
import ro from './locales/ro.json';
import tr from './locales/tr.json';
import { SUPERVISOR_RESOURCES } from './supervisor/resources.ts';

const RESOURCES: Record<LanguageCode, object> = { nl, fr, de, en, pl, ro, pt, es, bg, tr, ar };

/** `?lang=xx` on the kiosk URL sets the site's default language; Dutch otherwise. */
export function kioskDefaultLanguage(search: string): LanguageCode {
  const requested = new URLSearchParams(search).get('lang');
  return isLanguageCode(requested) ? requested : 'nl';
}

export function initI18n(language: LanguageCode) {
  void i18next.use(initReactI18next).init({
    resources: Object.fromEntries(
      Object.entries(RESOURCES).map(([code, translation]) => [code, { translation, supervisor: SUPERVISOR_RESOURCES[code as LanguageCode] }]),
    ),
    ns: ['translation', 'supervisor'],
    defaultNS: 'translation',
    fallbackNS: 'translation',
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyDocumentLanguage(language);
  return i18next;
}

function applyDocumentLanguage(language: LanguageCode): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export function setUiLanguage(language: LanguageCode): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  applyDocumentLanguage(language);
}

/** Core messages are keys; an unknown key shows a generic text rather than the raw key. */
export function translateMessage(t: (key: string, options?: Record<string, unknown>) => string, message: MessageRef): string {
  return t(message.key, { ...message.params, defaultValue: t('app.error.generic') });
}

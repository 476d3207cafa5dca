import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api.ts';
import en from './en.json';
import fr from './fr.json';

export const LOCALES: readonly Locale[] = ['fr', 'en'];
const LOCALE_COOKIE = 'meute_lang';

/** The language chosen on this device, shared with the server through its `meute_lang` cookie. */
export function readLocaleCookie(): Locale | undefined {
  const match = /(?:^|;\s*)meute_lang=(fr|en)(?:;|$)/.exec(document.cookie);
  return match ? (match[1] as Locale) : undefined;
}

function writeLocaleCookie(locale: Locale) {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from some browsers we support.
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}

function browserLocale(): Locale {
  for (const language of navigator.languages ?? [navigator.language]) {
    const tag = language.slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return 'fr';
}

/** Switches the interface, the `lang` of the page and the server's messages to one language. */
export function applyLocale(locale: Locale) {
  writeLocaleCookie(locale);
  if (i18next.language !== locale) void i18next.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return i18next.language === 'en' ? 'en' : 'fr';
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: readLocaleCookie() ?? browserLocale(),
  fallbackLng: 'fr',
  supportedLngs: ['fr', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export default i18next;

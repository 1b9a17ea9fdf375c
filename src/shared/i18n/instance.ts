/**
 * An i18next instance over the catalogues given. Apart from `index.ts`, so the web app, which speaks only
 * French, can build one without shipping the English catalogue to every browser.
 */
import i18next, { type i18n } from 'i18next';
import type { Catalogue } from './fr.ts';

export function createI18nWith(resources: Record<string, { translation: Catalogue }>, lng: string): i18n {
  const instance = i18next.createInstance();
  instance.init({
    resources,
    lng,
    fallbackLng: 'fr',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

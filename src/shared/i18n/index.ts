import type { i18n } from 'i18next';
import { en } from './en.ts';
import { type Catalogue, fr } from './fr.ts';
import { createI18nWith } from './instance.ts';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const resources: Record<Locale, { translation: Catalogue }> = {
  fr: { translation: fr },
  en: { translation: en },
};

/** One i18next instance over the shared catalogue; the web app binds it to React, the server calls it. */
export function createI18n(lng: Locale = 'fr'): i18n {
  return createI18nWith(resources, lng);
}

/** Picks the best supported locale from an Accept-Language header; French by default. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'fr';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return 'fr';
}

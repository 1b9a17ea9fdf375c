/**
 * The web app's strings: French only (the English catalogue serves the API's clients), loaded by namespace.
 * `common` — the frame and the shared components — is part of the first chunk; each page names the others
 * it draws (`router.tsx`), fetched beside its chunk, so the login page does not download the follow-up's
 * 200 strings. Keys keep their full path (`ui.auth.login.title`): `fallbackNS` finds a key in whichever
 * namespace holds it, so `t('…')` needs no namespace prefix.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { common } from '../../shared/i18n/common.fr.ts';
import type { FrNamespaces, Namespace } from '../../shared/i18n/namespaces.ts';

/** The namespaces the web app may load: the server's own (problem titles, mails) never reach it. */
export type WebNamespace = Exclude<Namespace, 'server'>;
/** The namespaces a page names: `common` is always there. */
export type PageNamespace = Exclude<WebNamespace, 'common'>;
export type WebResources = Pick<FrNamespaces, WebNamespace>;

/** Each namespace is a chunk of its own. */
const LOADERS: { [N in PageNamespace]: () => Promise<FrNamespaces[N]> } = {
  auth: () => import('../../shared/i18n/auth.fr.ts').then((m) => m.auth),
  home: () => import('../../shared/i18n/home.fr.ts').then((m) => m.home),
  courses: () => import('../../shared/i18n/courses.fr.ts').then((m) => m.courses),
  activities: () => import('../../shared/i18n/activities.fr.ts').then((m) => m.activities),
  editor: () => import('../../shared/i18n/editor.fr.ts').then((m) => m.editor),
  completion: () => import('../../shared/i18n/completion.fr.ts').then((m) => m.completion),
  lifecycle: () => import('../../shared/i18n/lifecycle.fr.ts').then((m) => m.lifecycle),
  indexation: () => import('../../shared/i18n/indexation.fr.ts').then((m) => m.indexation),
  offerCatalogue: () => import('../../shared/i18n/offerCatalogue.fr.ts').then((m) => m.offerCatalogue),
  offers: () => import('../../shared/i18n/offers.fr.ts').then((m) => m.offers),
  hub: () => import('../../shared/i18n/hub.fr.ts').then((m) => m.hub),
  audience: () => import('../../shared/i18n/audience.fr.ts').then((m) => m.audience),
  users: () => import('../../shared/i18n/users.fr.ts').then((m) => m.users),
  admin: () => import('../../shared/i18n/admin.fr.ts').then((m) => m.admin),
  cohorts: () => import('../../shared/i18n/cohorts.fr.ts').then((m) => m.cohorts),
  enrolment: () => import('../../shared/i18n/enrolment.fr.ts').then((m) => m.enrolment),
  selfEnrolment: () => import('../../shared/i18n/selfEnrolment.fr.ts').then((m) => m.selfEnrolment),
  followup: () => import('../../shared/i18n/followup.fr.ts').then((m) => m.followup),
  profile: () => import('../../shared/i18n/profile.fr.ts').then((m) => m.profile),
  legal: () => import('../../shared/i18n/legal.fr.ts').then((m) => m.legal),
  privacy: () => import('../../shared/i18n/privacy.fr.ts').then((m) => m.privacy),
  messaging: () => import('../../shared/i18n/messaging.fr.ts').then((m) => m.messaging),
  notifications: () => import('../../shared/i18n/notifications.fr.ts').then((m) => m.notifications),
};

export const PAGE_NAMESPACES = Object.keys(LOADERS) as PageNamespace[];

export const i18n: I18n = i18next.createInstance();
i18n.init({
  resources: { fr: { common } },
  lng: 'fr',
  fallbackLng: 'fr',
  ns: ['common'],
  defaultNS: 'common',
  fallbackNS: PAGE_NAMESPACES,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

const loading = new Map<PageNamespace, Promise<void>>();

/** Fetches the namespaces not yet there; a page's chunk waits for them (`lazyPage`). */
export function loadNamespaces(names: readonly PageNamespace[]): Promise<void> {
  return Promise.all(
    names.map((name) => {
      let pending = loading.get(name);
      if (!pending) {
        pending = LOADERS[name]().then((bundle) => {
          i18n.addResourceBundle('fr', name, bundle);
        });
        // A failed fetch is tried again on the next page (the chunk may be back after a reload of the app).
        pending.catch(() => loading.delete(name));
        loading.set(name, pending);
      }
      return pending;
    }),
  ).then(() => undefined);
}

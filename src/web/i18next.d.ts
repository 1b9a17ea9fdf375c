/**
 * Typed keys in the web app: `t('ui.auth.login.titel')` fails the type check. Every namespace the app may
 * load is declared, `common` by default and the others as fallbacks, as `app/i18n.ts` configures i18next.
 * Declared for the web app's program only (`src/web/tsconfig.json`): the server builds keys from error
 * codes and reads the merged catalogue.
 */
import 'i18next';
import type { PageNamespace, WebResources } from './app/i18n.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    fallbackNS: PageNamespace[];
    resources: WebResources;
    returnNull: false;
  }
}

import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ChunkLoadError } from './lazy.tsx';

/**
 * Last resort when rendering a page throws: a plain message with a way back. A page whose code could not
 * be loaded (a deploy since the tab was opened, already reloaded once, or the network gone) says so and
 * offers to reload.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error instanceof ChunkLoadError) {
    return (
      <main className="fr-container fr-my-6w">
        <h1>{t('ui.loadFailed.title')}</h1>
        <p>{t('ui.loadFailed.text')}</p>
        <button type="button" className="fr-btn" onClick={() => window.location.reload()}>
          {t('ui.loadFailed.reload')}
        </button>
      </main>
    );
  }
  return (
    <main className="fr-container fr-my-6w">
      <h1>{t('ui.common.errorTitle')}</h1>
      <p>{t('errors.internal')}</p>
      <a className="fr-btn" href="/">
        {t('ui.notFound.back')}
      </a>
    </main>
  );
}

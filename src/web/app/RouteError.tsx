import { useTranslation } from 'react-i18next';

/** Last resort when rendering a page throws: a plain message with a way back. */
export function RouteError() {
  const { t } = useTranslation();
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

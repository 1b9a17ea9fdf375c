import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';

/** "Mon espace": what the person does on the platform. Courses are not built yet: honest empty states. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const sections = ['courses', 'trainings', 'designs'] as const;
  return (
    <>
      <PageHeading title={t('ui.home.title')}>
        <p className="fr-text--lead">{t('ui.home.greeting', { firstName: me.user.firstName })}</p>
        <p>{t('ui.home.intro')}</p>
      </PageHeading>
      {sections.map((section) => (
        <section key={section} className="fr-mt-5w" aria-labelledby={`section-${section}`}>
          <h2 id={`section-${section}`}>{t(`ui.home.${section}.title`)}</h2>
          <EmptyState message={t(`ui.home.${section}.empty`)} next={t(`ui.home.${section}.next`)} />
        </section>
      ))}
      <section className="fr-mt-5w" aria-labelledby="section-roles">
        <h2 id="section-roles">{t('ui.home.roles.title')}</h2>
        <p>{t('ui.home.roles.intro')}</p>
        {me.roles.length === 0 ? (
          <EmptyState message={t('ui.home.roles.empty')} />
        ) : (
          <ul>
            {me.roles.map((assignment) => (
              <li key={assignment.id}>
                {t('ui.home.roles.item', {
                  role: t(`ui.roles.${assignment.role}`),
                  context: assignment.contextLabel || t(`ui.contextLevels.${assignment.contextLevel}`),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

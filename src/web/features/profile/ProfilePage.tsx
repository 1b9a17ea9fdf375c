import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PrivacySection } from './PrivacySection.tsx';
import { ProfileForm } from './ProfileForm.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeading title={t('ui.profile.title')} />
      <section aria-labelledby="profil-infos" className="fr-mb-6w">
        <h2 id="profil-infos">{t('ui.profile.infoTitle')}</h2>
        <ProfileForm me={me} />
      </section>
      <section aria-labelledby="profil-mot-de-passe" className="fr-mb-6w">
        <h2 id="profil-mot-de-passe">{t('ui.profile.passwordTitle')}</h2>
        <PasswordForm />
      </section>
      <section aria-labelledby="profil-notifications" className="fr-mb-6w">
        <h2 id="profil-notifications">{t('ui.profile.notificationsTitle')}</h2>
        <p>{t('ui.profile.notificationsIntro')}</p>
        <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/profil/notifications">
          {t('ui.profile.notificationsLink')}
        </Link>
      </section>
      <PrivacySection />
    </>
  );
}

import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProfileFields } from '../../../shared/api.ts';
import { type Me, updateProfile } from '../../api/accounts.ts';
import { useSetMe } from '../../app/auth.tsx';
import { TextField } from '../../components/fields.tsx';
import { ErrorSummary, readForm } from '../../components/forms.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const FORM = 'profil';
const FIELDS = ['firstName', 'lastName', 'academie', 'departement', 'discipline', 'bodyGrade'] as const;
const OPTIONAL = ['academie', 'departement', 'discipline', 'bodyGrade'];

export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const [saved, setSaved] = useState(false);
  const labels: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, t(`ui.profile.${f}`)]));
  const { errors, message, pending, submit } = useFormSubmission(ProfileFields, async (data) => {
    setMe(await updateProfile(data));
    setSaved(true);
  });

  return (
    <>
      <p className="fr-mb-1w">
        <strong>{t('ui.profile.email')}</strong>
        {'\u00a0: '}
        {me.user.email}
      </p>
      <p className="fr-text--sm fr-mb-3w">{t('ui.profile.emailHelp')}</p>
      <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} as="h3" />
      {saved ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          role="status"
          description={t('ui.common.saved')}
        />
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          void submit(readForm(event.currentTarget, OPTIONAL));
        }}
      >
        <p className="fr-hint-text">{t('ui.common.requiredHint')}</p>
        <div className="fr-grid-row fr-grid-row--gutters">
          {FIELDS.map((field) => (
            <div key={field} className="fr-col-12 fr-col-md-6">
              <TextField
                form={FORM}
                name={field}
                errors={errors}
                label={
                  OPTIONAL.includes(field) ? `${labels[field]} ${t('ui.common.optional')}` : labels[field]
                }
                hint={field === 'bodyGrade' ? t('ui.profile.bodyGradeHint') : undefined}
                defaultValue={me.user[field] ?? ''}
                required={!OPTIONAL.includes(field)}
                autoComplete={
                  field === 'firstName' ? 'given-name' : field === 'lastName' ? 'family-name' : 'off'
                }
              />
            </div>
          ))}
        </div>
        <Button type="submit" disabled={pending}>
          {t('ui.profile.save')}
        </Button>
      </form>
    </>
  );
}

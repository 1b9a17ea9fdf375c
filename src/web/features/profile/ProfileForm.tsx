import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProfileFields } from '../../../shared/api.ts';
import { api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useSetMe } from '../../app/auth.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  fieldId,
  fieldState,
  invalidProps,
  problemFieldErrors,
  readForm,
  zodFieldErrors,
} from '../../components/forms.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';

const FORM = 'profil';
const FIELDS = ['firstName', 'lastName', 'academie', 'departement', 'discipline', 'bodyGrade'] as const;
const OPTIONAL = ['academie', 'departement', 'discipline', 'bodyGrade'];

export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const problemMessage = useProblemMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const labels: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, t(`ui.profile.${f}`)]));

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const values = readForm(event.currentTarget, OPTIONAL);
    const parsed = ProfileFields.safeParse(values);
    if (!parsed.success) {
      setMessage(undefined);
      setErrors(zodFieldErrors(parsed.error, values, t));
      return;
    }
    setPending(true);
    try {
      const next = await api.patch<Me>('/api/me', parsed.data);
      setMe(next);
      setErrors({});
      setMessage(undefined);
      setSaved(true);
    } catch (error) {
      const fieldErrors = problemFieldErrors(error);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length ? undefined : problemMessage(error));
    } finally {
      setPending(false);
    }
  }

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
      <form noValidate onSubmit={onSubmit}>
        <p className="fr-hint-text">{t('ui.common.requiredHint')}</p>
        <div className="fr-grid-row fr-grid-row--gutters">
          {FIELDS.map((field) => (
            <div key={field} className="fr-col-12 fr-col-md-6">
              <Input
                label={
                  OPTIONAL.includes(field) ? `${labels[field]} ${t('ui.common.optional')}` : labels[field]
                }
                hintText={field === 'bodyGrade' ? t('ui.profile.bodyGradeHint') : undefined}
                {...fieldState(errors, field)}
                nativeInputProps={{
                  id: fieldId(FORM, field),
                  ...invalidProps(errors, field),
                  name: field,
                  defaultValue: me.user[field] ?? '',
                  required: !OPTIONAL.includes(field),
                  autoComplete:
                    field === 'firstName' ? 'given-name' : field === 'lastName' ? 'family-name' : 'off',
                }}
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

import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PasswordResetRequestBody } from '../../../shared/api.ts';
import { api } from '../../api/client.ts';
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
import { PageHeading } from '../../components/PageHeading.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';

const FORM = 'mot-de-passe-oublie';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const [pending, setPending] = useState(false);
  const labels = { email: t('ui.auth.login.email') };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readForm(event.currentTarget);
    const parsed = PasswordResetRequestBody.safeParse(values);
    if (!parsed.success) {
      setMessage(undefined);
      setErrors(zodFieldErrors(parsed.error, values, t));
      return;
    }
    setPending(true);
    try {
      await api.post('/api/auth/password-reset/request', parsed.data);
      setErrors({});
      setMessage(undefined);
      setSentTo(parsed.data.email);
    } catch (error) {
      const fieldErrors = problemFieldErrors(error);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length ? undefined : problemMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <PageHeading
          title={t('ui.auth.forgot.title')}
          crumbs={[{ label: t('ui.auth.login.title'), to: '/connexion' }]}
        />
        {sentTo ? (
          <Alert
            className="fr-mb-3w"
            severity="success"
            role="status"
            as="h2"
            title={t('ui.auth.forgot.sentTitle')}
            description={t('ui.auth.forgot.sent', { email: sentTo })}
          />
        ) : (
          <>
            <p>{t('ui.auth.forgot.intro')}</p>
            <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} />
            <form noValidate onSubmit={onSubmit}>
              <Input
                label={labels.email}
                hintText={t('ui.auth.login.emailHint')}
                {...fieldState(errors, 'email')}
                nativeInputProps={{
                  id: fieldId(FORM, 'email'),
                  ...invalidProps(errors, 'email'),
                  name: 'email',
                  type: 'email',
                  autoComplete: 'email',
                  required: true,
                  spellCheck: false,
                }}
              />
              <Button type="submit" disabled={pending}>
                {t('ui.auth.forgot.submit')}
              </Button>
            </form>
          </>
        )}
        <p className="fr-mt-4w">
          <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/connexion">
            {t('ui.auth.forgot.backToLogin')}
          </Link>
        </p>
      </div>
    </div>
  );
}

import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PasswordResetBody } from '../../../shared/api.ts';
import { ApiError, api } from '../../api/client.ts';
import {
  ErrorSummary,
  type FieldErrors,
  fieldId,
  readForm,
  zodFieldErrors,
} from '../../components/forms.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';

const FORM = 'reinitialisation';

/** The token travels in the URL fragment (`#jeton=…`) so that it never reaches a server log. */
function readToken(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  return new URLSearchParams(hash).get('jeton');
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [token] = useState(readToken);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [invalidToken, setInvalidToken] = useState(false);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const labels = { password: t('ui.auth.reset.password'), confirm: t('ui.auth.reset.confirm') };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readForm(event.currentTarget);
    const parsed = PasswordResetBody.safeParse({ token, password: values.password });
    const next: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error, values, t);
    delete next.token;
    if (!next.confirm && values.confirm !== values.password) {
      next.confirm = values.confirm ? t('ui.validation.passwordsDiffer') : t('ui.validation.required');
    }
    if (Object.keys(next).length > 0 || !parsed.success) {
      setMessage(undefined);
      setErrors(next);
      return;
    }
    setPending(true);
    try {
      await api.post('/api/auth/password-reset', parsed.data);
      // The token is spent: take it out of the address bar and history.
      window.history.replaceState(null, '', window.location.pathname);
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reset_token_invalid') setInvalidToken(true);
      setErrors({});
      setMessage(problemMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <PageHeading
          title={t('ui.auth.reset.title')}
          crumbs={[{ label: t('ui.auth.login.title'), to: '/connexion' }]}
        />
        {done ? (
          <>
            <Alert
              className="fr-mb-3w"
              severity="success"
              role="status"
              as="h2"
              title={t('ui.auth.reset.doneTitle')}
              description={t('ui.auth.reset.done')}
            />
            <Link className="fr-btn" to="/connexion">
              {t('ui.auth.reset.goToLogin')}
            </Link>
          </>
        ) : !token ? (
          <>
            <Alert
              className="fr-mb-3w"
              severity="error"
              small
              description={t('ui.auth.reset.missingToken')}
            />
            <Link className="fr-btn" to="/mot-de-passe-oublie">
              {t('ui.auth.reset.askNewLink')}
            </Link>
          </>
        ) : (
          <>
            <p>{t('ui.auth.reset.intro')}</p>
            <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} />
            {invalidToken ? (
              <p>
                <Link className="fr-link" to="/mot-de-passe-oublie">
                  {t('ui.auth.reset.askNewLink')}
                </Link>
              </p>
            ) : null}
            <form noValidate onSubmit={onSubmit}>
              <PasswordInput
                className="fr-mb-3w"
                label={labels.password}
                hintText={t('ui.auth.reset.passwordHint')}
                messagesHint=""
                messages={errors.password ? [{ severity: 'error', message: errors.password }] : []}
                nativeInputProps={{
                  id: fieldId(FORM, 'password'),
                  name: 'password',
                  autoComplete: 'new-password',
                  required: true,
                }}
              />
              <PasswordInput
                className="fr-mb-3w"
                label={labels.confirm}
                messagesHint=""
                messages={errors.confirm ? [{ severity: 'error', message: errors.confirm }] : []}
                nativeInputProps={{
                  id: fieldId(FORM, 'confirm'),
                  name: 'confirm',
                  autoComplete: 'new-password',
                  required: true,
                }}
              />
              <Button type="submit" disabled={pending}>
                {t('ui.auth.reset.submit')}
              </Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}

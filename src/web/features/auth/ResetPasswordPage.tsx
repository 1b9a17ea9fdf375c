import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PasswordResetBody } from '../../../shared/api.ts';
import { checkPasswordToken, resetPassword } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorSummary, readForm } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { DoneNotice, forgetLinkToken, NarrowPage, readLinkToken } from '../../components/NarrowPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { checkConfirmation, NewPasswordFields } from '../../components/PasswordField.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const FORM = 'reinitialisation';

/** Asks the server whether the link can still be used, before showing the form. */
function useTokenCheck(token: string | null) {
  return useQuery({
    queryKey: ['password-reset-check', token],
    queryFn: async () => {
      try {
        await checkPasswordToken(token ?? '');
        return true;
      } catch (error) {
        // A used, expired or unknown link (a malformed one fails validation): the page says so.
        if (error instanceof ApiError && error.status === 400) return false;
        throw error;
      }
    },
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(readLinkToken);
  const check = useTokenCheck(token);
  const [invalidToken, setInvalidToken] = useState(false);
  const [done, setDone] = useState(false);
  const labels = { password: t('ui.auth.reset.password'), confirm: t('ui.auth.reset.confirm') };
  const { errors, message, pending, submit } = useFormSubmission(
    PasswordResetBody,
    async (data) => {
      try {
        await resetPassword(data);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'reset_token_invalid') setInvalidToken(true);
        throw error;
      }
      forgetLinkToken();
      setDone(true);
    },
    {
      // The token comes from the link, not from a field: only the two passwords are the person's to fix.
      check: (values, { token: _, ...errors }) => checkConfirmation(t, values, 'password', errors),
    },
  );

  return (
    <NarrowPage>
      <PageHeading
        title={t('ui.auth.reset.title')}
        crumbs={[{ label: t('ui.auth.login.title'), to: '/connexion' }]}
      />
      {done ? (
        <DoneNotice title={t('ui.auth.reset.doneTitle')} text={t('ui.auth.reset.done')}>
          <Link className="fr-btn" to="/connexion">
            {t('ui.auth.reset.goToLogin')}
          </Link>
        </DoneNotice>
      ) : !token ? (
        <>
          <Alert className="fr-mb-3w" severity="error" small description={t('ui.auth.reset.missingToken')} />
          <Link className="fr-btn" to="/mot-de-passe-oublie">
            {t('ui.auth.reset.askNewLink')}
          </Link>
        </>
      ) : check.isPending ? (
        <Loading label={t('ui.auth.reset.checking')} />
      ) : check.error ? (
        <ProblemAlert error={check.error} />
      ) : check.data === false || invalidToken ? (
        <>
          <Alert
            className="fr-mb-3w"
            severity="error"
            small
            role="alert"
            description={t('errors.resetTokenInvalid')}
          />
          <Link className="fr-btn" to="/mot-de-passe-oublie">
            {t('ui.auth.reset.askNewLink')}
          </Link>
        </>
      ) : (
        <>
          <p>{t('ui.auth.reset.intro')}</p>
          <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} />
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void submit({ ...readForm(event.currentTarget), token });
            }}
          >
            <NewPasswordFields
              form={FORM}
              name="password"
              errors={errors}
              labels={labels}
              hint={t('ui.auth.reset.passwordHint')}
            />
            <Button type="submit" disabled={pending}>
              {t('ui.auth.reset.submit')}
            </Button>
          </form>
        </>
      )}
    </NarrowPage>
  );
}

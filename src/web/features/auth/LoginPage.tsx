import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { login } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { forgetSignedOut, useMeQuery, useSetMe } from '../../app/auth.tsx';
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
import { PasswordField } from '../../components/PasswordField.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';

const FORM = 'connexion';

let loginSchema: Promise<typeof import('../../../shared/api.ts').LoginBody> | undefined;
/**
 * The form's schema, with zod (25 KB gzip, as much as the rest of the page's own code): fetched once
 * someone starts on the form (focus, pointer) rather than with the page, so the login page is the first
 * visit's lightest. A submit waits for it; a failed fetch is tried again on the next one.
 */
function loadLoginSchema() {
  loginSchema ??= import('../../../shared/api.ts').then(
    (module) => module.LoginBody,
    (error: unknown) => {
      loginSchema = undefined;
      throw error;
    },
  );
  return loginSchema;
}

/** Only same-site paths are followed after login (no open redirect). */
export function safeReturnPath(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/connexion')) return '/';
  return value;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const signedOut = Boolean((location.state as { signedOut?: boolean } | null)?.signedOut);
  const setMe = useSetMe();
  const { data: me } = useMeQuery();
  const problemMessage = useProblemMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  // A suspended account: said as such, with whom to ask, rather than as an error of the form.
  const [suspended, setSuspended] = useState<{ message: string; domain: string | null }>();
  const [pending, setPending] = useState(false);
  const target = safeReturnPath(params.get('retour'));
  useEffect(forgetSignedOut, []);

  if (me && !pending) return <Navigate replace to={target} />;

  const labels = { email: t('ui.auth.login.email'), password: t('ui.auth.login.password') };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const values = readForm(event.currentTarget);
    setPending(true);
    let LoginBody: Awaited<ReturnType<typeof loadLoginSchema>>;
    try {
      LoginBody = await loadLoginSchema();
    } catch {
      setPending(false);
      setMessage(t('ui.common.networkError'));
      return;
    }
    const parsed = LoginBody.safeParse(values);
    if (!parsed.success) {
      setPending(false);
      setMessage(undefined);
      setErrors(zodFieldErrors(parsed.error, values, t));
      return;
    }
    setSuspended(undefined);
    try {
      const me = await login(parsed.data);
      setMe(me);
      navigate(target, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'account_suspended') {
        const domain = (error.problem as { domain?: unknown }).domain;
        setErrors({});
        setMessage(undefined);
        setSuspended({ message: error.problem.title, domain: typeof domain === 'string' ? domain : null });
        return;
      }
      setErrors(problemFieldErrors(error));
      setMessage(
        error instanceof ApiError && error.problem.errors?.length ? undefined : problemMessage(error),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <PageHeading title={t('ui.auth.login.title')}>
          <p className="fr-text--lead">{t('ui.auth.login.intro')}</p>
        </PageHeading>
        {signedOut && !message && !suspended && Object.keys(errors).length === 0 ? (
          <Alert
            className="fr-mb-3w"
            severity="success"
            small
            role="status"
            description={t('ui.auth.login.signedOut')}
          />
        ) : null}
        {!signedOut && params.get('retour') && !message && !suspended && Object.keys(errors).length === 0 ? (
          <Alert className="fr-mb-3w" severity="info" small description={t('ui.auth.login.sessionExpired')} />
        ) : null}
        {suspended ? (
          <Alert
            className="fr-mb-3w"
            severity="error"
            role="alert"
            as="h2"
            title={t('ui.auth.login.suspendedTitle')}
            description={
              <>
                <span className="fr-mb-1w" style={{ display: 'block' }}>
                  {suspended.message}
                </span>
                {suspended.domain ? t('ui.auth.login.suspendedDomain', { domain: suspended.domain }) : null}
              </>
            }
          />
        ) : null}
        <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} />
        <form
          noValidate
          onSubmit={onSubmit}
          onFocus={() => void loadLoginSchema().catch(() => {})}
          onPointerDown={() => void loadLoginSchema().catch(() => {})}
          aria-labelledby={`${FORM}-legend`}
        >
          <fieldset className="fr-fieldset">
            <legend id={`${FORM}-legend`} className="fr-fieldset__legend fr-sr-only">
              {t('ui.auth.login.heading')}
            </legend>
            <div className="fr-fieldset__element">
              <Input
                label={labels.email}
                hintText={t('ui.auth.login.emailHint')}
                {...fieldState(errors, 'email')}
                nativeInputProps={{
                  id: fieldId(FORM, 'email'),
                  ...invalidProps(errors, 'email'),
                  name: 'email',
                  type: 'email',
                  autoComplete: 'username',
                  required: true,
                  spellCheck: false,
                }}
              />
            </div>
            <div className="fr-fieldset__element">
              <PasswordField
                form={FORM}
                name="password"
                errors={errors}
                label={labels.password}
                autoComplete="current-password"
              />
              <p className="fr-mt-1w">
                <Link className="fr-link" to="/mot-de-passe-oublie">
                  {t('ui.auth.login.forgot')}
                </Link>
              </p>
            </div>
            <div className="fr-fieldset__element">
              <Button type="submit" disabled={pending}>
                {pending ? t('ui.auth.login.submitting') : t('ui.auth.login.submit')}
              </Button>
            </div>
          </fieldset>
        </form>
      </div>
    </div>
  );
}

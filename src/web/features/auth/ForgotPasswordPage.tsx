import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PasswordResetRequestBody } from '../../../shared/api.ts';
import { requestPasswordReset } from '../../api/accounts.ts';
import { TextField } from '../../components/fields.tsx';
import { ErrorSummary } from '../../components/forms.tsx';
import { DoneNotice, NarrowPage } from '../../components/NarrowPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const FORM = 'mot-de-passe-oublie';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string>();
  const labels = { email: t('ui.auth.login.email') };
  const { errors, message, pending, onSubmit } = useFormSubmission(
    PasswordResetRequestBody,
    async ({ email }) => {
      await requestPasswordReset(email);
      setSentTo(email);
    },
  );

  return (
    <NarrowPage>
      <PageHeading
        title={t('ui.auth.forgot.title')}
        crumbs={[{ label: t('ui.auth.login.title'), to: '/connexion' }]}
      />
      {sentTo ? (
        <DoneNotice
          title={t('ui.auth.forgot.sentTitle')}
          text={t('ui.auth.forgot.sent', { email: sentTo })}
        />
      ) : (
        <>
          <p>{t('ui.auth.forgot.intro')}</p>
          <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} />
          <form noValidate onSubmit={onSubmit}>
            <TextField
              form={FORM}
              name="email"
              errors={errors}
              label={labels.email}
              hint={t('ui.auth.login.emailHint')}
              type="email"
              autoComplete="email"
              required
              spellCheck={false}
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
    </NarrowPage>
  );
}

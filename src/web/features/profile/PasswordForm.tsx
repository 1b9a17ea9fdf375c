import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordChangeBody } from '../../../shared/api.ts';
import { changePassword } from '../../api/accounts.ts';
import { ErrorSummary, readForm } from '../../components/forms.tsx';
import { checkConfirmation, NewPasswordFields, PasswordField } from '../../components/PasswordField.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const FORM = 'mot-de-passe';

export function PasswordForm() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [done, setDone] = useState(false);
  const labels = {
    currentPassword: t('ui.profile.currentPassword'),
    newPassword: t('ui.profile.newPassword'),
    confirm: t('ui.profile.confirmPassword'),
  };
  const { errors, message, pending, submit } = useFormSubmission(
    PasswordChangeBody,
    async (data) => {
      await changePassword(data);
      formRef.current?.reset();
      setDone(true);
    },
    { check: (values, errors) => checkConfirmation(t, values, 'newPassword', errors) },
  );

  return (
    <>
      <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} as="h3" />
      {done ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          role="status"
          description={t('ui.profile.passwordChanged')}
        />
      ) : null}
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setDone(false);
          void submit(readForm(event.currentTarget));
        }}
      >
        <PasswordField
          className="fr-mb-3w"
          form={FORM}
          name="currentPassword"
          errors={errors}
          label={labels.currentPassword}
          autoComplete="current-password"
        />
        <NewPasswordFields
          form={FORM}
          name="newPassword"
          errors={errors}
          labels={{ password: labels.newPassword, confirm: labels.confirm }}
          hint={t('ui.profile.newPasswordHint')}
        />
        <Button type="submit" disabled={pending}>
          {t('ui.profile.changePassword')}
        </Button>
      </form>
    </>
  );
}

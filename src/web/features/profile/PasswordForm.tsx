import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import {
  ErrorSummary,
  type FieldErrors,
  fieldId,
  invalidProps,
  passwordMessages,
  problemFieldErrors,
  readForm,
} from '../../components/forms.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';

const FORM = 'mot-de-passe';

export function PasswordForm() {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const labels = {
    currentPassword: t('ui.profile.currentPassword'),
    newPassword: t('ui.profile.newPassword'),
    confirm: t('ui.profile.confirmPassword'),
  };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const form = event.currentTarget;
    const values = readForm(form);
    const next: FieldErrors = {};
    if (!values.currentPassword) next.currentPassword = t('ui.validation.required');
    if (!values.newPassword) next.newPassword = t('ui.validation.required');
    else if (values.newPassword.length < 12) next.newPassword = t('ui.validation.tooShort', { min: 12 });
    if (!values.confirm) next.confirm = t('ui.validation.required');
    else if (values.confirm !== values.newPassword) next.confirm = t('ui.validation.passwordsDiffer');
    if (Object.keys(next).length > 0) {
      setMessage(undefined);
      setErrors(next);
      return;
    }
    setPending(true);
    try {
      await api.post('/api/me/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      form.reset();
      setErrors({});
      setMessage(undefined);
      setDone(true);
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
      <form noValidate onSubmit={onSubmit}>
        <PasswordInput
          className="fr-mb-3w"
          label={labels.currentPassword}
          messagesHint=""
          messages={passwordMessages(errors, 'currentPassword')}
          nativeInputProps={{
            id: fieldId(FORM, 'currentPassword'),
            ...invalidProps(errors, 'currentPassword'),
            name: 'currentPassword',
            autoComplete: 'current-password',
            required: true,
          }}
        />
        <PasswordInput
          className="fr-mb-3w"
          label={labels.newPassword}
          hintText={t('ui.profile.newPasswordHint')}
          messagesHint=""
          messages={passwordMessages(errors, 'newPassword')}
          nativeInputProps={{
            id: fieldId(FORM, 'newPassword'),
            ...invalidProps(errors, 'newPassword'),
            name: 'newPassword',
            autoComplete: 'new-password',
            required: true,
          }}
        />
        <PasswordInput
          className="fr-mb-3w"
          label={labels.confirm}
          messagesHint=""
          messages={passwordMessages(errors, 'confirm')}
          nativeInputProps={{
            id: fieldId(FORM, 'confirm'),
            ...invalidProps(errors, 'confirm'),
            name: 'confirm',
            autoComplete: 'new-password',
            required: true,
          }}
        />
        <Button type="submit" disabled={pending}>
          {t('ui.profile.changePassword')}
        </Button>
      </form>
    </>
  );
}

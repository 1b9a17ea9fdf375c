/** Password fields (the DSFR's, with their show/hide button) bound to a form's errors. */
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput.js';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { type FieldErrors, fieldId, invalidProps, passwordMessages } from './forms.tsx';

export function PasswordField({
  form,
  name,
  errors,
  label,
  hint,
  autoComplete,
  className,
}: {
  form: string;
  name: string;
  errors: FieldErrors;
  label: string;
  hint?: ReactNode;
  autoComplete: 'current-password' | 'new-password';
  className?: string;
}) {
  return (
    <PasswordInput
      className={className}
      label={label}
      hintText={hint}
      messagesHint=""
      messages={passwordMessages(errors, name)}
      nativeInputProps={{
        id: fieldId(form, name),
        ...invalidProps(errors, name),
        name,
        autoComplete,
        required: true,
      }}
    />
  );
}

/** A new password, then the same typed again (`confirm`), as a reset and a change of password ask. */
export function NewPasswordFields({
  form,
  name,
  errors,
  labels,
  hint,
}: {
  form: string;
  /** The new password's field; its confirmation is `confirm`. */
  name: string;
  errors: FieldErrors;
  labels: { password: string; confirm: string };
  hint: string;
}) {
  return (
    <>
      <PasswordField
        className="fr-mb-3w"
        form={form}
        name={name}
        errors={errors}
        label={labels.password}
        hint={hint}
        autoComplete="new-password"
      />
      <PasswordField
        className="fr-mb-3w"
        form={form}
        name="confirm"
        errors={errors}
        label={labels.confirm}
        autoComplete="new-password"
      />
    </>
  );
}

/** The confirmation's error, after the schema's: missing, or not the new password (`name`) typed again. */
export function checkConfirmation(
  t: TFunction,
  values: Record<string, unknown>,
  name: string,
  errors: FieldErrors,
): FieldErrors {
  if (errors.confirm) return errors;
  if (!values.confirm) return { ...errors, confirm: t('ui.validation.required') };
  if (values.confirm !== values[name]) return { ...errors, confirm: t('ui.validation.passwordsDiffer') };
  return errors;
}

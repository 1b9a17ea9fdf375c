/**
 * A form's fields bound to its errors: each takes the id the error summary links to (`fieldId`), shows its
 * error beside it and says so to assistive technologies (`aria-invalid`). Everything else is the native
 * element's props.
 */
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import type { ComponentProps, ReactNode } from 'react';
import { type FieldErrors, fieldId, fieldState, invalidProps } from './forms.tsx';

type Bound = {
  /** The form's id, the prefix of its fields' ids. */
  form: string;
  /** The field's name: its value's key, and the key of its error. */
  name: string;
  errors: FieldErrors;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
};

/** The DSFR props every bound field shares: its id, name, error state and `aria-invalid`. */
function bind({ form, name, errors }: Pick<Bound, 'form' | 'name' | 'errors'>) {
  return {
    state: fieldState(errors, name),
    native: { id: fieldId(form, name), name, ...invalidProps(errors, name) },
  };
}

export function TextField({
  form,
  name,
  errors,
  label,
  hint,
  className,
  ...input
}: Bound & Omit<ComponentProps<'input'>, 'id' | 'name' | 'className'>) {
  const { state, native } = bind({ form, name, errors });
  return (
    <Input
      className={className}
      label={label}
      hintText={hint}
      {...state}
      nativeInputProps={{ ...input, ...native }}
    />
  );
}

export function TextAreaField({
  form,
  name,
  errors,
  label,
  hint,
  className,
  ...textArea
}: Bound & Omit<ComponentProps<'textarea'>, 'id' | 'name' | 'className'>) {
  const { state, native } = bind({ form, name, errors });
  return (
    <Input
      textArea
      className={className}
      label={label}
      hintText={hint}
      {...state}
      nativeTextAreaProps={{ ...textArea, ...native }}
    />
  );
}

export function SelectField({
  form,
  name,
  errors,
  label,
  hint,
  className,
  children,
  ...select
}: Bound & Omit<ComponentProps<'select'>, 'id' | 'name' | 'className'>) {
  const { state, native } = bind({ form, name, errors });
  return (
    <Select
      className={className}
      label={label}
      hint={hint}
      {...state}
      nativeSelectProps={{ ...select, ...native }}
    >
      {children}
    </Select>
  );
}

/**
 * DSFR dialogs: one holding a form, one asking to confirm an action. "Annuler" first, the action after; a
 * dialog that sends something stays open while sending, and the page closes it once done.
 */
import type { FrIconClassName } from '@codegouvfr/react-dsfr/fr/generatedFromCss/classNames.js';
import type { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import type { ModalProps } from '@codegouvfr/react-dsfr/Modal/Modal.js';
import type { FormEventHandler, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type FieldErrors } from './forms.tsx';

type Modal = ReturnType<typeof createModal>;

/** The submit button of the form a dialog holds (`form`: that form's id, the button sitting outside it). */
export function submitButton(
  form: string,
  label: string,
  pending: boolean,
  iconId?: FrIconClassName,
): ModalProps.ActionAreaButtonProps {
  const common = {
    children: label,
    doClosesModal: false,
    type: 'submit' as const,
    disabled: pending,
    nativeButtonProps: { form },
  };
  return iconId ? { ...common, iconId } : common;
}

/** A dialog holding one form: what it is for, the form's error summary, its fields. */
export function FormModal({
  modal,
  form,
  title,
  size,
  intro,
  submitLabel,
  submitIcon,
  pending,
  errors,
  labels,
  message,
  formRef,
  onSubmit,
  children,
}: {
  modal: Modal;
  /** The form's id: its fields' ids start with it, and the submit button names it. */
  form: string;
  title: string;
  size?: ModalProps['size'];
  intro: ReactNode;
  submitLabel: string;
  submitIcon?: FrIconClassName;
  pending: boolean;
  errors: FieldErrors;
  labels: Record<string, string>;
  message: string | undefined;
  formRef?: Ref<HTMLFormElement>;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <modal.Component
      title={title}
      titleAs="h2"
      size={size}
      buttons={[
        { children: t('ui.common.cancel'), priority: 'secondary' },
        submitButton(form, submitLabel, pending, submitIcon),
      ]}
    >
      <p>{intro}</p>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as="h3" />
      <form id={form} ref={formRef} noValidate onSubmit={onSubmit}>
        {children}
      </form>
    </modal.Component>
  );
}

/** A dialog asking to confirm an action (a deletion, a withdrawal…), with what it will do. */
export function ConfirmModal({
  modal,
  title,
  confirmLabel,
  confirmIcon,
  onConfirm,
  keepOpen = false,
  pending = false,
  children,
}: {
  modal: Modal;
  title: string;
  confirmLabel: string;
  confirmIcon?: FrIconClassName;
  onConfirm: () => void;
  /** Open until the page closes it (the action's outcome is shown in it, or follows it). */
  keepOpen?: boolean;
  pending?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const confirm = { children: confirmLabel, doClosesModal: !keepOpen, disabled: pending, onClick: onConfirm };
  return (
    <modal.Component
      title={title}
      titleAs="h2"
      buttons={[
        { children: t('ui.common.cancel'), priority: 'secondary' },
        confirmIcon ? { ...confirm, iconId: confirmIcon } : confirm,
      ]}
    >
      {children}
    </modal.Component>
  );
}

/** Buttons of DSFR dialogs. */
import type { FrIconClassName } from '@codegouvfr/react-dsfr/fr/generatedFromCss/classNames.js';
import type { ModalProps } from '@codegouvfr/react-dsfr/Modal/Modal.js';

/**
 * The submit button of the form a dialog holds (`form`: that form's id, the button sitting outside it).
 * The dialog stays open while sending: the form closes it once done, or shows its errors.
 */
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

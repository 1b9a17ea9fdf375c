/**
 * The publics a course is for (its indexation), or whose new offers one wants to hear of (the alerts): a box
 * each, in a group the error summary can focus.
 */
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PUBLICS, type Public } from '../../../shared/lifecycle.ts';
import { type FieldErrors, fieldId } from '../../components/forms.tsx';

export function PublicsField({
  form,
  errors,
  legend,
  hint,
  checked,
}: {
  form: string;
  errors: FieldErrors;
  legend: ReactNode;
  hint: ReactNode;
  /**
   * Ticked at first (the form reads the boxes when sent), or ticked now with what a tick changes (the form
   * keeps them itself).
   */
  checked:
    | { initial: readonly string[] }
    | { now: ReadonlySet<string>; onToggle: (p: Public, on: boolean) => void };
}) {
  const { t } = useTranslation();
  return (
    <div id={fieldId(form, 'publics')} tabIndex={-1}>
      <Checkbox
        legend={legend}
        hintText={hint}
        orientation="horizontal"
        state={errors.publics ? 'error' : 'default'}
        stateRelatedMessage={errors.publics}
        options={PUBLICS.map((p) => ({
          label: t(`ui.lifecycle.publics.${p}`),
          nativeInputProps: {
            name: 'publics',
            value: p,
            ...('initial' in checked
              ? { defaultChecked: checked.initial.includes(p) }
              : {
                  checked: checked.now.has(p),
                  onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
                    checked.onToggle(p, event.target.checked),
                }),
          },
        }))}
      />
    </div>
  );
}

import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompletionMode } from '../../../shared/completion.ts';
import type { CompletionRule } from '../../api/completion.ts';
import { useActivityKinds } from '../../api/courses.ts';
import { TextField } from '../../components/fields.tsx';
import { type FieldErrors, fieldId } from '../../components/forms.tsx';

/** Labels of the fields, for the form's error summary. */
export function completionLabels(t: TFunction): Record<string, string> {
  return {
    'completion.mode': t('ui.completion.fields.legend'),
    'completion.passGrade': t('ui.completion.fields.passGrade'),
  };
}

/** The rule a mode stands for; a graded rule keeps the pass grade typed so far. */
function ruleOf(mode: CompletionMode, passGrade: number): CompletionRule {
  return mode === 'grade' ? { mode, passGrade } : { mode };
}

export function CompletionFields({
  form,
  kind,
  courseId,
  value,
  onChange,
  errors,
}: {
  form: string;
  kind: string;
  courseId: string;
  value: CompletionRule;
  onChange: (rule: CompletionRule) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const kinds = useActivityKinds();
  const [grade, setGrade] = useState(value.mode === 'grade' ? String(value.passGrade) : '50');
  const modes = kinds.data?.find((k) => k.kind === kind)?.completionModes;
  if (!modes || modes.length < 2) return null;
  const modeError = errors['completion.mode'];
  return (
    <>
      {/* The summary's link lands here: the radios keep the ids their labels point to. */}
      <div id={fieldId(form, 'completion.mode')} tabIndex={-1}>
        <RadioButtons
          legend={t('ui.completion.fields.legend')}
          hintText={t('ui.completion.fields.hint')}
          name="completion"
          state={modeError ? 'error' : 'default'}
          stateRelatedMessage={modeError}
          options={modes.map((mode) => ({
            label: t(`ui.completion.modes.${mode}`),
            nativeInputProps: {
              value: mode,
              checked: value.mode === mode,
              onChange: () => onChange(ruleOf(mode, Number(grade))),
            },
          }))}
        />
      </div>
      {value.mode === 'grade' ? (
        <TextField
          form={form}
          name="completion.passGrade"
          errors={errors}
          label={t('ui.completion.fields.passGrade')}
          hint={t('ui.completion.fields.passGradeHint')}
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step="any"
          value={grade}
          onChange={(event) => {
            setGrade(event.target.value);
            onChange(ruleOf('grade', event.target.value === '' ? Number.NaN : Number(event.target.value)));
          }}
        />
      ) : null}
      <p className="fr-text--sm">
        <Link className="fr-link fr-link--sm" to={`/parcours/${courseId}/achevement`}>
          {t('ui.completion.fields.criteriaLink')}
        </Link>
      </p>
    </>
  );
}

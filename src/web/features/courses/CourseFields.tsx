/** The fields a course is created with and its settings page edits again: names, format, summary. */
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { useTranslation } from 'react-i18next';
import type { Course } from '../../api/courses.ts';
import { TextField } from '../../components/fields.tsx';
import { type FieldErrors, fieldId } from '../../components/forms.tsx';
import { RichTextEditor } from '../../components/RichTextEditor.tsx';

type Props = { form: string; errors: FieldErrors; course?: Course };

/** The title and the short name, each with its hint. */
export function CourseNameFields({ form, errors, course }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {(['title', 'shortName'] as const).map((name) => (
        <TextField
          key={name}
          form={form}
          name={name}
          errors={errors}
          label={t(`ui.courses.fields.${name}`)}
          hint={t(`ui.courses.fields.${name}Hint`)}
          required
          autoComplete="off"
          defaultValue={course?.[name]}
        />
      ))}
    </>
  );
}

/** Topics or modular, each with what it means. */
export function CourseFormatField({ errors, course }: Omit<Props, 'form'>) {
  const { t } = useTranslation();
  return (
    <RadioButtons
      legend={t('ui.courses.fields.format')}
      name="format"
      state={errors.format ? 'error' : 'default'}
      stateRelatedMessage={errors.format}
      options={(['topics', 'modular'] as const).map((format) => ({
        label: t(`ui.courses.formats.${format}`),
        hintText: t(`ui.courses.formats.${format}Hint`),
        nativeInputProps: { value: format, defaultChecked: (course?.format ?? 'topics') === format },
      }))}
    />
  );
}

/** The summary, rich text; its images go to the course once it exists. */
export function CourseSummaryField({ form, errors, course }: Props) {
  const { t } = useTranslation();
  return (
    <RichTextEditor
      id={fieldId(form, 'summary')}
      name="summary"
      label={`${t('ui.courses.fields.summary')} ${t('ui.common.optional')}`}
      hint={t('ui.courses.fields.summaryHint')}
      defaultValue={course?.summary}
      error={errors.summary}
      courseId={course?.id}
    />
  );
}

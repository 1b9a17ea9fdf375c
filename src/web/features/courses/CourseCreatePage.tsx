/** `/parcours/nouveau`: create a course, then land on its page in edit mode. */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CourseCreateBody } from '../../../shared/api.ts';
import { courseKeys, createCourse } from '../../api/courses.ts';
import { createFromTemplate, useTemplates } from '../../api/workflow.ts';
import { useMe } from '../../app/auth.tsx';
import { useWorkingDomain } from '../../app/domainChoice.ts';
import { DomainOptions } from '../../components/DomainOptions.tsx';
import { SelectField } from '../../components/fields.tsx';
import { ErrorSummary, fieldId } from '../../components/forms.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';
import { CourseFormatField, CourseNameFields, CourseSummaryField } from './CourseFields.tsx';

const FIELDS = ['domainId', 'title', 'shortName', 'format', 'summary'] as const;

export function CourseCreatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [workingDomain] = useWorkingDomain();
  const form = 'nouveau-parcours';
  const [templateId, setTemplateId] = useState('');
  const templates = useTemplates();
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`ui.courses.fields.${f}`)]));

  const { errors, message, pending, onSubmit } = useFormSubmission(CourseCreateBody, async (data) => {
    const { domainId, title, shortName } = data;
    const course = templateId
      ? await createFromTemplate(templateId, { domainId, title, shortName })
      : await createCourse(data);
    void queryClient.invalidateQueries({ queryKey: courseKeys.lists });
    navigate(`/parcours/${course.id}?edition=1`, {
      state: { flash: t('ui.courses.created', { title: course.title }) },
    });
  });

  return (
    <>
      <PageHeading title={t('ui.courses.newTitle')} crumbs={[]}>
        <p>{t('ui.courses.newIntro')}</p>
      </PageHeading>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} />
      <form noValidate onSubmit={onSubmit}>
        <p className="fr-hint-text">{t('ui.common.requiredHint')}</p>
        {templates.data?.length ? (
          <Select
            label={`${t('ui.courses.fromTemplate.label')} ${t('ui.common.optional')}`}
            hint={t('ui.courses.fromTemplate.hint')}
            nativeSelectProps={{
              id: fieldId(form, 'template'),
              value: templateId,
              onChange: (event) => setTemplateId(event.target.value),
            }}
          >
            <option value="">{t('ui.courses.fromTemplate.blank')}</option>
            {templates.data.map((template) => (
              <option key={template.id} value={template.id}>
                {template.title}
              </option>
            ))}
          </Select>
        ) : null}
        <SelectField
          form={form}
          name="domainId"
          errors={errors}
          label={labels.domainId}
          required
          defaultValue={workingDomain ?? me.domains[0]?.id ?? ''}
        >
          <option value="" disabled>
            {t('ui.courses.fields.chooseDomain')}
          </option>
          <DomainOptions domains={me.domains} />
        </SelectField>
        <CourseNameFields form={form} errors={errors} />
        {templateId ? null : (
          <>
            <CourseFormatField errors={errors} />
            <CourseSummaryField form={form} errors={errors} />
          </>
        )}
        <Button className="fr-mt-2w" type="submit" disabled={pending}>
          {t('ui.courses.createSubmit')}
        </Button>
      </form>
    </>
  );
}

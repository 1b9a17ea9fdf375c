/** `/parcours/nouveau`: create a course, then land on its page in edit mode. */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CourseCreateBody } from '../../../shared/api.ts';
import { api } from '../../api/client.ts';
import type { Course } from '../../api/courses.ts';
import { useTemplates } from '../../api/workflow.ts';
import { useMe } from '../../app/auth.tsx';
import { useWorkingDomain } from '../../app/domainChoice.ts';
import { ErrorSummary, fieldId, fieldState, invalidProps, readForm } from '../../components/forms.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RichTextEditor } from '../../components/RichTextEditor.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

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

  const { errors, message, pending, submit } = useFormSubmission(CourseCreateBody, async (data) => {
    const { domainId, title, shortName } = data;
    const course = templateId
      ? await api.post<Course>(`/api/courses/${encodeURIComponent(templateId)}/from-template`, {
          domainId,
          title,
          shortName,
        })
      : await api.post<Course>('/api/courses', data);
    void queryClient.invalidateQueries({ queryKey: ['courses', 'list'] });
    navigate(`/parcours/${course.id}?edition=1`, {
      state: { flash: t('ui.courses.created', { title: course.title }) },
    });
  });

  const text = (name: 'title' | 'shortName') => (
    <Input
      label={labels[name]}
      hintText={t(`ui.courses.fields.${name}Hint`)}
      {...fieldState(errors, name)}
      nativeInputProps={{
        id: fieldId(form, name),
        name,
        required: true,
        autoComplete: 'off',
        ...invalidProps(errors, name),
      }}
    />
  );

  return (
    <>
      <PageHeading title={t('ui.courses.newTitle')} crumbs={[]}>
        <p>{t('ui.courses.newIntro')}</p>
      </PageHeading>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(readForm(event.currentTarget));
        }}
      >
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
        <Select
          label={labels.domainId}
          {...fieldState(errors, 'domainId')}
          nativeSelectProps={{
            id: fieldId(form, 'domainId'),
            name: 'domainId',
            required: true,
            defaultValue: workingDomain ?? me.domains[0]?.id ?? '',
            ...invalidProps(errors, 'domainId'),
          }}
        >
          <option value="" disabled>
            {t('ui.courses.fields.chooseDomain')}
          </option>
          {me.domains.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
        {text('title')}
        {text('shortName')}
        {templateId ? null : (
          <>
            <RadioButtons
              legend={labels.format}
              name="format"
              state={errors.format ? 'error' : 'default'}
              stateRelatedMessage={errors.format}
              options={(['topics', 'modular'] as const).map((format) => ({
                label: t(`ui.courses.formats.${format}`),
                hintText: t(`ui.courses.formats.${format}Hint`),
                nativeInputProps: {
                  value: format,
                  defaultChecked: format === 'topics',
                },
              }))}
            />
            <RichTextEditor
              id={fieldId(form, 'summary')}
              name="summary"
              label={`${labels.summary} ${t('ui.common.optional')}`}
              hint={t('ui.courses.fields.summaryHint')}
              error={errors.summary}
            />
          </>
        )}
        <Button className="fr-mt-2w" type="submit" disabled={pending}>
          {t('ui.courses.createSubmit')}
        </Button>
      </form>
    </>
  );
}

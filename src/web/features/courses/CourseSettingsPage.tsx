/**
 * `/parcours/:id/parametres`: the course's title, short name, summary, format, visibility and opening date;
 * below, its thumbnail (saved as soon as chosen).
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { CourseUpdateBody } from '../../../shared/api.ts';
import {
  type Course,
  type CoursePage,
  fetchCoursePage,
  refreshCourse,
  updateCourse,
  useCoursePage,
} from '../../api/courses.ts';
import { AvailableFromField, fromLocalInput, toLocalInput } from '../../components/AvailableFromField.tsx';
import { ErrorSummary, fieldId, readForm } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { changedKeys, StaleVersionAlert, useVersionedForm } from '../../components/StaleVersion.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';
import { CourseNav } from '../workflow/CourseNav.tsx';
import { CourseFormatField, CourseNameFields, CourseSummaryField } from './CourseFields.tsx';
import { ThumbnailSection } from './ThumbnailSection.tsx';

const FIELDS = ['title', 'shortName', 'summary', 'format', 'visibility', 'availableFrom'] as const;

export function CourseSettingsPage() {
  const { id = '' } = useParams();
  const query = useCoursePage(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data.canEdit) return <Navigate to={`/parcours/${id}`} replace />;
  return <CourseSettingsForm page={query.data} />;
}

function CourseSettingsForm({ page }: { page: CoursePage }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [availableFrom, setAvailableFrom] = useState(toLocalInput(page.course.availableFrom));
  const versioned = useVersionedForm({
    initial: page.course,
    version: (c) => c.version,
    load: async () => (await fetchCoursePage(queryClient, page.course.id)).course,
    diff: (before, latest) => changedKeys(before, latest, FIELDS),
    read: () => (formRef.current ? valuesOf(formRef.current) : {}),
    merge: (latest, typed) => ({ ...latest, ...typed }),
    apply: (merged) => setAvailableFrom(toLocalInput(merged.availableFrom)),
  });
  // The fields show the course as opened (or merged after a conflict), not as a background refetch has it.
  const course = versioned.base;
  const form = 'parametres-parcours';
  const labels: Record<string, string> = {
    title: t('ui.courses.fields.title'),
    shortName: t('ui.courses.fields.shortName'),
    summary: t('ui.courses.fields.summary'),
    format: t('ui.courses.fields.format'),
    visibility: t('ui.courses.settings.visibility'),
    availableFrom: t('ui.availability.label'),
  };
  const back = `/parcours/${course.id}?edition=1`;

  const { errors, message, pending, submit } = useFormSubmission(CourseUpdateBody, async (data) => {
    let updated: Course;
    try {
      updated = await updateCourse(course.id, data, versioned.version);
    } catch (error) {
      if (versioned.caught(error)) return;
      throw error;
    }
    await refreshCourse(queryClient, course.id);
    navigate(back, { state: { flash: t('ui.courses.settings.saved', { title: updated.title }) } });
  });

  /** The form's values as the body wants them: the date from the local field, an empty summary kept. */
  function valuesOf(formElement: HTMLFormElement) {
    const raw = readForm(formElement, ['availableFrom']);
    const values: Record<string, unknown> = Object.fromEntries(FIELDS.map((f) => [f, raw[f] ?? undefined]));
    values.summary = raw.summary ?? '';
    values.availableFrom = fromLocalInput(raw.availableFrom);
    return values;
  }

  return (
    <>
      <PageHeading
        title={t('ui.courses.settings.title')}
        crumbs={[{ label: page.course.title, to: `/parcours/${course.id}` }]}
      >
        <p>{t('ui.courses.settings.intro')}</p>
      </PageHeading>
      <CourseNav courseId={course.id} current="settings" />
      <StaleVersionAlert form={versioned} labels={labels} />
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} />
      <form
        ref={formRef}
        key={versioned.generation}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(valuesOf(event.currentTarget));
        }}
      >
        <p className="fr-hint-text">{t('ui.common.requiredHint')}</p>
        <CourseNameFields form={form} errors={errors} course={course} />
        <CourseSummaryField form={form} errors={errors} course={course} />
        <CourseFormatField errors={errors} course={course} />
        <RadioButtons
          legend={labels.visibility}
          name="visibility"
          state={errors.visibility ? 'error' : 'default'}
          stateRelatedMessage={errors.visibility}
          options={(['visible', 'hidden'] as const).map((visibility) => ({
            label: t(`ui.courses.settings.${visibility}`),
            hintText: t(`ui.courses.settings.${visibility}Hint`),
            nativeInputProps: {
              value: visibility,
              defaultChecked: course.visibility === visibility,
            },
          }))}
        />
        <AvailableFromField
          id={fieldId(form, 'availableFrom')}
          name="availableFrom"
          hint={t('ui.courses.settings.availableFromHint')}
          value={availableFrom}
          onChange={setAvailableFrom}
          error={errors.availableFrom}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
          <li>
            <Button type="submit" disabled={pending}>
              {t('ui.courses.settings.submit')}
            </Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ to: back }}>
              {t('ui.courses.settings.back')}
            </Button>
          </li>
        </ul>
      </form>
      {/* Saved on its own, at once: it shows the course as it is now. */}
      <ThumbnailSection course={page.course} />
    </>
  );
}

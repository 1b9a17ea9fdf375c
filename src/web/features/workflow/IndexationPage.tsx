/**
 * `/parcours/:id/indexation`: the course's metadata — what the offer shows and searches, and what a
 * session needs (collection, publics, objectives, origin are required then).
 */

import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { keyIn } from '../../../shared/i18n/keys.ts';
import { COLLECTIONS, CourseMetadata, ORIGINS, REQUIRED_FOR_SESSION } from '../../../shared/lifecycle.ts';
import { requiredToPublish } from '../../../shared/offers.ts';
import { type Course, fetchCoursePage, refreshCourse, useCoursePage } from '../../api/courses.ts';
import { refreshLifecycle, saveMetadata } from '../../api/workflow.ts';
import { TextAreaField, TextField } from '../../components/fields.tsx';
import { ErrorSummary, fieldId, fieldState, invalidProps, readForm } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RichTextEditor } from '../../components/RichTextEditor.tsx';
import { changedKeys, StaleVersionAlert, useVersionedForm } from '../../components/StaleVersion.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';
import { CourseNav } from './CourseNav.tsx';
import { PublicsField } from './PublicsField.tsx';

const form = 'indexation';
const TEXTS = [
  'rhythm',
  'authors',
  'validatedBy',
  'version',
  'releaseNotes',
  'certification',
  'contact',
] as const;
const LONG: readonly string[] = ['authors', 'releaseNotes'];

export function IndexationPage() {
  const { id = '' } = useParams();
  const query = useCoursePage(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data.canEdit) return <Navigate to={`/parcours/${id}`} replace />;
  return <IndexationForm course={query.data.course} />;
}

/** Minutes from an "hours" and a "minutes" field; undefined when both are empty, NaN when not numbers. */
function minutesOf(hours: string | null | undefined, minutes: string | null | undefined) {
  if (!hours && !minutes) return undefined;
  return Number(hours || 0) * 60 + Number(minutes || 0);
}

/** The form's values as the indexation wants them: empty fields left out. */
function valuesOf(element: HTMLFormElement) {
  const raw = readForm(element);
  const data = new FormData(element);
  const publics = data.getAll('publics').map(String);
  const keywords = (raw.keywords ?? '')
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter(Boolean);
  const values: Record<string, unknown> = {
    collection: raw.collection || undefined,
    publics: publics.length ? publics : undefined,
    objectives: raw.objectives && raw.objectives !== '<p></p>' ? raw.objectives : undefined,
    origin: raw.origin || undefined,
    durationOnSite: minutesOf(raw.durationOnSiteHours, raw.durationOnSiteMinutes),
    durationRemote: minutesOf(raw.durationRemoteHours, raw.durationRemoteMinutes),
    keywords: keywords.length ? keywords : undefined,
    ...Object.fromEntries(TEXTS.map((name) => [name, raw[name] || undefined])),
  };
  return values;
}

const FIELDS = [
  'collection',
  'publics',
  'objectives',
  'origin',
  'durationOnSite',
  'durationRemote',
  'keywords',
  ...TEXTS,
] as const;

function IndexationForm({ course: current }: { course: Course }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const versioned = useVersionedForm({
    initial: current,
    version: (c) => c.metadataVersion,
    load: async () => (await fetchCoursePage(queryClient, current.id)).course,
    diff: (before, latest) => changedKeys(before.metadata, latest.metadata, FIELDS),
    read: () => (formRef.current ? valuesOf(formRef.current) : {}),
    merge: (latest, typed) => ({ ...latest, metadata: { ...latest.metadata, ...typed } }),
  });
  // The fields show the indexation as opened, saved or merged after a conflict — not as a refetch has it.
  const course = versioned.base;
  const metadata = course.metadata;
  // A parcours needs a version to be published in the course offer (deployed copies follow it).
  const versionRequired = requiredToPublish(course.stage).includes('version');
  const required = new Set<string>([...REQUIRED_FOR_SESSION, ...(versionRequired ? ['version'] : [])]);
  const hint = (name: string) =>
    name === 'version' && versionRequired ? t('ui.lifecycle.indexation.versionHint') : undefined;
  const optional = (name: string) => (required.has(name) ? '' : ` ${t('ui.common.optional')}`);
  const label = (name: (typeof FIELDS)[number]) => t(keyIn('ui.lifecycle.indexation', name));
  const labels = Object.fromEntries(FIELDS.map((name) => [name, label(name)]));
  const { errors, message, pending, submit } = useFormSubmission(CourseMetadata, async (data) => {
    let updated: Course;
    try {
      updated = await saveMetadata(course.id, data, versioned.version);
    } catch (error) {
      if (versioned.caught(error)) return;
      throw error;
    }
    // The form stays open: its next save is made over this one.
    versioned.saved(updated);
    await Promise.all([refreshCourse(queryClient, course.id), refreshLifecycle(queryClient, course.id)]);
    setSaved(true);
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    void submit(valuesOf(event.currentTarget));
  }

  const duration = (name: 'durationOnSite' | 'durationRemote') => {
    const total = metadata[name];
    return (
      <fieldset
        className="fr-fieldset"
        id={fieldId(form, name)}
        tabIndex={-1}
        aria-labelledby={`${name}-legend`}
      >
        <legend className="fr-fieldset__legend" id={`${name}-legend`}>
          {labels[name]}
          {optional(name)}
        </legend>
        {(['hours', 'minutes'] as const).map((unit) => (
          <div key={unit} className="fr-fieldset__element fr-fieldset__element--inline">
            <Input
              label={t(keyIn('ui.lifecycle.indexation', unit))}
              {...fieldState(errors, name)}
              nativeInputProps={{
                name: `${name}${unit === 'hours' ? 'Hours' : 'Minutes'}`,
                type: 'number',
                min: 0,
                max: unit === 'hours' ? 999 : 59,
                inputMode: 'numeric',
                defaultValue:
                  total === undefined ? '' : unit === 'hours' ? Math.floor(total / 60) : total % 60,
                ...invalidProps(errors, name),
              }}
            />
          </div>
        ))}
      </fieldset>
    );
  };

  return (
    <>
      <PageHeading
        title={t('ui.lifecycle.indexation.title')}
        crumbs={[{ label: course.title, to: `/parcours/${course.id}` }]}
      >
        <p>{t('ui.lifecycle.indexation.intro')}</p>
      </PageHeading>
      <CourseNav courseId={course.id} current="indexation" />
      {saved ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          closable
          onClose={() => setSaved(false)}
          description={t('ui.lifecycle.indexation.saved')}
        />
      ) : null}
      <StaleVersionAlert form={versioned} labels={labels} />
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} />
      <form ref={formRef} key={versioned.generation} noValidate onSubmit={onSubmit}>
        <p className="fr-hint-text">
          {t('ui.lifecycle.indexation.requiredHint')}
          {versionRequired ? ` ${t('ui.lifecycle.indexation.versionRequiredHint')}` : ''}
        </p>
        <Select
          label={labels.collection}
          {...fieldState(errors, 'collection')}
          nativeSelectProps={{
            id: fieldId(form, 'collection'),
            name: 'collection',
            defaultValue: metadata.collection ?? '',
            ...invalidProps(errors, 'collection'),
          }}
        >
          <option value="">{t('ui.lifecycle.indexation.choose')}</option>
          {COLLECTIONS.map((c) => (
            <option key={c} value={c}>
              {t(`ui.lifecycle.collections.${c}`)}
            </option>
          ))}
        </Select>
        <PublicsField
          form={form}
          errors={errors}
          legend={labels.publics}
          hint={t('ui.lifecycle.indexation.publicsHint')}
          checked={{ initial: metadata.publics ?? [] }}
        />
        <RichTextEditor
          id={fieldId(form, 'objectives')}
          name="objectives"
          label={labels.objectives ?? ''}
          hint={t('ui.lifecycle.indexation.objectivesHint')}
          defaultValue={metadata.objectives ?? ''}
          error={errors.objectives}
        />
        <div id={fieldId(form, 'origin')} tabIndex={-1}>
          <RadioButtons
            legend={labels.origin}
            name="origin"
            orientation="horizontal"
            state={errors.origin ? 'error' : 'default'}
            stateRelatedMessage={errors.origin}
            options={ORIGINS.map((o) => ({
              label: t(`ui.lifecycle.origins.${o}`),
              nativeInputProps: { value: o, defaultChecked: metadata.origin === o },
            }))}
          />
        </div>
        {duration('durationOnSite')}
        {duration('durationRemote')}
        <TextField
          form={form}
          name="keywords"
          errors={errors}
          label={`${labels.keywords}${optional('keywords')}`}
          hint={t('ui.lifecycle.indexation.keywordsHint')}
          defaultValue={metadata.keywords?.join(', ') ?? ''}
        />
        {TEXTS.map((name) =>
          LONG.includes(name) ? (
            <TextAreaField
              key={name}
              form={form}
              name={name}
              errors={errors}
              label={`${labels[name]}${optional(name)}`}
              rows={3}
              defaultValue={metadata[name] ?? ''}
            />
          ) : (
            <TextField
              key={name}
              form={form}
              name={name}
              errors={errors}
              label={`${labels[name]}${optional(name)}`}
              hint={hint(name)}
              defaultValue={metadata[name] ?? ''}
            />
          ),
        )}
        <Button type="submit" disabled={pending}>
          {t('ui.lifecycle.indexation.submit')}
        </Button>
      </form>
    </>
  );
}

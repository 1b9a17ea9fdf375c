/**
 * `/parcours/:id/activite/nouvelle?section=…&type=…` and `/parcours/:id/activite/:activityId/modifier`:
 * the title, the kind's Editor, the visibility and opening date; errors next to the fields and summarised at
 * the top.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ActivityUpdateBody } from '../../../shared/api.ts';
import type { CompletionRule } from '../../api/completion.ts';
import {
  type Activity,
  type CoursePage,
  courseKeys,
  createActivity,
  deleteActivity,
  fetchActivity,
  updateActivity,
  useActivity,
  useCoursePage,
} from '../../api/courses.ts';
import { AvailableFromField, fromLocalInput, toLocalInput } from '../../components/AvailableFromField.tsx';
import { ConfirmModal } from '../../components/dialogs.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TextField } from '../../components/fields.tsx';
import { ErrorSummary, fieldId } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { changedKeys, StaleVersionAlert, useVersionedForm } from '../../components/StaleVersion.tsx';
import { useUploadMessage } from '../../components/upload.ts';
import { useFormSubmission } from '../../components/useFormSubmission.ts';
import { CompletionFields, completionLabels } from '../completion/CompletionFields.tsx';
import { AudienceFields, NO_AUDIENCE, saveAudience } from '../enrolment/AudienceFields.tsx';
import { isKnownKind, kindText, kindUi } from './registry.tsx';
import type { PendingUpload, Settings } from './types.ts';

/** What the form checks before sending; the kind's settings and the completion rule are the server's to judge. */
const Checked = ActivityUpdateBody.pick({ title: true, availableFrom: true }).required();

/** The fields of the form that a save from someone else may have changed (the audience is saved apart). */
const VERSIONED_FIELDS = ['title', 'settings', 'visibility', 'availableFrom', 'completion'] as const;

const deleteModal = createModal({ id: 'modale-suppression-activite', isOpenedByDefault: false });

export function ActivityEditPage() {
  const { t } = useTranslation();
  const { id = '', activityId } = useParams();
  const [params] = useSearchParams();
  const query = useCoursePage(id);
  // The course page lists summaries; the form needs the activity's settings.
  const full = useActivity(id, activityId);
  if (query.isPending || full.isLoading) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const page = query.data;
  const courseCrumb = { label: page.course.title, to: `/parcours/${page.course.id}?edition=1` };
  const existing = page.sections.some((s) => s.activities.some((a) => a.id === activityId))
    ? full.data
    : undefined;
  const sectionId = existing?.sectionId ?? params.get('section') ?? '';
  const kind = existing?.kind ?? params.get('type') ?? '';
  const section = page.sections.find((s) => s.id === sectionId);
  const problem =
    activityId && !existing
      ? 'ui.activities.view.notFound'
      : !section
        ? 'ui.activities.edit.unknownSection'
        : !isKnownKind(kind)
          ? 'ui.activities.edit.unknownKind'
          : null;
  if (problem || !section) {
    return (
      <>
        <PageHeading title={t(problem ?? 'ui.activities.edit.unknownSection')} crumbs={[courseCrumb]} />
        <EmptyState message={t(problem ?? 'ui.activities.edit.unknownSection')} />
      </>
    );
  }
  return (
    <ActivityForm
      key={existing?.id ?? `${sectionId}-${kind}`}
      page={page}
      sectionId={section.id}
      sectionTitle={section.title}
      kind={kind}
      existing={existing}
      crumbs={[courseCrumb]}
    />
  );
}

function ActivityForm({
  page,
  sectionId,
  sectionTitle,
  kind,
  existing,
  crumbs,
}: {
  page: CoursePage;
  sectionId: string;
  sectionTitle: string;
  kind: string;
  existing?: Activity;
  crumbs: { label: string; to: string }[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ui = kindUi(kind);
  const names = kindText(t, kind);
  const form = 'activite';
  const [title, setTitle] = useState(existing?.title ?? '');
  const [settings, setSettings] = useState<Settings>(existing?.settings ?? ui.defaults());
  const [hidden, setHidden] = useState(existing?.visibility === 'hidden');
  const [availableFrom, setAvailableFrom] = useState(toLocalInput(existing?.availableFrom));
  const [completion, setCompletion] = useState<CompletionRule>(existing?.completion ?? { mode: 'none' });
  const [audience, setAudience] = useState(existing?.audience ?? NO_AUDIENCE);
  // A new activity has no version yet (the hook is unused then: nothing to be stale against).
  const versioned = useVersionedForm<Activity | undefined>({
    initial: existing,
    version: (a) => a?.version ?? 0,
    load: () =>
      existing ? fetchActivity(queryClient, page.course.id, existing.id) : Promise.resolve(undefined),
    diff: (before, latest) => (before && latest ? changedKeys(before, latest, VERSIONED_FIELDS) : []),
    read: () => ({
      title,
      settings,
      visibility: hidden ? 'hidden' : 'visible',
      availableFrom: fromLocalInput(availableFrom),
      completion,
    }),
    merge: (latest, typed) => (latest ? { ...latest, ...typed } : latest),
    apply: (merged) => {
      if (!merged) return;
      setTitle(merged.title);
      setSettings(merged.settings);
      setHidden(merged.visibility === 'hidden');
      setAvailableFrom(toLocalInput(merged.availableFrom));
      setCompletion(merged.completion);
    },
  });
  const uploadMessage = useUploadMessage();
  // Files chosen in a new activity's editor (file, folder, video): sent as soon as it is created.
  const pendingUpload = useRef<PendingUpload | null>(null);
  const [sending, setSending] = useState(false);
  const uploadFailed = (useLocation().state as { uploadFailed?: string } | null)?.uploadFailed;
  const courseUrl = `/parcours/${page.course.id}?edition=1`;
  const pageTitle = existing
    ? t('ui.activities.edit.editTitle', { title: existing.title })
    : t('ui.activities.edit.newTitle', { kind: names.name });
  const labels: Record<string, string> = {
    title: t('ui.activities.edit.title'),
    'settings.content': t(kind === 'label' ? 'ui.activities.label.content' : 'ui.activities.page.content'),
    'settings.style': t('ui.activities.label.style'),
    'settings.url': t('ui.activities.url.url'),
    'settings.newWindow': t('ui.activities.url.newWindow'),
    availableFrom: t('ui.availability.label'),
    ...completionLabels(t),
    audience: t('audience.title'),
    settings: t('ui.activities.edit.settings'),
    visibility: t('ui.courses.settings.visibility'),
    completion: t('ui.completion.fields.legend'),
  };

  const { errors, message, pending, submit, run } = useFormSubmission(Checked, async (checked) => {
    const common = {
      ...checked,
      settings,
      visibility: hidden ? ('hidden' as const) : ('visible' as const),
      completion,
    };
    let saved: Activity;
    try {
      saved = existing
        ? await updateActivity(existing.id, common, versioned.version)
        : await createActivity(page.course.id, { sectionId, kind, ...common });
    } catch (error) {
      if (versioned.caught(error)) return;
      throw error;
    }
    // Who it is for has its own route (it checks the groups are the course's).
    await saveAudience(saved.id, existing?.audience ?? null, audience);
    if (!existing && !(await sendPendingFiles(saved))) return;
    await queryClient.invalidateQueries({ queryKey: courseKeys.page(page.course.id) });
    navigate(courseUrl, {
      state: {
        flash: t(existing ? 'ui.activities.edit.saved' : 'ui.activities.edit.created', {
          title: checked.title,
        }),
      },
    });
  });

  /**
   * Sends the files chosen before the activity existed. When that fails the activity stays created: its
   * edit page says so and takes the files again. False then.
   */
  async function sendPendingFiles(saved: Activity) {
    const send = pendingUpload.current;
    if (!send) return true;
    setSending(true);
    try {
      await send(saved.id);
      return true;
    } catch (error) {
      await queryClient.invalidateQueries({ queryKey: courseKeys.page(page.course.id) });
      // Said as a sentence of its own, whatever the server's words end with.
      const reason = uploadMessage(error).replace(/([^.!?…])$/, '$1.');
      navigate(`/parcours/${page.course.id}/activite/${saved.id}/modifier`, {
        replace: true,
        state: { uploadFailed: t('ui.activities.upload.failedAfterCreate', { title: saved.title, reason }) },
      });
      return false;
    } finally {
      setSending(false);
    }
  }

  function remove() {
    if (!existing) return;
    void run(async () => {
      await deleteActivity(existing.id);
      await queryClient.invalidateQueries({ queryKey: courseKeys.page(page.course.id) });
      navigate(courseUrl, { state: { flash: t('ui.activities.edit.deleted', { title: existing.title }) } });
    });
  }

  return (
    <>
      <PageHeading title={pageTitle} crumbs={crumbs}>
        <p>
          <span className={`${ui.icon} fr-icon--sm fr-mr-1v`} aria-hidden="true" />
          {names.name} — {t('ui.activities.edit.inSection', { section: sectionTitle })}
        </p>
      </PageHeading>
      <StaleVersionAlert form={versioned} labels={labels} />
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} />
      {uploadFailed ? (
        <Alert className="fr-mb-3w" severity="warning" small role="alert" description={uploadFailed} />
      ) : null}
      {/* Rendered anew after a conflict, so the kind's editor starts from the merged settings. */}
      <form
        key={versioned.generation}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit({ title: title.trim(), availableFrom: fromLocalInput(availableFrom) });
        }}
      >
        <p className="fr-hint-text">{t('ui.common.requiredHint')}</p>
        <TextField
          form={form}
          name="title"
          errors={errors}
          label={labels.title}
          hint={t('ui.activities.edit.titleHint')}
          required
          autoComplete="off"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <ui.Editor
          form={form}
          settings={settings}
          onChange={setSettings}
          errors={errors}
          {...(existing
            ? {}
            : {
                onPendingUpload: (send: PendingUpload | null) => {
                  pendingUpload.current = send;
                },
              })}
        />
        <CompletionFields
          form={form}
          kind={kind}
          courseId={page.course.id}
          value={completion}
          onChange={setCompletion}
          errors={errors}
        />
        <AudienceFields courseId={page.course.id} value={audience} onChange={setAudience} errors={errors} />
        <Checkbox
          options={[
            {
              label: t('ui.activities.edit.hidden'),
              hintText: t('ui.activities.edit.hiddenHint'),
              nativeInputProps: {
                checked: hidden,
                onChange: (event) => setHidden(event.target.checked),
              },
            },
          ]}
        />
        <AvailableFromField
          id={fieldId(form, 'availableFrom')}
          hint={t('ui.activities.edit.availableFromHint')}
          value={availableFrom}
          onChange={setAvailableFrom}
          error={errors.availableFrom}
        />
        <p className={sending ? 'fr-message fr-message--info' : 'fr-sr-only'} role="status">
          {sending ? t('ui.activities.upload.pending') : ''}
        </p>
        <div className="mg-actions fr-mt-2w">
          <Button type="submit" disabled={pending}>
            {existing ? t('ui.activities.edit.save') : t('ui.activities.edit.create')}
          </Button>
          <Button priority="secondary" linkProps={{ to: courseUrl }}>
            {t('ui.common.cancel')}
          </Button>
          {existing ? (
            <Button
              type="button"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              nativeButtonProps={deleteModal.buttonProps}
            >
              {t('ui.activities.edit.delete')}
            </Button>
          ) : null}
        </div>
      </form>
      {existing ? (
        <ConfirmModal
          modal={deleteModal}
          title={t('ui.activities.edit.deleteTitle', { title: existing.title })}
          confirmLabel={t('ui.activities.edit.deleteConfirm')}
          confirmIcon="fr-icon-delete-line"
          onConfirm={remove}
        >
          {t('ui.activities.edit.deleteText')}
        </ConfirmModal>
      ) : null}
    </>
  );
}

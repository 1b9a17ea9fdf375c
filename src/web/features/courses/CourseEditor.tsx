/**
 * The course page in edit mode: sections and activities with their controls. Reordering works with
 * the "Monter"/"Descendre" buttons and by drag and drop (dnd-kit, which also drags with the keyboard).
 */

import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { SectionCreateBody, SectionUpdateBody } from '../../../shared/api.ts';
import {
  type ActivitySummary,
  type CoursePage,
  courseKeys,
  createSection,
  fetchCoursePage,
  type Section,
  updateSection,
} from '../../api/courses.ts';
import { ConfirmModal } from '../../components/dialogs.tsx';
import { TextField } from '../../components/fields.tsx';
import { ErrorSummary, fieldId } from '../../components/forms.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';
import { RichText, RichTextEditor } from '../../components/RichTextEditor.tsx';
import { changedKeys, StaleVersionAlert, useVersionedForm } from '../../components/StaleVersion.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';
import { ActivityChooser, chooserModal } from '../activities/ActivityChooser.tsx';
import { kindUi } from '../activities/registry.tsx';
import { AudienceBadge } from '../enrolment/AudienceBadge.tsx';
import { useCourseEditing } from './editing.ts';
import { ActivityKindLine, HiddenBadge, NoSections } from './SectionContent.tsx';

const deleteSectionModal = createModal({ id: 'modale-suppression-section', isOpenedByDefault: false });

/** Focuses an element by id once React has drawn the new order. */
function focusSoon(id: string, fallbackId?: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id) as HTMLButtonElement | null;
    if (el && !el.disabled) el.focus();
    else if (fallbackId) document.getElementById(fallbackId)?.focus();
  });
}

function IconButton({
  id,
  icon,
  label,
  onClick,
  disabled,
  buttonProps,
}: {
  id?: string;
  icon: string;
  label: string;
  onClick?: () => void;
  disabled?: boolean;
  buttonProps?: Record<string, unknown>;
}) {
  return (
    <button
      id={id}
      type="button"
      className={`fr-btn fr-btn--tertiary fr-btn--sm ${icon}`}
      title={label}
      disabled={disabled}
      onClick={onClick}
      {...buttonProps}
    >
      {label}
    </button>
  );
}

function useDragAnnouncements(titleOf: (id: UniqueIdentifier) => string, ids: UniqueIdentifier[]) {
  const { t } = useTranslation();
  const pos = (id: UniqueIdentifier | undefined) => ({
    position: ids.indexOf(id ?? '') + 1,
    count: ids.length,
  });
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('ui.courses.edit.dragStart', { title: titleOf(active.id), ...pos(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('ui.courses.edit.dragOver', { title: titleOf(active.id), ...pos(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      t('ui.courses.edit.dragEnd', { title: titleOf(active.id), ...pos(over?.id ?? active.id) }),
    onDragCancel: ({ active }) => t('ui.courses.edit.dragCancel', { title: titleOf(active.id) }),
  };
  return {
    announcements,
    screenReaderInstructions: { draggable: t('ui.courses.edit.dragInstructions') },
  };
}

function useSortSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
}

/** A sortable row: the drag handle gets dnd-kit's listeners; `children` receives it. */
function Sortable({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: (handle: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id });
  const label = t('ui.courses.edit.drag', { title });
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'mg-dragging' : undefined}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      {children(
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-drag-move-2-line mg-handle"
          {...attributes}
          {...listeners}
          title={label}
        >
          {label}
        </button>,
      )}
    </li>
  );
}

export function CourseEditor({ page, onFlash }: { page: CoursePage; onFlash: (message: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const courseId = page.course.id;
  const problemMessage = useProblemMessage();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();
  const editing = useCourseEditing(courseId, (e) => setError(problemMessage(e)));
  const [chooserSection, setChooserSection] = useState<Section>();
  const [deleting, setDeleting] = useState<Section>();
  const sectionSensors = useSortSensors();
  const sections = page.sections;
  const sectionIds = sections.map((s) => s.id);
  const sectionDrag = useDragAnnouncements(
    (id) => sections.find((s) => s.id === id)?.title ?? '',
    sectionIds,
  );

  const run = async (action: () => Promise<unknown>, message?: string) => {
    setError(undefined);
    try {
      await action();
      if (message) setStatus(message);
    } catch {
      // The error is shown by onError.
    }
  };

  function moveSection(index: number, delta: -1 | 1) {
    const section = sections[index];
    const target = index + delta;
    if (!section || target < 0 || target >= sections.length) return;
    const ids = arrayMove(sectionIds, index, target);
    void run(
      () => editing.orderSections(ids),
      t('ui.courses.edit.moved', { title: section.title, position: target + 1, count: sections.length }),
    );
    const self = `section-${delta < 0 ? 'monter' : 'descendre'}-${section.id}`;
    const other = `section-${delta < 0 ? 'descendre' : 'monter'}-${section.id}`;
    focusSoon(self, other);
  }

  /** Up/down within the section; past its edge, into the neighbouring section. */
  function moveActivity(sectionIndex: number, index: number, delta: -1 | 1) {
    const section = sections[sectionIndex];
    const activity = section?.activities[index];
    if (!section || !activity) return;
    let targetSection = section;
    let position = index + delta;
    if (position < 0 || position >= section.activities.length) {
      const neighbour = sections[sectionIndex + delta];
      if (!neighbour) return;
      targetSection = neighbour;
      position = delta < 0 ? neighbour.activities.length : 0;
    }
    const count =
      targetSection.id === section.id ? section.activities.length : targetSection.activities.length + 1;
    void run(
      () => editing.moveActivity(activity.id, targetSection.id, position),
      targetSection.id === section.id
        ? t('ui.courses.edit.moved', { title: activity.title, position: position + 1, count })
        : t('ui.courses.edit.movedToSection', {
            title: activity.title,
            section: targetSection.title,
            position: position + 1,
            count,
          }),
    );
    const self = `activite-${delta < 0 ? 'monter' : 'descendre'}-${activity.id}`;
    const other = `activite-${delta < 0 ? 'descendre' : 'monter'}-${activity.id}`;
    focusSoon(self, other);
  }

  function onSectionDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = sectionIds.indexOf(String(active.id));
    const to = sectionIds.indexOf(String(over.id));
    void run(() => editing.orderSections(arrayMove(sectionIds, from, to)));
  }

  return (
    <>
      <p className="fr-sr-only" role="status" aria-live="polite">
        {status}
      </p>
      {error ? (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {sections.length === 0 ? <NoSections canEdit /> : null}
      <DndContext
        sensors={sectionSensors}
        collisionDetection={closestCenter}
        onDragEnd={onSectionDragEnd}
        accessibility={sectionDrag}
      >
        <SortableContext items={sectionIds} strategy={verticalListSortingStrategy}>
          <ol className="mg-edit-sections">
            {sections.map((section, sectionIndex) => (
              <Sortable key={section.id} id={section.id} title={section.title}>
                {(handle) => (
                  <EditableSection
                    section={section}
                    handle={handle}
                    first={sectionIndex === 0}
                    last={sectionIndex === sections.length - 1}
                    onMove={(delta) => moveSection(sectionIndex, delta)}
                    onToggle={() =>
                      run(() =>
                        editing.setSectionVisibility(
                          section.id,
                          section.visibility === 'hidden' ? 'visible' : 'hidden',
                        ),
                      )
                    }
                    onDelete={() => {
                      setDeleting(section);
                      deleteSectionModal.open();
                    }}
                    onAdd={() => {
                      setChooserSection(section);
                      chooserModal.open();
                    }}
                    onSaved={() => {
                      void editing.refresh();
                      setStatus(t('ui.courses.edit.sectionSaved'));
                    }}
                    renderActivities={() => (
                      <EditableActivities
                        courseId={courseId}
                        section={section}
                        canUp={(index) => index > 0 || sectionIndex > 0}
                        canDown={(index) =>
                          index < section.activities.length - 1 || sectionIndex < sections.length - 1
                        }
                        onMove={(index, delta) => moveActivity(sectionIndex, index, delta)}
                        onToggle={(activity) =>
                          run(() =>
                            editing.setActivityVisibility(
                              activity.id,
                              activity.visibility === 'hidden' ? 'visible' : 'hidden',
                            ),
                          )
                        }
                        onDragMove={(activity, position) =>
                          run(() => editing.moveActivity(activity.id, section.id, position))
                        }
                      />
                    )}
                  />
                )}
              </Sortable>
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <AddSectionForm
        courseId={courseId}
        onAdded={(title) => setStatus(t('ui.courses.edit.sectionAdded', { title }))}
      />
      <ActivityChooser
        sectionTitle={chooserSection?.title ?? ''}
        onChoose={(kind) => {
          chooserModal.close();
          if (chooserSection)
            navigate(
              `/parcours/${courseId}/activite/nouvelle?section=${chooserSection.id}&type=${encodeURIComponent(kind)}`,
            );
        }}
      />
      <ConfirmModal
        modal={deleteSectionModal}
        title={t('ui.courses.edit.deleteSectionTitle', { title: deleting?.title ?? '' })}
        confirmLabel={t('ui.courses.edit.deleteConfirm')}
        confirmIcon="fr-icon-delete-line"
        onConfirm={() => {
          const section = deleting;
          if (!section) return;
          void run(() => editing.deleteSection(section.id)).then(() => {
            onFlash(t('ui.courses.edit.sectionDeleted', { title: section.title }));
            document.getElementById('titre-parcours')?.focus();
          });
        }}
      >
        {t('ui.courses.edit.deleteSectionText', { count: deleting?.activities.length ?? 0 })}
      </ConfirmModal>
    </>
  );
}

function EditableSection({
  section,
  handle,
  first,
  last,
  onMove,
  onToggle,
  onDelete,
  onAdd,
  onSaved,
  renderActivities,
}: {
  section: Section;
  handle: ReactNode;
  first: boolean;
  last: boolean;
  onMove: (delta: -1 | 1) => void;
  onToggle: () => void;
  onDelete: () => void;
  onAdd: () => void;
  onSaved: () => void;
  renderActivities: () => ReactNode;
}) {
  const { t } = useTranslation();
  const [editingForm, setEditingForm] = useState(false);
  const title = section.title;
  const hidden = section.visibility === 'hidden';
  const headingId = `section-${section.id}`;
  return (
    <section
      className={`mg-section mg-section--edit${hidden ? ' mg-dimmed' : ''}`}
      aria-labelledby={headingId}
    >
      <div className="mg-row">
        <h2 id={headingId} className="fr-h4 fr-mb-0 mg-row__main">
          {title}
          {hidden ? <HiddenBadge /> : null}
        </h2>
        <div className="mg-controls">
          {handle}
          <IconButton
            id={`section-monter-${section.id}`}
            icon="fr-icon-arrow-up-line"
            label={t('ui.courses.edit.moveUp', { title })}
            disabled={first}
            onClick={() => onMove(-1)}
          />
          <IconButton
            id={`section-descendre-${section.id}`}
            icon="fr-icon-arrow-down-line"
            label={t('ui.courses.edit.moveDown', { title })}
            disabled={last}
            onClick={() => onMove(1)}
          />
          <IconButton
            icon={hidden ? 'fr-icon-eye-line' : 'fr-icon-eye-off-line'}
            label={t(hidden ? 'ui.courses.edit.show' : 'ui.courses.edit.hide', { title })}
            onClick={onToggle}
          />
          <IconButton
            icon="fr-icon-edit-line"
            label={t('ui.courses.edit.editSection', { title })}
            buttonProps={{ 'aria-expanded': editingForm }}
            onClick={() => setEditingForm((open) => !open)}
          />
          <IconButton
            icon="fr-icon-delete-line"
            label={t('ui.courses.edit.deleteSection', { title })}
            onClick={onDelete}
          />
        </div>
      </div>
      {editingForm ? (
        <SectionForm
          section={section}
          onDone={(saved) => {
            setEditingForm(false);
            if (saved) onSaved();
          }}
        />
      ) : (
        <RichText html={section.description} className="fr-mt-2w" />
      )}
      {renderActivities()}
      <Button
        priority="secondary"
        size="small"
        iconId="fr-icon-add-line"
        className="fr-mt-2w"
        nativeButtonProps={{ 'aria-label': t('ui.courses.edit.addActivityIn', { title }) }}
        onClick={onAdd}
      >
        {t('ui.courses.edit.addActivity')}
      </Button>
    </section>
  );
}

function EditableActivities({
  courseId,
  section,
  canUp,
  canDown,
  onMove,
  onToggle,
  onDragMove,
}: {
  courseId: string;
  section: Section;
  canUp: (index: number) => boolean;
  canDown: (index: number) => boolean;
  onMove: (index: number, delta: -1 | 1) => void;
  onToggle: (activity: ActivitySummary) => void;
  onDragMove: (activity: ActivitySummary, position: number) => void;
}) {
  const { t } = useTranslation();
  const sensors = useSortSensors();
  const ids = section.activities.map((a) => a.id);
  const accessibility = useDragAnnouncements(
    (id) => section.activities.find((a) => a.id === id)?.title ?? '',
    ids,
  );
  if (section.activities.length === 0) {
    return <p className="fr-text--sm fr-mt-2w mg-muted">{t('ui.courses.page.emptySection')}</p>;
  }
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      accessibility={accessibility}
      onDragEnd={({ active, over }) => {
        if (!over || active.id === over.id) return;
        const activity = section.activities.find((a) => a.id === active.id);
        if (activity) onDragMove(activity, ids.indexOf(String(over.id)));
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ul className="mg-activities mg-activities--edit">
          {section.activities.map((activity, index) => {
            const ui = kindUi(activity.kind);
            const hidden = activity.visibility === 'hidden';
            const title = activity.title;
            return (
              <Sortable key={activity.id} id={activity.id} title={activity.title}>
                {(handle) => (
                  <div className={`mg-activity mg-activity--edit${hidden ? ' mg-dimmed' : ''}`}>
                    <span className={`${ui.icon} mg-activity__icon`} aria-hidden="true" />
                    <div className="mg-row__main">
                      <Link
                        className="fr-link mg-activity__title"
                        to={`/parcours/${courseId}/activite/${activity.id}`}
                      >
                        {title}
                      </Link>
                      {hidden ? <HiddenBadge /> : null}
                      <AudienceBadge restrictedTo={activity.restrictedTo} />
                      <ActivityKindLine activity={activity} />
                      {ui.Inline ? (
                        <div className="fr-mt-1w">
                          <ui.Inline activity={activity} headingLevel="h3" />
                        </div>
                      ) : null}
                    </div>
                    <div className="mg-controls">
                      {handle}
                      <IconButton
                        id={`activite-monter-${activity.id}`}
                        icon="fr-icon-arrow-up-line"
                        label={t('ui.courses.edit.moveUp', { title })}
                        disabled={!canUp(index)}
                        onClick={() => onMove(index, -1)}
                      />
                      <IconButton
                        id={`activite-descendre-${activity.id}`}
                        icon="fr-icon-arrow-down-line"
                        label={t('ui.courses.edit.moveDown', { title })}
                        disabled={!canDown(index)}
                        onClick={() => onMove(index, 1)}
                      />
                      <IconButton
                        icon={hidden ? 'fr-icon-eye-line' : 'fr-icon-eye-off-line'}
                        label={t(hidden ? 'ui.courses.edit.show' : 'ui.courses.edit.hide', { title })}
                        onClick={() => onToggle(activity)}
                      />
                      <Link
                        className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-edit-line"
                        title={t('ui.courses.edit.editActivity', { title })}
                        to={`/parcours/${courseId}/activite/${activity.id}/modifier`}
                      >
                        {t('ui.courses.edit.editActivity', { title })}
                      </Link>
                    </div>
                  </div>
                )}
              </Sortable>
            );
          })}
        </ul>
      </SortableContext>
    </DndContext>
  );
}

/** A section's title and description, as its form edits them (the visibility is the eye button's). */
const SectionText = SectionUpdateBody.pick({ title: true, description: true }).required();

/** The section form's values, as sent. */
function valuesOf(form: HTMLFormElement) {
  const data = new FormData(form);
  return {
    title: String(data.get('title') ?? '').trim(),
    description: String(data.get('description') ?? ''),
  };
}

/** Edit a section's title and description in place. */
function SectionForm({ section: current, onDone }: { section: Section; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  // The course of the page (`/parcours/:id`): the description's images are uploaded there.
  const { id: courseId = '' } = useParams();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const versioned = useVersionedForm({
    initial: current,
    version: (s) => s.version,
    load: async () =>
      (await fetchCoursePage(queryClient, courseId)).sections.find((s) => s.id === current.id) ?? current,
    // The eye button changes the visibility, not in this form: the alert then says nothing here changed.
    diff: (before, latest) => changedKeys(before, latest, ['title', 'description']),
    read: () => (formRef.current ? valuesOf(formRef.current) : {}),
    merge: (latest, typed) => ({ ...latest, ...typed }),
  });
  // The fields show the section as opened (or merged after a conflict), not as a refetch of the page has it.
  const section = versioned.base;
  const form = `section-${section.id}-form`;
  const labels = {
    title: t('ui.courses.edit.sectionTitle'),
    description: t('ui.courses.edit.sectionDescription'),
  };
  const { errors, message, pending, submit } = useFormSubmission(SectionText, async (data) => {
    try {
      await updateSection(section.id, data, versioned.version);
    } catch (error) {
      if (versioned.caught(error)) return;
      throw error;
    }
    onDone(true);
  });
  return (
    <form
      ref={formRef}
      className="fr-mt-2w mg-panel fr-p-2w"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit(valuesOf(event.currentTarget));
      }}
    >
      <StaleVersionAlert form={versioned} labels={labels} as="h3" />
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as="h3" />
      <div key={versioned.generation}>
        <TextField
          form={form}
          name="title"
          errors={errors}
          label={labels.title}
          required
          defaultValue={section.title}
        />
        <RichTextEditor
          id={fieldId(form, 'description')}
          name="description"
          label={`${labels.description} ${t('ui.common.optional')}`}
          defaultValue={section.description}
          error={errors.description}
          courseId={courseId}
        />
      </div>
      <div className="mg-actions">
        <Button type="submit" disabled={pending}>
          {t('ui.common.save')}
        </Button>
        <Button type="button" priority="secondary" onClick={() => onDone(false)}>
          {t('ui.common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function AddSectionForm({ courseId, onAdded }: { courseId: string; onAdded: (title: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = 'nouvelle-section';
  const formRef = useRef<HTMLFormElement>(null);
  const labels = { title: t('ui.courses.edit.sectionTitle') };
  const { errors, message, pending, submit } = useFormSubmission(
    SectionCreateBody.pick({ title: true }),
    async ({ title }) => {
      await createSection(courseId, { title });
      await queryClient.invalidateQueries({ queryKey: courseKeys.page(courseId) });
      formRef.current?.reset();
      onAdded(title);
      document.getElementById(fieldId(form, 'title'))?.focus();
    },
  );
  return (
    <section className="fr-mt-4w mg-panel fr-p-3w" aria-labelledby="ajout-section">
      <h2 id="ajout-section" className="fr-h5">
        {t('ui.courses.edit.addSectionTitle')}
      </h2>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as="h3" />
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit({ title: String(new FormData(event.currentTarget).get('title') ?? '').trim() });
        }}
      >
        <TextField
          form={form}
          name="title"
          errors={errors}
          label={labels.title}
          hint={t('ui.courses.edit.sectionTitleHint')}
          required
          autoComplete="off"
        />
        <Button type="submit" iconId="fr-icon-add-line" disabled={pending}>
          {t('ui.courses.edit.addSection')}
        </Button>
      </form>
    </section>
  );
}

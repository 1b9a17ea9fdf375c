/** The workflow's dialogs: create a session, open it, announce it, put a course in the trash. */
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useIsModalOpen } from '@codegouvfr/react-dsfr/Modal/useIsModalOpen.js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { AnnounceBody, OpenSessionBody } from '../../../shared/lifecycle.ts';
import type { Course } from '../../api/courses.ts';
import { announceSession, createSession, openSession, refreshLifecycle } from '../../api/workflow.ts';
import { ConfirmModal, FormModal } from '../../components/dialogs.tsx';
import { TextField } from '../../components/fields.tsx';
import { readForm } from '../../components/forms.tsx';
import { fromLocalInput } from '../../components/localDateTime.ts';
import { MessageFields } from '../../components/MessageFields.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

export const createSessionModal = createModal({ id: 'modale-creer-session', isOpenedByDefault: false });
export const openModal = createModal({ id: 'modale-ouvrir-session', isOpenedByDefault: false });
export const announceModal = createModal({ id: 'modale-annoncer-session', isOpenedByDefault: false });
export const trashModal = createModal({ id: 'modale-corbeille', isOpenedByDefault: false });

/** What the create-session form sends: a title and, optionally, the dates. */
const CreateSessionForm = z.object({
  title: z.string().trim().min(1).max(255),
  startsAt: z.iso.datetime({ offset: true }).nullable(),
  endsAt: z.iso.datetime({ offset: true }).nullable(),
});

export function CreateSessionModal({ course }: { course: Course }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = 'creer-session';
  const labels = {
    title: t('ui.lifecycle.createSession.sessionTitle'),
    startsAt: t('workflow.fields.session.startsAt'),
    endsAt: t('workflow.fields.session.endsAt'),
  };
  const { errors, message, pending, submit } = useFormSubmission(CreateSessionForm, async (data) => {
    const session = await createSession(course.id, {
      title: data.title,
      settings: { startsAt: data.startsAt, endsAt: data.endsAt },
    });
    createSessionModal.close();
    await refreshLifecycle(queryClient, course.id);
    navigate(`/parcours/${session.id}/cycle-de-vie`, {
      state: { flash: t('ui.lifecycle.createSession.done', { title: session.title }) },
    });
  });

  const date = (name: 'startsAt' | 'endsAt') => (
    <TextField
      form={form}
      name={name}
      errors={errors}
      label={`${labels[name]} ${t('ui.common.optional')}`}
      type="datetime-local"
    />
  );

  return (
    <FormModal
      modal={createSessionModal}
      form={form}
      title={t('ui.lifecycle.createSession.title')}
      intro={t('ui.lifecycle.createSession.intro')}
      submitLabel={t('ui.lifecycle.createSession.submit')}
      submitIcon="fr-icon-calendar-line"
      pending={pending}
      errors={errors}
      labels={labels}
      message={message}
      onSubmit={(event) => {
        event.preventDefault();
        const raw = readForm(event.currentTarget);
        void submit({
          title: raw.title,
          startsAt: fromLocalInput(raw.startsAt),
          endsAt: fromLocalInput(raw.endsAt),
        });
      }}
    >
      <TextField
        form={form}
        name="title"
        errors={errors}
        label={labels.title}
        hint={t('ui.lifecycle.createSession.sessionTitleHint')}
        required
        defaultValue={`${course.title} — ${t('ui.lifecycle.createSession.defaultSuffix')}`}
      />
      {date('startsAt')}
      {date('endsAt')}
    </FormModal>
  );
}

/**
 * Opening a session: self-enrolment as the session's settings have it, ticked or not, and what is shown is
 * what is saved — the dialog never holds a default of its own. It starts again from the saved value each
 * time it opens (a box ticked then cancelled does not stay ticked).
 */
export function OpenModal({
  course,
  selfEnrolment,
  onDone,
}: {
  course: Course;
  selfEnrolment: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = 'ouvrir-session';
  const [checked, setChecked] = useState(selfEnrolment);
  useEffect(() => setChecked(selfEnrolment), [selfEnrolment]);
  useIsModalOpen(openModal, { onDisclose: () => setChecked(selfEnrolment) });
  const { errors, message, pending, submit } = useFormSubmission(OpenSessionBody, async (data) => {
    await openSession(course.id, data);
    // Closed before the refresh, which removes the dialog once opening is no longer an action.
    openModal.close();
    await refreshLifecycle(queryClient, course.id);
    onDone(t('ui.lifecycle.done.open', { title: course.title }));
  });
  return (
    <FormModal
      modal={openModal}
      form={form}
      title={t('ui.lifecycle.openSession.title')}
      intro={t('ui.lifecycle.openSession.intro')}
      submitLabel={t('ui.lifecycle.openSession.submit')}
      submitIcon="fr-icon-play-line"
      pending={pending}
      errors={errors}
      labels={{}}
      message={message}
      onSubmit={(event) => {
        event.preventDefault();
        void submit({ selfEnrolment: checked });
      }}
    >
      <Checkbox
        options={[
          {
            label: t('ui.lifecycle.openSession.selfEnrolment'),
            hintText: t('ui.lifecycle.openSession.selfEnrolmentHint'),
            nativeInputProps: {
              name: 'selfEnrolment',
              checked,
              onChange: (event) => setChecked(event.currentTarget.checked),
            },
          },
        ]}
      />
    </FormModal>
  );
}

export function AnnounceModal({ course, onDone }: { course: Course; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = 'annoncer-session';
  const labels = { subject: t('ui.lifecycle.announce.subject'), message: t('ui.lifecycle.announce.message') };
  const { errors, message, pending, onSubmit } = useFormSubmission(AnnounceBody, async (data) => {
    const { recipients } = await announceSession(course.id, data);
    announceModal.close();
    await refreshLifecycle(queryClient, course.id);
    onDone(t('ui.lifecycle.announce.done', { count: recipients }));
  });
  return (
    <FormModal
      modal={announceModal}
      form={form}
      title={t('ui.lifecycle.announce.title')}
      intro={t('ui.lifecycle.announce.intro')}
      submitLabel={t('ui.lifecycle.announce.submit')}
      submitIcon="fr-icon-mail-line"
      pending={pending}
      errors={errors}
      labels={labels}
      message={message}
      onSubmit={onSubmit}
    >
      <MessageFields
        form={form}
        errors={errors}
        labels={{ subject: labels.subject, body: labels.message }}
        bodyName="message"
        bodyHint={t('ui.lifecycle.announce.messageHint')}
        defaults={{ subject: t('ui.lifecycle.announce.defaultSubject', { title: course.title }) }}
      />
    </FormModal>
  );
}

export function TrashModal({
  course,
  isSession,
  onConfirm,
}: {
  course: Course;
  isSession: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmModal
      modal={trashModal}
      title={t('ui.lifecycle.trash.title')}
      confirmLabel={t('ui.lifecycle.trash.submit')}
      confirmIcon="fr-icon-delete-line"
      onConfirm={onConfirm}
    >
      <p>
        {t(isSession ? 'ui.lifecycle.trash.textSession' : 'ui.lifecycle.trash.text', { title: course.title })}
      </p>
    </ConfirmModal>
  );
}

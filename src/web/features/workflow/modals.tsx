/** The workflow's dialogs: create a session, open it, announce it, put a course in the trash. */
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import type { FrIconClassName } from '@codegouvfr/react-dsfr/fr/generatedFromCss/classNames.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { AnnounceBody, OpenSessionBody } from '../../../shared/lifecycle.ts';
import { api } from '../../api/client.ts';
import type { Course } from '../../api/courses.ts';
import { refreshLifecycle } from '../../api/workflow.ts';
import { ErrorSummary, fieldId, fieldState, invalidProps, readForm } from '../../components/forms.tsx';
import { fromLocalInput } from '../../components/localDateTime.ts';
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

function submitButton(form: string, label: string, pending: boolean, iconId: FrIconClassName) {
  return {
    children: label,
    iconId,
    doClosesModal: false,
    type: 'submit' as const,
    disabled: pending,
    nativeButtonProps: { form },
  };
}

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
    const session = await api.post<Course>(`/api/courses/${encodeURIComponent(course.id)}/sessions`, {
      title: data.title,
      settings: { startsAt: data.startsAt, endsAt: data.endsAt },
    });
    createSessionModal.close();
    await refreshLifecycle(queryClient, course.id);
    navigate(`/parcours/${session.id}/cycle-de-vie`, {
      state: { flash: t('ui.lifecycle.createSession.done', { title: session.title }) },
    });
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = readForm(event.currentTarget);
    void submit({
      title: raw.title,
      startsAt: fromLocalInput(raw.startsAt),
      endsAt: fromLocalInput(raw.endsAt),
    });
  }

  const date = (name: 'startsAt' | 'endsAt') => (
    <Input
      label={`${labels[name]} ${t('ui.common.optional')}`}
      {...fieldState(errors, name)}
      nativeInputProps={{
        id: fieldId(form, name),
        name,
        type: 'datetime-local',
        ...invalidProps(errors, name),
      }}
    />
  );

  return (
    <createSessionModal.Component
      title={t('ui.lifecycle.createSession.title')}
      titleAs="h2"
      buttons={[
        { children: t('ui.common.cancel'), priority: 'secondary' },
        submitButton(form, t('ui.lifecycle.createSession.submit'), pending, 'fr-icon-calendar-line'),
      ]}
    >
      <p>{t('ui.lifecycle.createSession.intro')}</p>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as="h3" />
      <form id={form} noValidate onSubmit={onSubmit}>
        <Input
          label={labels.title}
          hintText={t('ui.lifecycle.createSession.sessionTitleHint')}
          {...fieldState(errors, 'title')}
          nativeInputProps={{
            id: fieldId(form, 'title'),
            name: 'title',
            required: true,
            defaultValue: `${course.title} — ${t('ui.lifecycle.createSession.defaultSuffix')}`,
            ...invalidProps(errors, 'title'),
          }}
        />
        {date('startsAt')}
        {date('endsAt')}
      </form>
    </createSessionModal.Component>
  );
}

export function OpenModal({ course, onDone }: { course: Course; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = 'ouvrir-session';
  const { errors, message, pending, submit } = useFormSubmission(OpenSessionBody, async (data) => {
    await api.post(`/api/courses/${encodeURIComponent(course.id)}/open`, data);
    // Closed before the refresh, which removes the dialog once opening is no longer an action.
    openModal.close();
    await refreshLifecycle(queryClient, course.id);
    onDone(t('ui.lifecycle.done.open', { title: course.title }));
  });
  return (
    <openModal.Component
      title={t('ui.lifecycle.openSession.title')}
      titleAs="h2"
      buttons={[
        { children: t('ui.common.cancel'), priority: 'secondary' },
        submitButton(form, t('ui.lifecycle.openSession.submit'), pending, 'fr-icon-play-line'),
      ]}
    >
      <p>{t('ui.lifecycle.openSession.intro')}</p>
      <ErrorSummary form={form} errors={errors} labels={{}} message={message} as="h3" />
      <form
        id={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          void submit({ selfEnrolment: data.has('selfEnrolment') });
        }}
      >
        <Checkbox
          options={[
            {
              label: t('ui.lifecycle.openSession.selfEnrolment'),
              hintText: t('ui.lifecycle.openSession.selfEnrolmentHint'),
              nativeInputProps: { name: 'selfEnrolment' },
            },
          ]}
        />
      </form>
    </openModal.Component>
  );
}

export function AnnounceModal({ course, onDone }: { course: Course; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = 'annoncer-session';
  const labels = { subject: t('ui.lifecycle.announce.subject'), message: t('ui.lifecycle.announce.message') };
  const { errors, message, pending, submit } = useFormSubmission(AnnounceBody, async (data) => {
    const { recipients } = await api.post<{ recipients: number }>(
      `/api/courses/${encodeURIComponent(course.id)}/announce`,
      data,
    );
    announceModal.close();
    await refreshLifecycle(queryClient, course.id);
    onDone(t('ui.lifecycle.announce.done', { count: recipients }));
  });
  return (
    <announceModal.Component
      title={t('ui.lifecycle.announce.title')}
      titleAs="h2"
      buttons={[
        { children: t('ui.common.cancel'), priority: 'secondary' },
        submitButton(form, t('ui.lifecycle.announce.submit'), pending, 'fr-icon-mail-line'),
      ]}
    >
      <p>{t('ui.lifecycle.announce.intro')}</p>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as="h3" />
      <form
        id={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(readForm(event.currentTarget));
        }}
      >
        <Input
          label={labels.subject}
          {...fieldState(errors, 'subject')}
          nativeInputProps={{
            id: fieldId(form, 'subject'),
            name: 'subject',
            required: true,
            defaultValue: t('ui.lifecycle.announce.defaultSubject', { title: course.title }),
            ...invalidProps(errors, 'subject'),
          }}
        />
        <Input
          label={labels.message}
          hintText={t('ui.lifecycle.announce.messageHint')}
          textArea
          {...fieldState(errors, 'message')}
          nativeTextAreaProps={{
            id: fieldId(form, 'message'),
            name: 'message',
            required: true,
            rows: 6,
            ...invalidProps(errors, 'message'),
          }}
        />
      </form>
    </announceModal.Component>
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
    <trashModal.Component
      title={t('ui.lifecycle.trash.title')}
      titleAs="h2"
      buttons={[
        { children: t('ui.common.cancel'), priority: 'secondary' },
        { children: t('ui.lifecycle.trash.submit'), iconId: 'fr-icon-delete-line', onClick: onConfirm },
      ]}
    >
      <p>
        {t(isSession ? 'ui.lifecycle.trash.textSession' : 'ui.lifecycle.trash.text', { title: course.title })}
      </p>
    </trashModal.Component>
  );
}

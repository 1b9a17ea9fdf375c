/**
 * `/parcours/:id/relances`: the reminders of a session — schedule one (not started, behind a progress),
 * the ones waiting (send now, delete) and the ones sent with how many e-mails left.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type Reminder, ReminderBody } from '../../../shared/followup.ts';
import { formatDateTime, formatNumber } from '../../../shared/format.ts';
import { useCoursePage } from '../../api/courses.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  fieldId,
  fieldState,
  invalidProps,
  problemFieldErrors,
  readForm,
  zodFieldErrors,
} from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert, useProblemMessage } from '../../components/ProblemAlert.tsx';
import { createReminder, deleteReminder, followupKeys, sendReminderNow, useReminders } from './api.ts';
import './followup.css';
import { CourseNav } from '../workflow/CourseNav.tsx';

const confirmModal = createModal({ id: 'modale-supprimer-relance', isOpenedByDefault: false });
const FORM = 'programmer-relance';

/** Tomorrow at 9:00, local time, as a `datetime-local` value. */
function tomorrowMorning(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T09:00`;
}

function targetLabel(reminder: Reminder, t: (key: string, options?: Record<string, unknown>) => string) {
  if (reminder.target === 'behind')
    return t('ui.followup.reminders.behindTarget', { value: reminder.belowProgress });
  if (reminder.target === 'chosen')
    return t('ui.followup.reminders.chosenTarget', { count: reminder.chosenCount ?? 0 });
  return t('ui.followup.reminders.targets.not_started');
}

export function RemindersPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  const course = useCoursePage(id);
  const reminders = useReminders(id);
  const [target, setTarget] = useState<'not_started' | 'behind'>('behind');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [flash, setFlash] = useState<string>();
  const [pending, setPending] = useState(false);
  const [toDelete, setToDelete] = useState<Reminder>();
  const title = course.data?.course.title ?? '';
  const labels: Record<string, string> = {
    target: t('ui.followup.reminders.target'),
    belowProgress: t('ui.followup.reminders.belowProgress'),
    subject: t('ui.followup.reminders.subject'),
    body: t('ui.followup.reminders.body'),
    sendAt: t('ui.followup.reminders.sendAt'),
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: followupKeys.reminders(id) });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const raw = readForm(formElement);
    const sendAt = raw.sendAt ? new Date(raw.sendAt) : null;
    const values: Record<string, unknown> = {
      target,
      subject: raw.subject,
      body: raw.body,
      sendAt: sendAt && !Number.isNaN(sendAt.getTime()) ? sendAt.toISOString() : raw.sendAt,
      ...(target === 'behind'
        ? {
            belowProgress:
              raw.belowProgress && /^\d+$/.test(raw.belowProgress)
                ? Number(raw.belowProgress)
                : raw.belowProgress || undefined,
          }
        : {}),
    };
    const parsed = ReminderBody.safeParse(values);
    if (!parsed.success) {
      setMessage(undefined);
      setErrors(zodFieldErrors(parsed.error, values, t));
      return;
    }
    setPending(true);
    try {
      const created = await createReminder(id, parsed.data);
      await refresh();
      setErrors({});
      setMessage(undefined);
      setFlash(t('ui.followup.reminders.created', { subject: created.subject }));
      formElement.reset();
    } catch (error) {
      const fieldErrors = problemFieldErrors(error);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length ? undefined : problemMessage(error));
    } finally {
      setPending(false);
    }
  }

  async function sendNow(reminder: Reminder) {
    try {
      await sendReminderNow(reminder.id);
      setFlash(t('ui.followup.reminders.sending', { subject: reminder.subject }));
      await refresh();
    } catch (error) {
      setFlash(problemMessage(error));
    }
  }

  async function confirmDelete() {
    if (!toDelete) return;
    try {
      await deleteReminder(toDelete.id);
      setFlash(t('ui.followup.reminders.deleted', { subject: toDelete.subject }));
      await refresh();
    } catch (error) {
      setFlash(problemMessage(error));
    } finally {
      confirmModal.close();
    }
  }

  const scheduled = (reminders.data ?? []).filter((r) => !r.sentAt);
  const sent = (reminders.data ?? []).filter((r) => r.sentAt);

  return (
    <>
      <PageHeading
        title={t('ui.followup.reminders.title')}
        crumbs={title ? [{ label: title, to: `/parcours/${id}` }] : []}
      >
        <p>{t('ui.followup.reminders.intro')}</p>
      </PageHeading>
      <CourseNav courseId={id} current="reminders" />
      {reminders.isError ? (
        <ProblemAlert error={reminders.error} />
      ) : (
        <>
          {flash ? (
            <Alert className="fr-mb-3w" severity="success" small role="status" description={flash} />
          ) : null}
          <section className="fr-mb-6w mg-panel fr-p-3w" aria-labelledby="programmer">
            <h2 id="programmer" className="fr-h4">
              {t('ui.followup.reminders.createTitle')}
            </h2>
            <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} as="h3" />
            <form id={FORM} noValidate onSubmit={submit}>
              <p className="fr-hint-text">{t('ui.common.requiredHint')}</p>
              <RadioButtons
                legend={labels.target}
                name="target"
                hintText={t('ui.followup.reminders.chosenHint')}
                options={(['not_started', 'behind'] as const).map((value) => ({
                  label: t(`ui.followup.reminders.targets.${value}`),
                  hintText: t(`ui.followup.reminders.targets.${value}Hint`),
                  nativeInputProps: {
                    value,
                    checked: target === value,
                    onChange: () => setTarget(value),
                  },
                }))}
              />
              {target === 'behind' ? (
                <Input
                  label={labels.belowProgress}
                  hintText={t('ui.followup.reminders.belowProgressHint')}
                  {...fieldState(errors, 'belowProgress')}
                  nativeInputProps={{
                    id: fieldId(FORM, 'belowProgress'),
                    name: 'belowProgress',
                    type: 'number',
                    inputMode: 'numeric',
                    min: 1,
                    max: 100,
                    defaultValue: 50,
                    required: true,
                    ...invalidProps(errors, 'belowProgress'),
                  }}
                />
              ) : null}
              <Input
                label={labels.subject}
                {...fieldState(errors, 'subject')}
                nativeInputProps={{
                  id: fieldId(FORM, 'subject'),
                  name: 'subject',
                  required: true,
                  maxLength: 200,
                  autoComplete: 'off',
                  defaultValue: title ? t('ui.followup.remind.defaultSubject', { course: title }) : '',
                  ...invalidProps(errors, 'subject'),
                }}
              />
              <Input
                label={labels.body}
                hintText={t('ui.followup.reminders.bodyHint')}
                textArea
                {...fieldState(errors, 'body')}
                nativeTextAreaProps={{
                  id: fieldId(FORM, 'body'),
                  name: 'body',
                  required: true,
                  rows: 6,
                  maxLength: 10_000,
                  defaultValue: title ? t('ui.followup.remind.defaultBody', { course: title }) : '',
                  ...(errors.body ? { 'aria-invalid': true } : {}),
                }}
              />
              <Input
                label={labels.sendAt}
                hintText={t('ui.followup.reminders.sendAtHint')}
                {...fieldState(errors, 'sendAt')}
                nativeInputProps={{
                  id: fieldId(FORM, 'sendAt'),
                  name: 'sendAt',
                  type: 'datetime-local',
                  required: true,
                  defaultValue: tomorrowMorning(),
                  ...invalidProps(errors, 'sendAt'),
                }}
              />
              <Button type="submit" iconId="fr-icon-calendar-line" disabled={pending}>
                {t('ui.followup.reminders.submit')}
              </Button>
            </form>
          </section>

          <h2 className="fr-h4">{t('ui.followup.reminders.scheduled')}</h2>
          {reminders.isPending ? (
            <Loading />
          ) : scheduled.length === 0 ? (
            <EmptyState
              message={t('ui.followup.reminders.noneScheduled')}
              next={t('ui.followup.reminders.noneScheduledNext')}
            />
          ) : (
            <Table
              caption={t('ui.followup.reminders.scheduledCaption')}
              noCaption
              headers={[
                t('ui.followup.reminders.colTarget'),
                t('ui.followup.reminders.colSubject'),
                t('ui.followup.reminders.colSendAt'),
                t('ui.common.actions'),
              ]}
              data={scheduled.map((reminder) => [
                targetLabel(reminder, t),
                reminder.subject,
                formatDateTime(reminder.sendAt),
                <ul
                  key="actions"
                  className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left"
                >
                  <li>
                    <Button
                      size="small"
                      priority="secondary"
                      iconId="fr-icon-send-plane-line"
                      nativeButtonProps={{
                        'aria-label': t('ui.followup.reminders.sendNowFor', { subject: reminder.subject }),
                      }}
                      onClick={() => void sendNow(reminder)}
                    >
                      {t('ui.followup.reminders.sendNow')}
                    </Button>
                  </li>
                  <li>
                    <Button
                      size="small"
                      priority="tertiary"
                      iconId="fr-icon-delete-line"
                      nativeButtonProps={{
                        'aria-label': t('ui.followup.reminders.deleteFor', { subject: reminder.subject }),
                      }}
                      onClick={() => {
                        setToDelete(reminder);
                        confirmModal.open();
                      }}
                    >
                      {t('ui.followup.reminders.delete')}
                    </Button>
                  </li>
                </ul>,
              ])}
            />
          )}

          <h2 className="fr-h4 fr-mt-4w">{t('ui.followup.reminders.sent')}</h2>
          {reminders.isPending ? null : sent.length === 0 ? (
            <EmptyState message={t('ui.followup.reminders.noneSent')} />
          ) : (
            <Table
              caption={t('ui.followup.reminders.sentCaption')}
              noCaption
              headers={[
                t('ui.followup.reminders.colTarget'),
                t('ui.followup.reminders.colSubject'),
                t('ui.followup.reminders.colSentAt'),
                t('ui.followup.reminders.colDeliveries'),
              ]}
              data={sent.map((reminder) => [
                targetLabel(reminder, t),
                reminder.subject,
                formatDateTime(reminder.sentAt!),
                formatNumber(reminder.deliveries),
              ])}
            />
          )}
          <p className="fr-mt-4w">
            <Button
              priority="tertiary"
              iconId="fr-icon-arrow-left-line"
              linkProps={{ to: `/parcours/${id}/suivi` }}
            >
              {t('ui.followup.reminders.backToFollowup')}
            </Button>
          </p>
        </>
      )}
      <confirmModal.Component
        title={t('ui.followup.reminders.confirmDelete', { subject: toDelete?.subject ?? '' })}
        titleAs="h2"
        buttons={[
          { children: t('ui.common.cancel'), priority: 'secondary' },
          {
            children: t('ui.followup.reminders.delete'),
            iconId: 'fr-icon-delete-line',
            doClosesModal: false,
            onClick: () => void confirmDelete(),
          },
        ]}
      >
        <p>{t('ui.followup.reminders.confirmDeleteText')}</p>
      </confirmModal.Component>
    </>
  );
}

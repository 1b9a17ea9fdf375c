/**
 * `/parcours/:id/relances`: the reminders of a session — schedule one (not started, behind a progress),
 * the ones waiting (send now, delete) and the ones sent with how many e-mails left.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type Reminder, ReminderBody } from '../../../shared/followup.ts';
import { formatDateTime, formatNumber } from '../../../shared/format.ts';
import { useCoursePage } from '../../api/courses.ts';
import {
  createReminder,
  deleteReminder,
  followupKeys,
  sendReminderNow,
  useReminders,
} from '../../api/followup.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TextField } from '../../components/fields.tsx';
import { ErrorSummary, readForm } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { MessageFields } from '../../components/MessageFields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert, useProblemMessage } from '../../components/ProblemAlert.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';
import './followup.css';
import { ConfirmModal } from '../../components/dialogs.tsx';
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

function targetLabel(reminder: Reminder, t: TFunction) {
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
  const [flash, setFlash] = useState<string>();
  const [toDelete, setToDelete] = useState<Reminder>();
  const formRef = useRef<HTMLFormElement>(null);
  const title = course.data?.course.title ?? '';
  const labels = {
    target: t('ui.followup.reminders.target'),
    belowProgress: t('ui.followup.reminders.belowProgress'),
    subject: t('ui.followup.reminders.subject'),
    body: t('ui.followup.reminders.body'),
    sendAt: t('ui.followup.reminders.sendAt'),
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: followupKeys.reminders(id) });

  const { errors, message, pending, submit } = useFormSubmission(ReminderBody, async (body) => {
    const created = await createReminder(id, body);
    await refresh();
    setFlash(t('ui.followup.reminders.created', { subject: created.subject }));
    formRef.current?.reset();
  });

  /** The form's values as the body wants them: the date in UTC, the threshold as a number. */
  function valuesOf(formElement: HTMLFormElement): Record<string, unknown> {
    const raw = readForm(formElement);
    const sendAt = raw.sendAt ? new Date(raw.sendAt) : null;
    return {
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
            <form
              id={FORM}
              ref={formRef}
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void submit(valuesOf(event.currentTarget));
              }}
            >
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
                <TextField
                  form={FORM}
                  name="belowProgress"
                  errors={errors}
                  label={labels.belowProgress}
                  hint={t('ui.followup.reminders.belowProgressHint')}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={100}
                  defaultValue={50}
                  required
                />
              ) : null}
              <MessageFields
                form={FORM}
                errors={errors}
                labels={labels}
                bodyHint={t('ui.followup.reminders.bodyHint')}
                defaults={
                  title
                    ? {
                        subject: t('ui.followup.remind.defaultSubject', { course: title }),
                        body: t('ui.followup.remind.defaultBody', { course: title }),
                      }
                    : undefined
                }
              />
              <TextField
                form={FORM}
                name="sendAt"
                errors={errors}
                label={labels.sendAt}
                hint={t('ui.followup.reminders.sendAtHint')}
                type="datetime-local"
                required
                defaultValue={tomorrowMorning()}
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
      <ConfirmModal
        modal={confirmModal}
        title={t('ui.followup.reminders.confirmDelete', { subject: toDelete?.subject ?? '' })}
        confirmLabel={t('ui.followup.reminders.delete')}
        confirmIcon="fr-icon-delete-line"
        keepOpen
        onConfirm={() => void confirmDelete()}
      >
        <p>{t('ui.followup.reminders.confirmDeleteText')}</p>
      </ConfirmModal>
    </>
  );
}

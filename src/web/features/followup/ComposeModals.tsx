/**
 * "Écrire aux participants" and "Envoyer une relance": a subject and a message sent to the people the
 * filter found, in a DSFR modal with its errors next to the fields.
 */
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type FollowupCriteria, FollowupMessageBody } from '../../../shared/followup.ts';
import { messageParticipants, remindParticipants } from '../../api/followup.ts';
import { FormModal } from '../../components/dialogs.tsx';
import { readForm } from '../../components/forms.tsx';
import { MessageFields } from '../../components/MessageFields.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

export const messageModal = createModal({ id: 'modale-ecrire-participants', isOpenedByDefault: false });
export const remindModal = createModal({ id: 'modale-relance-participants', isOpenedByDefault: false });

type Kind = 'message' | 'remind';

export function ComposeModal({
  kind,
  courseId,
  courseTitle,
  criteria,
  recipients,
  onSent,
}: {
  kind: Kind;
  courseId: string;
  courseTitle: string;
  criteria: FollowupCriteria;
  recipients: number;
  onSent: (count: number) => void;
}) {
  const { t } = useTranslation();
  const modal = kind === 'message' ? messageModal : remindModal;
  const form = kind === 'message' ? 'ecrire-participants' : 'relancer-participants';
  const formRef = useRef<HTMLFormElement>(null);
  const labels = { subject: t('ui.followup.message.subject'), body: t('ui.followup.message.body') };
  const { errors, message, pending, submit } = useFormSubmission(FollowupMessageBody, async (body) => {
    const count =
      kind === 'message'
        ? (await messageParticipants(courseId, body)).recipients
        : ((await remindParticipants(courseId, body)).chosenCount ?? recipients);
    if (kind === 'message') formRef.current?.reset();
    modal.close();
    onSent(count);
  });

  return (
    <FormModal
      modal={modal}
      form={form}
      title={t(`ui.followup.${kind}.title`)}
      size="large"
      intro={t(`ui.followup.${kind}.intro`, { count: recipients })}
      submitLabel={t(`ui.followup.${kind}.submit`)}
      submitIcon={kind === 'message' ? 'fr-icon-mail-line' : 'fr-icon-notification-3-line'}
      pending={pending}
      errors={errors}
      labels={labels}
      message={message}
      formRef={formRef}
      onSubmit={(event) => {
        event.preventDefault();
        void submit({ ...readForm(event.currentTarget), criteria });
      }}
    >
      <MessageFields
        form={form}
        errors={errors}
        labels={labels}
        bodyHint={t('ui.followup.message.bodyHint')}
        rows={7}
        defaults={
          kind === 'remind'
            ? {
                subject: t('ui.followup.remind.defaultSubject', { course: courseTitle }),
                body: t('ui.followup.remind.defaultBody', { course: courseTitle }),
              }
            : undefined
        }
      />
    </FormModal>
  );
}

/**
 * "Écrire aux participants" and "Envoyer une relance": a subject and a message sent to the people the
 * filter found, in a DSFR modal with its errors next to the fields.
 */
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FollowupCriteria, FollowupMessageBody } from '../../../shared/followup.ts';
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
import { useProblemMessage } from '../../components/ProblemAlert.tsx';
import { messageParticipants, remindParticipants } from './api.ts';

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
  const problemMessage = useProblemMessage();
  const modal = kind === 'message' ? messageModal : remindModal;
  const form = kind === 'message' ? 'ecrire-participants' : 'relancer-participants';
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);
  const labels = { subject: t('ui.followup.message.subject'), body: t('ui.followup.message.body') };

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const values = readForm(formElement);
    const parsed = FollowupMessageBody.safeParse({ ...values, criteria });
    if (!parsed.success) {
      setMessage(undefined);
      setErrors(zodFieldErrors(parsed.error, values, t));
      return;
    }
    setPending(true);
    try {
      const count =
        kind === 'message'
          ? (await messageParticipants(courseId, parsed.data)).recipients
          : ((await remindParticipants(courseId, parsed.data)).chosenCount ?? recipients);
      setErrors({});
      setMessage(undefined);
      if (kind === 'message') formElement.reset();
      modal.close();
      onSent(count);
    } catch (error) {
      const fieldErrors = problemFieldErrors(error);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length ? undefined : problemMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <modal.Component
      title={t(`ui.followup.${kind}.title`)}
      titleAs="h2"
      size="large"
      buttons={[
        { children: t('ui.common.cancel'), priority: 'secondary' },
        {
          children: t(`ui.followup.${kind}.submit`),
          iconId: kind === 'message' ? 'fr-icon-mail-line' : 'fr-icon-notification-3-line',
          doClosesModal: false,
          type: 'submit',
          disabled: pending,
          nativeButtonProps: { form },
        },
      ]}
    >
      <p>{t(`ui.followup.${kind}.intro`, { count: recipients })}</p>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as="h3" />
      <form id={form} noValidate onSubmit={submit}>
        <Input
          label={labels.subject}
          {...fieldState(errors, 'subject')}
          nativeInputProps={{
            id: fieldId(form, 'subject'),
            name: 'subject',
            required: true,
            maxLength: 200,
            autoComplete: 'off',
            defaultValue:
              kind === 'remind' ? t('ui.followup.remind.defaultSubject', { course: courseTitle }) : undefined,
            ...invalidProps(errors, 'subject'),
          }}
        />
        <Input
          label={labels.body}
          hintText={t('ui.followup.message.bodyHint')}
          textArea
          {...fieldState(errors, 'body')}
          nativeTextAreaProps={{
            id: fieldId(form, 'body'),
            name: 'body',
            required: true,
            rows: 7,
            maxLength: 10_000,
            defaultValue:
              kind === 'remind' ? t('ui.followup.remind.defaultBody', { course: courseTitle }) : undefined,
            ...(errors.body ? { 'aria-invalid': true } : {}),
          }}
        />
      </form>
    </modal.Component>
  );
}

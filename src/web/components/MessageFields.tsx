/**
 * A mail to people, as the follow-up's messages and reminders and a session's announcement write it: a
 * subject, then the text. The limits are those of the shared message schemas (200 and 10 000 characters).
 */
import { TextAreaField, TextField } from './fields.tsx';
import type { FieldErrors } from './forms.tsx';

export function MessageFields({
  form,
  errors,
  labels,
  bodyName = 'body',
  bodyHint,
  rows = 6,
  defaults,
}: {
  form: string;
  errors: FieldErrors;
  labels: { subject: string; body: string };
  /** The text's field name, as the request body names it. */
  bodyName?: string;
  bodyHint: string;
  rows?: number;
  /** A subject and a text to start from (a reminder's usual words). */
  defaults?: { subject?: string; body?: string };
}) {
  return (
    <>
      <TextField
        form={form}
        name="subject"
        errors={errors}
        label={labels.subject}
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={defaults?.subject}
      />
      <TextAreaField
        form={form}
        name={bodyName}
        errors={errors}
        label={labels.body}
        hint={bodyHint}
        required
        rows={rows}
        maxLength={10_000}
        defaultValue={defaults?.body}
      />
    </>
  );
}

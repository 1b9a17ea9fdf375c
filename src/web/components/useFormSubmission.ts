/** The plumbing every form repeats: parse at the edge, send, show field errors or the problem's message. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type FieldErrors, problemFieldErrors, readForm, zodFieldErrors } from './forms.tsx';
import { useProblemMessage } from './ProblemAlert.tsx';

export function useFormSubmission<S extends z.ZodType>(
  schema: S,
  send: (data: z.output<S>) => Promise<void>,
  options: {
    /**
     * What the schema alone cannot say: given the values and the schema's field errors, the errors to
     * show (a confirmation that differs, a message of the form's own for a field). Any error stops the
     * submission.
     */
    check?: (values: Record<string, unknown>, errors: FieldErrors) => FieldErrors;
  } = {},
) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);

  /**
   * Runs one of the form's actions (its submission, or another button's, such as a deletion): pending
   * meanwhile, then the problem's field errors next to the fields, or its message when it names none.
   */
  async function run(action: () => Promise<void>) {
    setPending(true);
    try {
      await action();
      setErrors({});
      setMessage(undefined);
    } catch (error) {
      const fieldErrors = problemFieldErrors(error);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length ? undefined : problemMessage(error));
    } finally {
      setPending(false);
    }
  }

  /** Validates `values` with the schema, then sends them; nothing is lost when validation fails. */
  async function submit(values: Record<string, unknown>) {
    const parsed = schema.safeParse(values);
    const found = parsed.success ? {} : zodFieldErrors(parsed.error, values, t);
    const shown = options.check ? options.check(values, found) : found;
    if (!parsed.success || Object.keys(shown).length > 0) {
      setMessage(undefined);
      setErrors(shown);
      return;
    }
    await run(() => send(parsed.data));
  }

  /** The submit handler of a form whose fields are sent as they read (`readForm`). */
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit(readForm(event.currentTarget));
  }

  return { errors, message, pending, submit, onSubmit, run };
}

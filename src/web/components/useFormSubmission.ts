/** The plumbing every form repeats: parse at the edge, send, show field errors or the problem's message. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type FieldErrors, problemFieldErrors, zodFieldErrors } from './forms.tsx';
import { useProblemMessage } from './ProblemAlert.tsx';

export function useFormSubmission<S extends z.ZodType>(
  schema: S,
  send: (data: z.output<S>) => Promise<void>,
) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);

  /** Validates `values` with the schema, then sends them; nothing is lost when validation fails. */
  async function submit(values: Record<string, unknown>) {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      setMessage(undefined);
      setErrors(zodFieldErrors(parsed.error, values, t));
      return;
    }
    setPending(true);
    try {
      await send(parsed.data);
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

  return { errors, message, pending, submit };
}

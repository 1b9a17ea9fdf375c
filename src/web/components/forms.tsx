/** Form helpers: field errors from zod or from a problem, the error summary at the top of a form. */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';

export type FieldErrors = Record<string, string>;

/** The id of a form field's input, so the error summary can link to it. */
export const fieldId = (form: string, name: string) => `${form}-${name}`;

/** First error of each field, in French, from a failed zod parse of `values`. */
export function zodFieldErrors(
  error: z.ZodError,
  values: Record<string, unknown>,
  t: TFunction,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    if (errors[path]) continue;
    const raw = values[path];
    if (raw === undefined || raw === null || raw === '') {
      errors[path] = t('ui.validation.required');
      continue;
    }
    switch (issue.code) {
      case 'too_small':
        errors[path] = t('ui.validation.tooShort', { min: Number(issue.minimum) });
        break;
      case 'too_big':
        errors[path] = t('ui.validation.tooLong', { max: Number(issue.maximum) });
        break;
      case 'invalid_format':
        errors[path] = issue.format === 'email' ? t('ui.validation.email') : t('ui.validation.invalid');
        break;
      default:
        errors[path] = t('ui.validation.invalid');
    }
  }
  return errors;
}

/** Field errors carried by a problem (`errors: [{ path, message }]`). */
export function problemFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (error instanceof ApiError) {
    for (const e of error.problem.errors ?? []) {
      const path = e.path.replace(/^\/?body[./]/, '').replace(/\//g, '.');
      if (!errors[path]) errors[path] = e.message;
    }
  }
  return errors;
}

/** Props for a DSFR Input/Select showing a field's error. */
export function fieldState(errors: FieldErrors, name: string) {
  const message = errors[name];
  return message
    ? { state: 'error' as const, stateRelatedMessage: message }
    : { state: 'default' as const, stateRelatedMessage: undefined };
}

/**
 * `aria-invalid` for a field's native input or select (spread into `nativeInputProps` /
 * `nativeSelectProps`), so that assistive technologies announce the field as in error.
 */
export function invalidProps(errors: FieldErrors, name: string): { 'aria-invalid'?: true } {
  return errors[name] ? { 'aria-invalid': true } : {};
}

/** Error message of a DSFR PasswordInput (its `messages` prop). */
export function passwordMessages(errors: FieldErrors, name: string) {
  const message = errors[name];
  return message ? [{ severity: 'error' as const, message }] : [];
}

/** Reads a form's text fields; empty optional fields become `null` when listed in `nullable`. */
export function readForm(form: HTMLFormElement, nullable: string[] = []): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value !== 'string') continue;
    const trimmed = /password|confirm/i.test(key) ? value : value.trim();
    values[key] = trimmed === '' && nullable.includes(key) ? null : trimmed;
  }
  return values;
}

/**
 * The summary of a form's errors: one link per field (to its input), focused when it appears
 * so that keyboard and screen-reader users land on it.
 */
export function ErrorSummary({
  form,
  errors,
  labels,
  message,
  as = 'h2',
}: {
  form: string;
  errors: FieldErrors;
  labels: Record<string, string>;
  /** A general message (the problem's title) when there is no field error. */
  message?: string;
  /** Level of the summary's heading, to keep the page's heading order. */
  as?: 'h2' | 'h3' | 'h4';
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const visible = entries.length > 0 || Boolean(message);
  const signature = `${message ?? ''}|${entries.map(([k, v]) => `${k}:${v}`).join(',')}`;
  useEffect(() => {
    if (visible && signature) ref.current?.focus();
  }, [visible, signature]);
  if (!visible) return null;
  return (
    <div ref={ref} tabIndex={-1} className="fr-mb-3w" id={`${form}-errors`}>
      <Alert
        severity="error"
        role="alert"
        as={as}
        title={entries.length > 0 ? t('ui.common.errorSummaryTitle') : t('ui.common.errorTitle')}
        description={
          <>
            {message ? <span className="fr-mb-1w">{message}</span> : null}
            {entries.length > 0 ? (
              <>
                <span className="fr-sr-only"> </span>
                <span>{t('ui.common.errorSummaryIntro')}</span>
                <ul>
                  {entries.map(([name, text]) => (
                    <li key={name}>
                      <a
                        href={`#${fieldId(form, name)}`}
                        onClick={(event) => {
                          event.preventDefault();
                          document.getElementById(fieldId(form, name))?.focus();
                        }}
                      >
                        {labels[name] ?? name}
                        {'\u00a0: '}
                        {text}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        }
      />
    </div>
  );
}

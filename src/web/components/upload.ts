/**
 * Multipart uploads (files of activities, images of rich text, archives). The JSON wrapper (`api/client.ts`) only sends
 * JSON, so this sends a `FormData` body itself, with the same CSRF token (the one `GET /api/me` gave,
 * kept in the `me` query) and the same problem handling (`ApiError`).
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api.ts';
import { ApiError, NETWORK_ERROR } from '../api/client.ts';
import { useMeQuery } from '../app/auth.tsx';
import { useProblemMessage } from './ProblemAlert.tsx';

/** The file field's name (`file` by default) and the text fields sent before it. */
export type UploadOptions = { field?: string; fields?: Record<string, string> };

export async function upload<T>(
  method: 'POST' | 'PUT',
  path: string,
  files: File[],
  options: UploadOptions & { csrfToken?: string; locale?: string } = {},
): Promise<T> {
  const body = new FormData();
  // Text fields first: the server reads them before the file streams.
  for (const [key, value] of Object.entries(options.fields ?? {})) body.append(key, value);
  for (const file of files) body.append(options.field ?? 'file', file, file.name);
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': options.locale ?? 'fr',
  };
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'about:blank', title: '', status: 0, code: NETWORK_ERROR });
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const problem = data as Partial<Problem> | undefined;
    throw new ApiError({
      type: problem?.type ?? 'about:blank',
      title: typeof problem?.title === 'string' ? problem.title : response.statusText,
      status: response.status,
      code: problem?.code ?? `http_${response.status}`,
      ...(problem?.detail ? { detail: problem.detail } : {}),
      ...(Array.isArray(problem?.errors) ? { errors: problem.errors } : {}),
    });
  }
  return data as T;
}

/** `upload()` bound to the session's CSRF token and language, and the message of a failed upload. */
export function useUpload() {
  const { t, i18n } = useTranslation();
  const csrfToken = useMeQuery().data?.csrfToken;
  const problemMessage = useProblemMessage();
  const send = useCallback(
    <T>(method: 'POST' | 'PUT', path: string, files: File[], options: UploadOptions = {}) =>
      upload<T>(method, path, files, { ...options, csrfToken, locale: i18n.language }),
    [csrfToken, i18n.language],
  );
  const message = (error: unknown): string => {
    // The server's own words ("Seules les images PNG…"); a bare 413 from a proxy gets ours.
    if (error instanceof ApiError && error.status === 413)
      return error.code.startsWith('http_') || !error.problem.title
        ? t('ui.activities.upload.tooLarge')
        : error.problem.title;
    if (error instanceof ApiError && error.status === 415 && error.problem.title) return error.problem.title;
    return problemMessage(error);
  };
  return { upload: send, message };
}

/** The GDPR: one's own data and deletion request; the requests, for the administrators who decide. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ErasureRefuseBody, ErasureRequestBody, ErasureStatus } from '../../shared/privacy.ts';
import { get, path, send } from './client.ts';

export type { ErasureRequest, ErasureStatus, MyErasureRequest } from '../../shared/privacy.ts';

export const privacyKeys = {
  mine: ['privacy', 'mine'] as const,
  requests: ['privacy', 'requests'] as const,
};

/** The address of one's data export (a plain link: the browser downloads the file). */
export const personalDataUrl = '/api/me/personal-data';

// — One's own request —

export function useMyErasureRequest() {
  return useQuery({
    queryKey: privacyKeys.mine,
    queryFn: () => get('/api/me/erasure-request', (c) => c.privacy.MyErasureRequest.nullable()),
  });
}

export const requestErasure = (body: z.input<typeof ErasureRequestBody>) =>
  send('POST', '/api/me/erasure-request', { body, answer: (c) => c.privacy.MyErasureRequest });

export const withdrawErasure = () => send('DELETE', '/api/me/erasure-request');

// — The administrators' side —

export type ErasureListParams = { status?: ErasureStatus; page: number; pageSize: number };

export function useErasureRequests(params: ErasureListParams) {
  return useQuery({
    queryKey: [...privacyKeys.requests, params],
    queryFn: () => get('/api/privacy/erasure-requests', (c) => c.api.Page(c.privacy.ErasureRequest), params),
    placeholderData: keepPreviousData,
  });
}

export const approveErasure = (id: string) =>
  send('POST', path`/api/privacy/erasure-requests/${id}/approve`, {
    answer: (c) => c.privacy.ErasureRequest,
  });

export const refuseErasure = (id: string, body: z.input<typeof ErasureRefuseBody>) =>
  send('POST', path`/api/privacy/erasure-requests/${id}/refuse`, {
    body,
    answer: (c) => c.privacy.ErasureRequest,
  });

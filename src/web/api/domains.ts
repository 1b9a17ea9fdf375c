/** Domains (académies, national): the list, and creating or renaming one. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DomainCreateBody, DomainUpdateBody } from '../../shared/api.ts';
import { get, path, send } from './client.ts';

export type { Domain } from '../../shared/api.ts';

export const domainKeys = { all: ['domains'] as const };

export function useDomains() {
  return useQuery({
    queryKey: domainKeys.all,
    queryFn: () => get('/api/domains', (c) => c.z.array(c.api.Domain)),
  });
}

export const createDomain = (body: z.input<typeof DomainCreateBody>) =>
  send('POST', '/api/domains', { body, answer: (c) => c.api.Domain });

export const updateDomain = (id: string, body: z.input<typeof DomainUpdateBody>) =>
  send('PATCH', path`/api/domains/${id}`, { body, answer: (c) => c.api.Domain });

/** The audit log: who did what, when, filtered by action, actor and domain. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEvent as AuditEventSchema } from '../../shared/api.ts';
import { get } from './client.ts';

export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const auditKeys = { all: ['audit'] as const };

export type AuditParams = {
  action?: string;
  actorId?: string;
  domainId?: string;
  page: number;
  pageSize: number;
};

export function useAudit(params: AuditParams) {
  return useQuery({
    queryKey: [...auditKeys.all, params],
    queryFn: () => get('/api/audit', (c) => c.api.Page(c.api.AuditEvent), params),
    placeholderData: keepPreviousData,
  });
}

/** TanStack Query hooks over the JSON API; one key per resource so mutations can invalidate precisely. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuditEvent, Domain, MailMessage, Page, RoleAssignment, User, UserStatus } from './types.ts';

export const keys = {
  me: ['me'] as const,
  domains: ['domains'] as const,
  users: ['users'] as const,
  user: (id: string) => ['users', id] as const,
  userRoles: (id: string) => ['users', id, 'roles'] as const,
  audit: ['audit'] as const,
  mail: ['mail'] as const,
};

export function useDomains() {
  return useQuery({ queryKey: keys.domains, queryFn: () => api.get<Domain[]>('/api/domains') });
}

export type UserListParams = {
  q?: string;
  domainId?: string;
  status?: UserStatus;
  page: number;
  pageSize: number;
};
export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...keys.users, 'list', params],
    queryFn: () => api.get<Page<User>>('/api/users', params),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.user(id),
    queryFn: () => api.get<User>(`/api/users/${encodeURIComponent(id)}`),
    enabled,
  });
}

export function useUserRoles(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.userRoles(id),
    queryFn: () => api.get<RoleAssignment[]>(`/api/users/${encodeURIComponent(id)}/roles`),
    enabled,
  });
}

export type AuditParams = {
  action?: string;
  actorId?: string;
  domainId?: string;
  page: number;
  pageSize: number;
};
export function useAudit(params: AuditParams) {
  return useQuery({
    queryKey: [...keys.audit, params],
    queryFn: () => api.get<Page<AuditEvent>>('/api/audit', params),
    placeholderData: keepPreviousData,
  });
}

export function useMailList(page: number) {
  return useQuery({
    queryKey: [...keys.mail, 'list', page],
    queryFn: () => api.get<Page<MailMessage>>('/api/admin/mail', { page }),
    placeholderData: keepPreviousData,
  });
}

export function useMail(id: string) {
  return useQuery({
    queryKey: [...keys.mail, id],
    queryFn: () =>
      api.get<{ message: MailMessage; text: string }>(`/api/admin/mail/${encodeURIComponent(id)}`),
  });
}

/** Roles: who holds which role where, the capabilities one holds in a course, and assigning roles. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RoleAssignBody } from '../../shared/api.ts';
import { get, path, send } from './client.ts';
import { partOfCourseView } from './course-view.ts';

export type { RoleAssignment, RoleContextOption } from '../../shared/api.ts';
export type { ContextLevel, Role } from '../../shared/roles.ts';

export const roleKeys = {
  userRoles: (userId: string) => ['users', userId, 'roles'] as const,
  courseCapabilities: (courseId: string) => ['course-capabilities', courseId] as const,
  contexts: (level: string, q: string) => ['role-contexts', level, q] as const,
};

/** The capabilities the person holds in a course, to show the pages and actions they may use. */
export function useCourseCapabilities(courseId: string) {
  return useQuery({
    queryKey: roleKeys.courseCapabilities(courseId),
    queryFn: (query) =>
      partOfCourseView(query, courseId, 'capabilities', () =>
        get(path`/api/courses/${courseId}/capabilities`, (c) => c.z.array(c.z.string())),
      ),
    staleTime: 30_000,
  });
}

export function useUserRoles(userId: string, enabled = true) {
  return useQuery({
    queryKey: roleKeys.userRoles(userId),
    queryFn: () => get(path`/api/users/${userId}/roles`, (c) => c.z.array(c.api.RoleAssignment)),
    enabled,
  });
}

/** Courses or activities where one may assign roles, found by title (from two characters). */
export function useRoleContexts(level: 'course' | 'activity', q: string) {
  return useQuery({
    queryKey: roleKeys.contexts(level, q),
    queryFn: () => get('/api/role-contexts', (c) => c.z.array(c.api.RoleContextOption), { level, q }),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
}

export const assignRole = (body: z.input<typeof RoleAssignBody>) =>
  send('POST', '/api/role-assignments', { body, answer: (c) => c.api.RoleAssignment });

export const removeRoleAssignment = (id: string) => send('DELETE', path`/api/role-assignments/${id}`);

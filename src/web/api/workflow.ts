/** The course life cycle: its stage and actions, what the actor may do in a course, templates, the trash. */
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Course } from '../../shared/api.ts';
import type { Workflow } from '../../shared/lifecycle.ts';
import { api } from './client.ts';
import { courseKeys } from './courses.ts';

export const workflowKeys = {
  workflow: (id: string) => ['workflow', id] as const,
  capabilities: (id: string) => ['course-capabilities', id] as const,
  templates: (domainId?: string) => ['templates', domainId ?? 'all'] as const,
  trash: ['trash'] as const,
};

export function useWorkflow(id: string) {
  return useQuery({
    queryKey: workflowKeys.workflow(id),
    queryFn: () => api.get<Workflow>(`/api/courses/${encodeURIComponent(id)}/workflow`),
  });
}

/** The capabilities the person holds in a course, to show the pages and actions they may use. */
export function useCourseCapabilities(id: string) {
  return useQuery({
    queryKey: workflowKeys.capabilities(id),
    queryFn: () => api.get<string[]>(`/api/courses/${encodeURIComponent(id)}/capabilities`),
    staleTime: 30_000,
  });
}

export function useTemplates(domainId?: string, enabled = true) {
  return useQuery({
    queryKey: workflowKeys.templates(domainId),
    queryFn: () => api.get<Course[]>('/api/templates', { domainId }),
    enabled,
  });
}

export function useTrash() {
  return useQuery({ queryKey: workflowKeys.trash, queryFn: () => api.get<Course[]>('/api/trash') });
}

/** After a stage change: the course, its workflow, the lists it appears in. */
export async function refreshLifecycle(queryClient: QueryClient, id: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: workflowKeys.workflow(id) }),
    queryClient.invalidateQueries({ queryKey: courseKeys.page(id) }),
    queryClient.invalidateQueries({ queryKey: ['courses', 'list'] }),
    queryClient.invalidateQueries({ queryKey: workflowKeys.trash }),
  ]);
}

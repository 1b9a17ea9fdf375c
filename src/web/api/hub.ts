/** The course hub (Réseau des concepteurs): the course offer with its figures, and a copy's origin. */
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { Deployment, HubSearchResult } from '../../shared/hub.ts';
import { api } from './client.ts';

export const hubKeys = {
  search: (q: string, page: number) => ['hub', 'search', q, page] as const,
  deployment: (courseId: string) => ['hub', 'deployment', courseId] as const,
};

export function useHubSearch(q: string, page: number) {
  return useQuery({
    queryKey: hubKeys.search(q, page),
    queryFn: () => api.get<HubSearchResult>('/api/hub/courses', { q, page }),
    placeholderData: keepPreviousData,
  });
}

/** Null for a course that was not deployed from the course offer. */
export function useDeployment(courseId: string) {
  return useQuery({
    queryKey: hubKeys.deployment(courseId),
    queryFn: () => api.get<Deployment | null>(`/api/courses/${encodeURIComponent(courseId)}/deployment`),
  });
}

/** After a deployment or an update: the figures of the hub and the copy's state. */
export async function refreshHub(queryClient: QueryClient, courseId?: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['hub', 'search'] }),
    ...(courseId ? [queryClient.invalidateQueries({ queryKey: hubKeys.deployment(courseId) })] : []),
  ]);
}

/** The course hub (Réseau des concepteurs): the course offer with its figures, deployments and their updates. */
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DeployBody } from '../../shared/hub.ts';
import { get, path, send } from './client.ts';

export type { Deployment, DeployResult, HubCourse, HubSearchResult } from '../../shared/hub.ts';

export const hubKeys = {
  search: (q: string, page: number) => ['hub', 'search', q, page] as const,
  deployment: (courseId: string) => ['hub', 'deployment', courseId] as const,
};

export function useHubSearch(q: string, page: number) {
  return useQuery({
    queryKey: hubKeys.search(q, page),
    queryFn: () => get('/api/hub/courses', (c) => c.hub.HubSearchResult, { q, page }),
    placeholderData: keepPreviousData,
  });
}

/** Null for a course that was not deployed from the course offer. */
export function useDeployment(courseId: string) {
  return useQuery({
    queryKey: hubKeys.deployment(courseId),
    queryFn: () => get(path`/api/courses/${courseId}/deployment`, (c) => c.hub.Deployment.nullable()),
  });
}

/** A copy of a published parcours in one of the person's domains. */
export const deployOffer = (number: number, body: z.input<typeof DeployBody>) =>
  send('POST', path`/api/offers/${number}/deploy`, { body, answer: (c) => c.hub.DeployResult });

/** Brings a deployed copy to its origin's latest published version. */
export const updateDeployment = (courseId: string) =>
  send('POST', path`/api/courses/${courseId}/deployment/update`, { answer: (c) => c.hub.Deployment });

/** After a deployment or an update: the figures of the hub and the copy's state. */
export async function refreshHub(queryClient: QueryClient, courseId?: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['hub', 'search'] }),
    ...(courseId ? [queryClient.invalidateQueries({ queryKey: hubKeys.deployment(courseId) })] : []),
  ]);
}

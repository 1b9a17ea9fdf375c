/** A course's publication in the offer: its state, publish or update it, withdraw it. */
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Publication } from '../../shared/offers.ts';
import { api } from './client.ts';

export const publicationKeys = {
  publication: (id: string) => ['publication', id] as const,
};

export function usePublication(id: string, enabled = true) {
  return useQuery({
    queryKey: publicationKeys.publication(id),
    queryFn: () => api.get<Publication>(`/api/courses/${encodeURIComponent(id)}/publication`),
    enabled,
  });
}

export const publishCourse = (id: string, releaseNotes: string) =>
  api.post<Publication>(
    `/api/courses/${encodeURIComponent(id)}/publication`,
    releaseNotes ? { releaseNotes } : {},
  );

export const withdrawCourse = (id: string) =>
  api.delete<Publication>(`/api/courses/${encodeURIComponent(id)}/publication`);

/** After a publication changes: its section, and the catalogue's lists. */
export async function refreshPublication(queryClient: QueryClient, id: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: publicationKeys.publication(id) }),
    queryClient.invalidateQueries({ queryKey: ['offers'] }),
  ]);
}

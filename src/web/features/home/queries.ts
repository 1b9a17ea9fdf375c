/** "Mon espace": the person's courses sorted by their role in each, with where to take them up again. */
import { useQuery } from '@tanstack/react-query';
import type { MySpace } from '../../../shared/home.ts';
import { api } from '../../api/client.ts';

export type { MySpace, SpaceCourse } from '../../../shared/home.ts';

export const spaceKey = ['my-space'] as const;

export function useMySpace() {
  return useQuery({ queryKey: spaceKey, queryFn: () => api.get<MySpace>('/api/me/space') });
}

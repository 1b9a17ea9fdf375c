/** "Mon espace": the person's courses sorted by their role in each, with where to take them up again. */
import { useQuery } from '@tanstack/react-query';
import { takeBootSpace } from './boot.ts';
import { get } from './client.ts';

export type { MySpace, SpaceCourse } from '../../shared/home.ts';

export const homeKeys = { space: ['my-space'] as const };

export function useMySpace() {
  return useQuery({
    queryKey: homeKeys.space,
    queryFn: async () => takeBootSpace() ?? get('/api/me/space', (c) => c.home.MySpace),
  });
}

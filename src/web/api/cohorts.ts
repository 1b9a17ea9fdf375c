/** Cohorts (administration): named lists of people of a domain, to enrol together. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CohortCreateBody, CohortUpdateBody } from '../../shared/enrolment.ts';
import { get, path, send } from './client.ts';

export type { Cohort, CohortDetail } from '../../shared/enrolment.ts';

export const cohortKeys = {
  all: ['cohorts'] as const,
  cohort: (id: string) => ['cohorts', id] as const,
};

export function useCohorts() {
  return useQuery({
    queryKey: cohortKeys.all,
    queryFn: () => get('/api/cohorts', (c) => c.z.array(c.enrolment.Cohort)),
  });
}

export function useCohort(id: string) {
  return useQuery({
    queryKey: cohortKeys.cohort(id),
    queryFn: () => get(path`/api/cohorts/${id}`, (c) => c.enrolment.CohortDetail),
  });
}

export const createCohort = (body: z.input<typeof CohortCreateBody>) =>
  send('POST', '/api/cohorts', { body, answer: (c) => c.enrolment.CohortDetail });

export const updateCohort = (id: string, body: z.input<typeof CohortUpdateBody>) =>
  send('PATCH', path`/api/cohorts/${id}`, { body, answer: (c) => c.enrolment.CohortDetail });

export const deleteCohort = (id: string) => send('DELETE', path`/api/cohorts/${id}`);

/** Adds the people of a pasted list of addresses; every wrong address comes back as a field error. */
export const addCohortMembers = (id: string, emails: string) =>
  send('POST', path`/api/cohorts/${id}/members`, {
    body: { emails },
    answer: (c) => c.enrolment.CohortMembersResult,
  });

export const removeCohortMember = (id: string, userId: string) =>
  send('DELETE', path`/api/cohorts/${id}/members/${userId}`);

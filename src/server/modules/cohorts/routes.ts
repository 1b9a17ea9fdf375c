import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.ts';
import {
  Cohort,
  CohortCreateBody,
  CohortDetail,
  CohortListQuery,
  CohortMembersBody,
  CohortMembersResult,
  CohortUpdateBody,
} from '../../../shared/enrolment.ts';
import { on } from '../../platform/http/access.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { cohortCapabilities as caps } from './policy.ts';
import {
  addCohortMembers,
  cohortContextId,
  createCohort,
  deleteCohort,
  getCohort,
  listCohorts,
  removeCohortMember,
  updateCohort,
} from './service.ts';

const IdParams = z.object({ id: Uuid });
const tags = ['cohortes'];

export const cohortRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const inCohort = on(caps['cohort:manage'], cohortContextId);

  app.get(
    '/api/cohorts',
    {
      config: { access: { capability: caps['cohort:manage'] } },
      schema: { tags, querystring: CohortListQuery, response: { 200: z.array(Cohort) } },
    },
    async (request) => listCohorts(db, actorOf(request), request.query.domainId),
  );

  app.post(
    '/api/cohorts',
    {
      config: { access: { capability: caps['cohort:manage'] } },
      schema: { tags, body: CohortCreateBody, response: { 201: CohortDetail } },
    },
    async (request, reply) => reply.status(201).send(await createCohort(request.ctx, request.body)),
  );

  app.get(
    '/api/cohorts/:id',
    { config: inCohort, schema: { tags, params: IdParams, response: { 200: CohortDetail } } },
    async (request) => getCohort(db, request.params.id),
  );

  app.patch(
    '/api/cohorts/:id',
    {
      config: inCohort,
      schema: { tags, params: IdParams, body: CohortUpdateBody, response: { 200: CohortDetail } },
    },
    async (request) => updateCohort(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/cohorts/:id',
    { config: inCohort, schema: { tags, params: IdParams } },
    async (request, reply) => {
      await deleteCohort(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/cohorts/:id/members',
    {
      bodyLimit: 2 * 1024 * 1024 + 64 * 1024,
      config: inCohort,
      schema: { tags, params: IdParams, body: CohortMembersBody, response: { 200: CohortMembersResult } },
    },
    async (request) => addCohortMembers(request.ctx, request.params.id, request.body.emails),
  );

  app.delete(
    '/api/cohorts/:id/members/:userId',
    { config: inCohort, schema: { tags, params: z.object({ id: Uuid, userId: Uuid }) } },
    async (request, reply) => {
      await removeCohortMember(request.ctx, request.params.id, request.params.userId);
      return reply.status(204).send();
    },
  );
};

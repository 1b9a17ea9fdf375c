import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.ts';
import {
  AudienceBody,
  BULK_MAX_BYTES,
  BulkResult,
  Candidates,
  Cohort,
  CohortEnrolBody,
  CourseGroups,
  type CsvFileInfo,
  EnrolmentList,
  EnrolmentListQuery,
  EnrolmentReport,
  Group,
  GroupCreateBody,
  Grouping,
  GroupingCreateBody,
  GroupingUpdateBody,
  GroupMembersBody,
  GroupUpdateBody,
  ListsBody,
  ManualEnrolBody,
  ManualEnrolResult,
  SelfEnrolmentState,
} from '../../../shared/enrolment.ts';
import { on, viaCourse } from '../../platform/http/access.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import { cohortsOfDomain } from '../cohorts/index.ts';
import { activityContextId, courseCapabilities, courseContextId } from '../courses/index.ts';
import { BulkRejected } from './bulk.ts';
import { enrolmentCourse } from './course.ts';
import { parseEnrolmentCsv } from './csv.ts';
import {
  addGroupMembers,
  createGroup,
  createGrouping,
  deleteGroup,
  deleteGrouping,
  groupCourseId,
  groupingCourseId,
  listGroups,
  removeGroupMember,
  setAudience,
  updateGroup,
  updateGrouping,
} from './groups.ts';
import { enrolmentCapabilities as caps } from './policy.ts';
import {
  applyBulkEnrolment,
  cohortInputs,
  csvInputs,
  enrolManually,
  enrolmentCandidates,
  enrolmentCourseId,
  listEnrolments,
  listInputs,
  selfEnrol,
  selfEnrolmentState,
  selfUnenrol,
  unenrol,
  validateBulk,
} from './service.ts';

const IdParams = z.object({ id: Uuid });
const PROBLEM_BASE = 'https://magistere.education.gouv.fr/problemes/';

/** A refused bulk enrolment: problem+json (422) carrying the report, so the page can show every line. */
function sendRejected(
  request: FastifyRequest,
  reply: FastifyReply,
  error: BulkRejected,
  file: CsvFileInfo | null = null,
) {
  return reply
    .status(422)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `${PROBLEM_BASE}${error.code}`,
      title: request.t(error.messageKey),
      status: 422,
      code: error.code,
      report: file ? { ...error.report, file } : error.report,
    });
}

export const enrolmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const tags = ['inscriptions'];

  /** Runs a bulk apply; a report with errors becomes a 422 carrying it (with how a CSV file was read). */
  const applying = async (
    request: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<BulkResult>,
    file: CsvFileInfo | null = null,
  ) => {
    try {
      return reply.send(await run());
    } catch (error) {
      if (error instanceof BulkRejected) return sendRejected(request, reply, error, file);
      throw error;
    }
  };

  // — Who is enrolled —

  app.get(
    '/api/courses/:id/enrolments',
    {
      config: on(caps['enrolment:view'], courseContextId),
      schema: { tags, params: IdParams, querystring: EnrolmentListQuery, response: { 200: EnrolmentList } },
    },
    async (request) => listEnrolments(db, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/courses/:id/enrolment-candidates',
    {
      config: on(caps['enrolment:manage'], courseContextId),
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ q: z.string().max(254).default('') }),
        response: { 200: Candidates },
      },
    },
    async (request) => enrolmentCandidates(db, actorOf(request), request.params.id, request.query.q),
  );

  app.post(
    '/api/courses/:id/enrolments',
    {
      config: on(caps['enrolment:manage'], courseContextId),
      schema: { tags, params: IdParams, body: ManualEnrolBody, response: { 201: ManualEnrolResult } },
    },
    async (request, reply) => {
      try {
        return reply.status(201).send(await enrolManually(request.ctx, request.params.id, request.body));
      } catch (error) {
        if (error instanceof BulkRejected) return sendRejected(request, reply, error);
        throw error;
      }
    },
  );

  app.delete(
    '/api/enrolments/:id',
    {
      config: on(caps['enrolment:manage'], viaCourse(enrolmentCourseId)),
      schema: { tags, params: IdParams },
    },
    async (request, reply) => {
      await unenrol(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  // — Pasted lists, one per role —

  const listLimits = { bodyLimit: BULK_MAX_BYTES + 64 * 1024 };
  app.post(
    '/api/courses/:id/enrolments/lists/validate',
    {
      ...listLimits,
      config: on(caps['enrolment:manage'], courseContextId),
      schema: { tags, params: IdParams, body: ListsBody, response: { 200: EnrolmentReport } },
    },
    async (request) =>
      validateBulk(
        db,
        actorOf(request),
        request.params.id,
        () => listInputs(request.body),
        request.body.createAccounts,
      ),
  );
  app.post(
    '/api/courses/:id/enrolments/lists/apply',
    {
      ...listLimits,
      config: on(caps['enrolment:manage'], courseContextId),
      schema: { tags, params: IdParams, body: ListsBody, response: { 200: BulkResult } },
    },
    async (request, reply) =>
      applying(request, reply, () =>
        applyBulkEnrolment(
          request.ctx,
          request.params.id,
          'list',
          () => listInputs(request.body),
          request.body.createAccounts,
        ),
      ),
  );

  // — A cohort —

  app.get(
    '/api/courses/:id/cohorts',
    {
      config: on(caps['enrolment:manage'], courseContextId),
      schema: { tags, params: IdParams, response: { 200: z.array(Cohort) } },
    },
    async (request) => cohortsOfDomain(db, (await enrolmentCourse(db, request.params.id)).domainId),
  );
  app.post(
    '/api/courses/:id/enrolments/cohort/validate',
    {
      config: on(caps['enrolment:manage'], courseContextId),
      schema: { tags, params: IdParams, body: CohortEnrolBody, response: { 200: EnrolmentReport } },
    },
    async (request) =>
      validateBulk(db, actorOf(request), request.params.id, (course) =>
        cohortInputs(db, course, request.body.cohortId, request.body.role),
      ),
  );
  app.post(
    '/api/courses/:id/enrolments/cohort/apply',
    {
      config: on(caps['enrolment:manage'], courseContextId),
      schema: { tags, params: IdParams, body: CohortEnrolBody, response: { 200: BulkResult } },
    },
    async (request, reply) =>
      applying(request, reply, () =>
        applyBulkEnrolment(request.ctx, request.params.id, 'cohort', (tx, course) =>
          cohortInputs(tx, course, request.body.cohortId, request.body.role),
        ),
      ),
  );

  // — A CSV file (multipart, field `file`), in its own scope: the only multipart routes here —

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, {
      limits: { files: 1, fields: 2, fileSize: BULK_MAX_BYTES, fieldSize: 100 },
    });
    /**
     * The uploaded file, parsed, and the `createAccounts` field ("true" to create the accounts of
     * unknown addresses); too large is a 413 (the multipart limit), no file a 400.
     */
    const readCsv = async (request: FastifyRequest) => {
      if (!request.isMultipart())
        throw new HttpProblem(415, 'unsupported_media_type', 'errors.unsupportedMediaType');
      let bytes: Buffer | undefined;
      let createAccounts = false;
      for await (const part of request.parts()) {
        if (part.type === 'file') bytes ??= await part.toBuffer();
        else if (part.fieldname === 'createAccounts') createAccounts = part.value === 'true';
      }
      if (!bytes)
        throw new HttpProblem(400, 'csv_missing', 'errors.enrolment.csvMissing', {
          errors: [{ path: 'file', message: 'errors.enrolment.csvMissing' }],
        });
      return { ...parseEnrolmentCsv(bytes), createAccounts };
    };
    const csvSchema = { tags, params: IdParams, consumes: ['multipart/form-data'] };
    scope.post(
      '/api/courses/:id/enrolments/csv/validate',
      {
        config: on(caps['enrolment:manage'], courseContextId),
        schema: { ...csvSchema, response: { 200: EnrolmentReport } },
      },
      async (request) => {
        const { rows, file, createAccounts } = await readCsv(request);
        const report = await validateBulk(
          db,
          actorOf(request),
          request.params.id,
          () => csvInputs(rows),
          createAccounts,
        );
        return { ...report, file };
      },
    );
    scope.post(
      '/api/courses/:id/enrolments/csv/apply',
      {
        config: on(caps['enrolment:manage'], courseContextId),
        schema: { ...csvSchema, response: { 200: BulkResult } },
      },
      async (request, reply) => {
        const { rows, file, createAccounts } = await readCsv(request);
        return applying(
          request,
          reply,
          async () => {
            const result = await applyBulkEnrolment(
              request.ctx,
              request.params.id,
              'csv',
              () => csvInputs(rows),
              createAccounts,
            );
            return { ...result, report: { ...result.report, file } };
          },
          file,
        );
      },
    );
  });

  // — Self-enrolment in an open session —

  const selfSchema = { tags, params: IdParams, response: { 200: SelfEnrolmentState } };
  app.get(
    '/api/courses/:id/self-enrolment',
    { config: { access: 'authenticated' }, schema: selfSchema },
    async (request) => selfEnrolmentState(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/courses/:id/self-enrolment',
    { config: { access: 'authenticated' }, schema: selfSchema },
    async (request) => selfEnrol(request.ctx, request.params.id),
  );
  app.delete(
    '/api/courses/:id/self-enrolment',
    { config: { access: 'authenticated' }, schema: selfSchema },
    async (request) => selfUnenrol(request.ctx, request.params.id),
  );

  // — Groups and groupings —

  const groupContext = viaCourse(groupCourseId);
  const groupingContext = viaCourse(groupingCourseId);
  const gtags = ['groupes'];

  app.get(
    '/api/courses/:id/groups',
    {
      config: on(caps['enrolment:view'], courseContextId),
      schema: { tags: gtags, params: IdParams, response: { 200: CourseGroups } },
    },
    async (request) => listGroups(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/courses/:id/groups',
    {
      config: on(caps['group:manage'], courseContextId),
      schema: { tags: gtags, params: IdParams, body: GroupCreateBody, response: { 201: Group } },
    },
    async (request, reply) =>
      reply.status(201).send(await createGroup(request.ctx, request.params.id, request.body)),
  );
  app.patch(
    '/api/groups/:id',
    {
      config: on(caps['group:manage'], groupContext),
      schema: {
        tags: gtags,
        params: IdParams,
        body: GroupUpdateBody,
        response: { 200: Group.omit({ members: true }) },
      },
    },
    async (request) => (await updateGroup(request.ctx, request.params.id, request.body)).group,
  );
  app.delete(
    '/api/groups/:id',
    { config: on(caps['group:manage'], groupContext), schema: { tags: gtags, params: IdParams } },
    async (request, reply) => {
      await deleteGroup(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/groups/:id/members',
    {
      config: on(caps['group:manage'], groupContext),
      schema: {
        tags: gtags,
        params: IdParams,
        body: GroupMembersBody,
        response: { 200: z.object({ added: z.number().int() }) },
      },
    },
    async (request) => ({
      added: (await addGroupMembers(request.ctx, request.params.id, request.body.userIds)).added,
    }),
  );
  app.delete(
    '/api/groups/:id/members/:userId',
    {
      config: on(caps['group:manage'], groupContext),
      schema: { tags: gtags, params: z.object({ id: Uuid, userId: Uuid }) },
    },
    async (request, reply) => {
      await removeGroupMember(request.ctx, request.params.id, request.params.userId);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/courses/:id/groupings',
    {
      config: on(caps['group:manage'], courseContextId),
      schema: { tags: gtags, params: IdParams, body: GroupingCreateBody, response: { 201: Grouping } },
    },
    async (request, reply) =>
      reply.status(201).send(await createGrouping(request.ctx, request.params.id, request.body)),
  );
  app.patch(
    '/api/groupings/:id',
    {
      config: on(caps['group:manage'], groupingContext),
      schema: { tags: gtags, params: IdParams, body: GroupingUpdateBody, response: { 200: Grouping } },
    },
    async (request) => (await updateGrouping(request.ctx, request.params.id, request.body)).grouping,
  );
  app.delete(
    '/api/groupings/:id',
    { config: on(caps['group:manage'], groupingContext), schema: { tags: gtags, params: IdParams } },
    async (request, reply) => {
      await deleteGrouping(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  // — Audience of an activity: who, among the groups, sees it —

  app.put(
    '/api/activities/:id/audience',
    {
      config: on(courseCapabilities['course:update'], activityContextId),
      schema: {
        tags: gtags,
        params: IdParams,
        body: AudienceBody,
        response: { 200: AudienceBody },
      },
    },
    async (request) => ({
      audience: (await setAudience(request.ctx, request.params.id, request.body.audience)).audience,
    }),
  );
};

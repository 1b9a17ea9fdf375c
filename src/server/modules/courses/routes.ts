import multipart from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Activity,
  ActivityCreateBody,
  ActivityKindInfo,
  ActivityMoveBody,
  ActivityUpdateBody,
  Course,
  CourseCreateBody,
  CourseDuplicateBody,
  CourseUpdateBody,
  OrderBody,
  SectionCreateBody,
  SectionUpdateBody,
  Uuid,
} from '../../../shared/api.ts';
import { expectedVersion, IF_MATCH_DOC } from '../../platform/concurrency/index.ts';
import { contentDisposition, sanitizeFilename } from '../../platform/files/index.ts';
import { on } from '../../platform/http/access.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import { chooserKinds, setFavourite } from '../activities/index.ts';
import { courseCapabilities as caps } from './policy.ts';
import { courses } from './schema.ts';
import {
  activityContextId,
  addActivity,
  addSection,
  courseContextId,
  courseOut,
  createCourse,
  deleteActivity,
  deleteSection,
  duplicateCourse,
  exportCourse,
  importCourse,
  listCourses,
  moveActivity,
  orderSections,
  sectionContextId,
  toActivity,
  toCourse,
  toCourses,
  updateActivity,
  updateCourse,
  updateSection,
} from './service.ts';
import { removeThumbnail, replaceThumbnail, THUMBNAIL_MAX_BYTES, thumbnailOf } from './thumbnail.ts';
import { visibleActivity } from './visibility.ts';

const IdParams = z.object({ id: Uuid });

export const courseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, files } = app.deps;

  app.get(
    '/api/courses',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['parcours'],
        querystring: z.object({ domainId: Uuid.optional() }),
        response: { 200: z.array(Course) },
      },
    },
    async (request) =>
      toCourses(db, await listCourses(db, actorOf(request), request.ctx.now, request.query.domainId)),
  );

  app.post(
    '/api/courses',
    {
      config: { access: { capability: caps['course:create'] } },
      schema: { tags: ['parcours'], body: CourseCreateBody, response: { 201: Course } },
    },
    async (request, reply) =>
      reply.status(201).send(toCourse(await createCourse(request.ctx, request.body), null)),
  );

  app.patch(
    '/api/courses/:id',
    {
      config: on(caps['course:update'], courseContextId),
      schema: {
        tags: ['parcours'],
        description: IF_MATCH_DOC,
        params: IdParams,
        body: CourseUpdateBody,
        response: { 200: Course },
      },
    },
    async (request) => {
      const course = await updateCourse(
        request.ctx,
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      return courseOut(db, course);
    },
  );

  app.post(
    '/api/courses/:id/duplicate',
    {
      config: on(caps['course:duplicate'], courseContextId),
      schema: { tags: ['parcours'], params: IdParams, body: CourseDuplicateBody, response: { 201: Course } },
    },
    async (request, reply) => {
      const course = await duplicateCourse(request.ctx, request.params.id, request.body);
      return reply.status(201).send(await courseOut(db, course));
    },
  );

  app.get(
    '/api/courses/:id/archive',
    {
      config: on(caps['course:duplicate'], courseContextId),
      // The zip is already compressed; its length must stay what the archive says.
      compress: false,
      schema: { tags: ['parcours'], params: IdParams },
    },
    async (request, reply) => {
      const { manifest, stream } = await exportCourse(db, files, request.params.id, request.ctx.now);
      const name = `${sanitizeFilename(manifest.course.shortName) || 'parcours'}.zip`;
      return reply
        .type('application/zip')
        .header('content-disposition', contentDisposition(name, 'attachment'))
        .send(stream);
    },
  );

  // Import runs in its own scope, the only one here that reads multipart bodies.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { files: 1, fields: 5, fileSize: files.maxBytes + 1, fieldSize: 1000 },
    });
    scope.post(
      '/api/courses/import',
      {
        config: { access: { capability: caps['course:create'] } },
        schema: { tags: ['parcours'], consumes: ['multipart/form-data'], response: { 201: Course } },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new HttpProblem(415, 'unsupported_media_type', 'errors.unsupportedMediaType');
        let domainId: string | undefined;
        for await (const part of request.parts()) {
          if (part.type === 'field' && part.fieldname === 'domainId') domainId = String(part.value);
          else if (part.type === 'file') {
            if (!domainId || !Uuid.safeParse(domainId).success) {
              throw problems.invalid('unknown_domain', 'errors.unknownDomain', 'domainId');
            }
            const course = await importCourse(request.ctx, domainId, part.file);
            return reply.status(201).send(await courseOut(db, course));
          }
        }
        throw problems.invalid('archive_missing', 'errors.archiveMissing', 'archive');
      },
    );
  });

  app.get(
    '/api/courses/:id/thumbnail',
    {
      config: on(caps['course:view'], courseContextId),
      // An image: already compressed, and its length and ETag must describe the bytes sent.
      compress: false,
      schema: {
        tags: ['parcours'],
        params: IdParams,
        querystring: z.object({ v: z.string().max(64).optional() }),
      },
    },
    async (request, reply) => {
      const link = await thumbnailOf(db, request.params.id);
      if (!link) throw problems.notFound();
      // The versioned address (`thumbnailUrl`) names these very bytes: the browser may keep them a day.
      const { v } = request.query;
      const versioned = v !== undefined && v.length >= 16 && link.sha256.startsWith(v);
      return files.send(reply, link, { inline: true, maxAgeSeconds: versioned ? 86_400 : 300 });
    },
  );

  app.delete(
    '/api/courses/:id/thumbnail',
    { config: on(caps['course:update'], courseContextId), schema: { tags: ['parcours'], params: IdParams } },
    async (request, reply) => {
      await removeThumbnail(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  // The thumbnail upload has its own multipart scope: one small image, nothing else.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        // One byte more than allowed reaches the store, which refuses it (413) and keeps nothing.
        fileSize: THUMBNAIL_MAX_BYTES + 1,
        files: 1,
        fields: 5,
        fieldSize: 1000,
        parts: 6,
        headerPairs: 20,
      },
    });
    scope.withTypeProvider<ZodTypeProvider>().put(
      '/api/courses/:id/thumbnail',
      {
        config: on(caps['course:update'], courseContextId),
        schema: {
          tags: ['parcours'],
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 200: Course },
        },
      },
      async (request) => {
        if (!request.isMultipart())
          throw new HttpProblem(415, 'unsupported_media_type', 'errors.unsupportedMediaType');
        const part = await request.file();
        if (!part) throw problems.invalid('file_required', 'errors.fileRequired', 'thumbnail');
        const id = request.params.id;
        await replaceThumbnail(request.ctx, id, {
          stream: part.file,
          filename: part.filename,
          declaredMime: part.mimetype,
        });
        const [course] = await db.select().from(courses).where(eq(courses.id, id));
        return courseOut(db, course!);
      },
    );
  });

  app.post(
    '/api/courses/:id/sections',
    {
      config: on(caps['course:update'], courseContextId),
      schema: { tags: ['parcours'], params: IdParams, body: SectionCreateBody },
    },
    async (request, reply) => {
      const section = await addSection(request.ctx, request.params.id, request.body);
      return reply.status(201).send({
        id: section.id,
        title: section.title,
        description: section.description,
        visibility: section.visibility,
        version: section.version,
      });
    },
  );

  app.put(
    '/api/courses/:id/sections/order',
    {
      config: on(caps['course:update'], courseContextId),
      schema: { tags: ['parcours'], params: IdParams, body: OrderBody },
    },
    async (request, reply) => {
      await orderSections(request.ctx, request.params.id, request.body.ids);
      return reply.status(204).send();
    },
  );

  app.patch(
    '/api/sections/:id',
    {
      config: on(caps['course:update'], sectionContextId),
      schema: { tags: ['parcours'], description: IF_MATCH_DOC, params: IdParams, body: SectionUpdateBody },
    },
    async (request) => {
      const section = await updateSection(
        request.ctx,
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      return {
        id: section.id,
        title: section.title,
        description: section.description,
        visibility: section.visibility,
        version: section.version,
      };
    },
  );

  app.delete(
    '/api/sections/:id',
    { config: on(caps['course:update'], sectionContextId), schema: { tags: ['parcours'], params: IdParams } },
    async (request, reply) => {
      await deleteSection(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/courses/:id/activities',
    {
      config: on(caps['course:update'], courseContextId),
      schema: {
        tags: ['activités'],
        params: IdParams,
        body: ActivityCreateBody,
        response: { 201: Activity },
      },
    },
    async (request, reply) => {
      const activity = await addActivity(request.ctx, request.params.id, request.body);
      return reply.status(201).send(toActivity(activity));
    },
  );

  app.get(
    '/api/activities/:id',
    {
      config: on(caps['course:view'], activityContextId),
      schema: { tags: ['activités'], params: IdParams, response: { 200: Activity } },
    },
    // The whole activity, settings included, for its own page: hidden or not yet open, it does not exist
    // for those who may not see it, as on the course page.
    async (request) => toActivity(await visibleActivity(request.ctx, request.params.id)),
  );

  app.patch(
    '/api/activities/:id',
    {
      config: on(caps['course:update'], activityContextId),
      schema: {
        tags: ['activités'],
        description: IF_MATCH_DOC,
        params: IdParams,
        body: ActivityUpdateBody,
        response: { 200: Activity },
      },
    },
    async (request) => {
      const activity = await updateActivity(
        request.ctx,
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      return toActivity(activity);
    },
  );

  app.delete(
    '/api/activities/:id',
    {
      config: on(caps['course:update'], activityContextId),
      schema: { tags: ['activités'], params: IdParams },
    },
    async (request, reply) => {
      await deleteActivity(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/activities/:id/move',
    {
      config: on(caps['course:update'], activityContextId),
      schema: { tags: ['activités'], params: IdParams, body: ActivityMoveBody },
    },
    async (request, reply) => {
      await moveActivity(request.ctx, request.params.id, request.body.sectionId, request.body.position);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/activity-kinds',
    {
      config: { access: { capability: caps['course:update'] } },
      schema: { tags: ['activités'], response: { 200: z.array(ActivityKindInfo) } },
    },
    async (request) => chooserKinds(db, actorOf(request).userId),
  );

  app.put(
    '/api/activity-kinds/:kind/favourite',
    {
      config: { access: { capability: caps['course:update'] } },
      schema: {
        tags: ['activités'],
        params: z.object({ kind: z.string().max(50) }),
        body: z.object({ favourite: z.boolean() }),
      },
    },
    async (request, reply) => {
      await setFavourite(db, actorOf(request).userId, request.params.kind, request.body.favourite);
      return reply.status(204).send();
    },
  );
};

import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
  CoursePage,
  CoursePageQuery,
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
import { assertActivityVisible, chooserKinds, setFavourite } from '../activities/index.ts';
import { activitiesOutOfReach } from '../enrolment/index.ts';
import { CoursePageCache } from './page-cache.ts';
import { courseCapabilities as caps } from './policy.ts';
import { courses } from './schema.ts';
import {
  activityContextId,
  addActivity,
  addSection,
  courseContextId,
  courseOut,
  coursePage,
  createCourse,
  deleteActivity,
  deleteSection,
  duplicateCourse,
  exportCourse,
  importCourse,
  listCourses,
  moveActivity,
  orderSections,
  pageAccess,
  sectionContextId,
  toActivity,
  toCourse,
  toCourses,
  updateActivity,
  updateCourse,
  updateSection,
} from './service.ts';
import { removeThumbnail, replaceThumbnail, THUMBNAIL_MAX_BYTES, thumbnailOf } from './thumbnail.ts';

const IdParams = z.object({ id: Uuid });

export const courseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, files, events } = app.deps;
  // Forgets a course's pages on the events that change it (see page-cache.ts): no route here does.
  const pages = new CoursePageCache(events);
  app.addHook('onClose', async () => pages.close());
  // The context named by the :id of the path, once it is known to be a well-formed id.
  const ctxOf = (request: FastifyRequest) => ({ db, actor: actorOf(request), origin: request.origin, files });

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
    async (request) => toCourses(db, await listCourses(db, actorOf(request), request.query.domainId)),
  );

  app.post(
    '/api/courses',
    {
      config: { access: { capability: caps['course:create'] } },
      schema: { tags: ['parcours'], body: CourseCreateBody, response: { 201: Course } },
    },
    async (request, reply) =>
      reply.status(201).send(toCourse(await createCourse(ctxOf(request), request.body), null)),
  );

  app.get(
    '/api/courses/:id',
    {
      config: on(caps['course:view'], courseContextId),
      // Served from the page cache, already serialised and compressed.
      compress: false,
      schema: {
        tags: ['parcours'],
        params: IdParams,
        querystring: CoursePageQuery,
        response: { 200: CoursePage },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const actor = actorOf(request);
      const rights =
        request.query.view === 'participant'
          ? { canEdit: false, seeHidden: false }
          : await pageAccess(db, actor, id);
      // Who does not see everything gets the page of the groups they are in: the activities left out
      // for them are part of the key, so a page is shared only by people who see the same activities.
      const outOfReach = rights.seeHidden ? [] : await activitiesOutOfReach(db, id, actor.userId);
      const access = { ...rights, outOfReach };
      const reach = outOfReach.length
        ? createHash('sha1').update(outOfReach.join(',')).digest('base64url')
        : 'all';
      const key = `${id}:${access.seeHidden}:${access.canEdit}:${reach}`;
      let cached = pages.get(key);
      if (!cached) {
        const { page, opensAt } = await coursePage(db, id, access);
        cached = pages.set(key, id, page, opensAt);
      }
      // Bytes from the cache, not an object to validate and serialise again: the untyped reply.
      const raw = reply as unknown as FastifyReply;
      raw
        .header('etag', cached.etag)
        .header('cache-control', 'private, no-cache')
        .header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === cached.etag) return raw.status(304).send();
      raw.type('application/json; charset=utf-8');
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? ''))
        return raw.header('content-encoding', 'gzip').send(cached.gzip);
      return raw.send(cached.json);
    },
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
        ctxOf(request),
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
      const course = await duplicateCourse(ctxOf(request), request.params.id, request.body);
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
      const { manifest, stream } = await exportCourse(db, files, request.params.id);
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
            const course = await importCourse(ctxOf(request), domainId, part.file);
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
      await removeThumbnail(ctxOf(request), request.params.id);
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
        await replaceThumbnail(ctxOf(request), id, {
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
      const section = await addSection(ctxOf(request), request.params.id, request.body);
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
      await orderSections(ctxOf(request), request.params.id, request.body.ids);
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
        ctxOf(request),
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
      await deleteSection(ctxOf(request), request.params.id);
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
      const activity = await addActivity(ctxOf(request), request.params.id, request.body);
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
    async (request) => toActivity(await assertActivityVisible(db, actorOf(request), request.params.id)),
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
        ctxOf(request),
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
      await deleteActivity(ctxOf(request), request.params.id);
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
      await moveActivity(ctxOf(request), request.params.id, request.body.sectionId, request.body.position);
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

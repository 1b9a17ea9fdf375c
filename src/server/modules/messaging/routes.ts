/**
 * The internal mail's HTTP face. Every route is open to any signed-in person (each has a mailbox); what
 * they may reach is decided by the service: only their own copies of messages, only people of their courses.
 */
import multipart from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Conversation,
  Draft,
  DraftBody,
  DraftUpdateBody,
  LabelAssignBody,
  LabelBody,
  MessageFlagsBody,
  MessageLabel,
  MessageList,
  MessageListQuery,
  MessagingLimits,
  MessagingPreferences,
  PeopleList,
  PeopleQuery,
  RecipientOptions,
  SendResult,
  UnreadCounts,
} from '../../../shared/messaging.ts';
import { PLATFORM_CONTEXT_ID } from '../../platform/access/contexts.ts';
import { expectedVersion, IF_MATCH_DOC } from '../../platform/concurrency/index.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import {
  DEFAULT_MESSAGING_LIMITS,
  getVersionedSetting,
  MESSAGING_LIMITS_KEY,
  messagingLimits,
  setSetting,
  settingsCapabilities,
} from '../settings/index.ts';
import { deliverDeps } from './jobs.ts';
import { messagingPreferences } from './schema.ts';
import {
  attachmentFor,
  countAttachments,
  createDraft,
  createLabel,
  deleteDraft,
  deleteForever,
  deleteLabel,
  draftOf,
  getConversation,
  getMessage,
  labelConversation,
  listLabels,
  listMessages,
  readConversation,
  recipientOptions,
  searchPeople,
  sendDraft,
  sendNew,
  setFlags,
  unlabelConversation,
  unreadCounts,
  updateDraft,
  updateLabel,
} from './service.ts';

const Id = z.object({ id: z.uuid() });
const tags = ['messagerie'];
const authenticated = { access: 'authenticated' as const };
/** At most this many files per upload request. */
const FILES_PER_UPLOAD = 10;

export const messagingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, files } = app.deps;
  const after = deliverDeps({ mailer: app.deps.mailer, publicUrl: app.deps.config.publicUrl });
  await app.register(multipart, {
    limits: {
      fileSize: files.maxBytes + 1,
      files: FILES_PER_UPLOAD,
      fields: 2,
      fieldSize: 1000,
      parts: FILES_PER_UPLOAD + 2,
      headerPairs: 20,
    },
  });

  app.get(
    '/api/messaging/messages',
    {
      config: authenticated,
      schema: { tags, querystring: MessageListQuery, response: { 200: MessageList } },
    },
    async (request) => listMessages(request.ctx, request.query),
  );

  app.get(
    '/api/messaging/unread',
    { config: authenticated, schema: { tags, response: { 200: UnreadCounts } } },
    async (request) => unreadCounts(request.ctx),
  );

  app.get(
    '/api/messaging/messages/:id',
    { config: authenticated, schema: { tags, params: Id, response: { 200: Draft } } },
    async (request) => getMessage(request.ctx, request.params.id),
  );

  app.get(
    '/api/messaging/messages/:id/conversation',
    { config: authenticated, schema: { tags, params: Id, response: { 200: Conversation } } },
    async (request) => getConversation(request.ctx, request.params.id),
  );

  app.patch(
    '/api/messaging/messages/:id',
    { config: authenticated, schema: { tags, params: Id, body: MessageFlagsBody } },
    async (request, reply) => {
      await setFlags(request.ctx, request.params.id, request.body);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/messaging/messages/:id',
    { config: authenticated, schema: { tags, params: Id } },
    async (request, reply) => {
      await deleteForever(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/messaging/conversations/:id/read',
    { config: authenticated, schema: { tags, params: Id } },
    async (request, reply) => {
      await readConversation(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/messaging/messages',
    { config: authenticated, schema: { tags, body: DraftBody, response: { 201: SendResult } } },
    async (request, reply) => reply.status(201).send(await sendNew(request.ctx, request.body, after)),
  );

  // Drafts: created, autosaved with their version (stale → 409), sent.
  app.post(
    '/api/messaging/drafts',
    {
      config: authenticated,
      schema: { tags, body: DraftBody, response: { 201: z.object({ id: z.uuid(), version: z.number() }) } },
    },
    async (request, reply) => reply.status(201).send(await createDraft(request.ctx, request.body)),
  );

  app.put(
    '/api/messaging/drafts/:id',
    {
      config: authenticated,
      schema: {
        tags,
        params: Id,
        body: DraftUpdateBody,
        response: { 200: z.object({ id: z.uuid(), version: z.number() }) },
      },
    },
    async (request) => updateDraft(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/messaging/drafts/:id',
    { config: authenticated, schema: { tags, params: Id } },
    async (request, reply) => {
      await deleteDraft(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/messaging/drafts/:id/send',
    {
      config: authenticated,
      schema: {
        tags,
        description: IF_MATCH_DOC,
        params: Id,
        body: z.object({ version: z.number().int().min(1).optional() }).optional(),
        response: { 201: SendResult },
      },
    },
    async (request, reply) => {
      const version = request.body?.version ?? expectedVersion(request);
      return reply.status(201).send(await sendDraft(request.ctx, request.params.id, version, after));
    },
  );

  app.post(
    '/api/messaging/drafts/:id/attachments',
    {
      config: authenticated,
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        params: Id,
        response: {
          201: z.array(z.object({ id: z.uuid(), filename: z.string(), size: z.number(), mime: z.string() })),
        },
      },
    },
    async (request, reply) => {
      const draft = await draftOf(db, request.ctx.actor.userId, request.params.id);
      if (!request.isMultipart())
        throw new HttpProblem(415, 'unsupported_media_type', 'errors.unsupportedMediaType');
      const { attachmentMaxBytes } = await messagingLimits(db);
      const owner = { type: 'message', id: draft.id };
      const saved: Awaited<ReturnType<typeof files.saveUpload>>[] = [];
      try {
        for await (const part of request.files()) {
          saved.push(
            await files.saveUpload(db, {
              stream: part.file,
              filename: part.filename,
              declaredMime: part.mimetype,
              owner,
              createdBy: request.ctx.actor.userId,
              maxBytes: attachmentMaxBytes,
            }),
          );
        }
      } catch (error) {
        // All or nothing: a file over the limit leaves none of this request's files behind.
        for (const link of saved) await files.unlink(db, link.id);
        throw error;
      }
      if (saved.length === 0) throw new HttpProblem(400, 'file_required', 'errors.fileRequired');
      await countAttachments(db, files, draft.id);
      return reply
        .status(201)
        .send(saved.map((l) => ({ id: l.id, filename: l.filename, size: Number(l.size), mime: l.mime })));
    },
  );

  app.delete(
    '/api/messaging/drafts/:id/attachments/:linkId',
    { config: authenticated, schema: { tags, params: z.object({ id: z.uuid(), linkId: z.uuid() }) } },
    async (request, reply) => {
      const draft = await draftOf(db, request.ctx.actor.userId, request.params.id);
      const link = await attachmentFor(request.ctx, draft.id, request.params.linkId);
      await db.transaction(async (tx) => {
        await files.unlink(tx, link.id);
        await countAttachments(tx, files, draft.id);
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/messaging/messages/:id/attachments/:linkId',
    {
      config: authenticated,
      compress: false,
      schema: { tags, params: z.object({ id: z.uuid(), linkId: z.uuid() }) },
    },
    async (request, reply) => {
      const link = await attachmentFor(request.ctx, request.params.id, request.params.linkId);
      return files.send(reply, link, { inline: false });
    },
  );

  // Recipients
  app.get(
    '/api/messaging/recipients',
    { config: authenticated, schema: { tags, response: { 200: RecipientOptions } } },
    async (request) => recipientOptions(request.ctx),
  );

  app.get(
    '/api/messaging/people',
    { config: authenticated, schema: { tags, querystring: PeopleQuery, response: { 200: PeopleList } } },
    async (request) => searchPeople(request.ctx, request.query.courseId, request.query.q),
  );

  // Labels
  app.get(
    '/api/messaging/labels',
    { config: authenticated, schema: { tags, response: { 200: z.array(MessageLabel) } } },
    async (request) => listLabels(request.ctx),
  );

  app.post(
    '/api/messaging/labels',
    { config: authenticated, schema: { tags, body: LabelBody, response: { 201: MessageLabel } } },
    async (request, reply) => reply.status(201).send(await createLabel(request.ctx, request.body)),
  );

  app.put(
    '/api/messaging/labels/:id',
    { config: authenticated, schema: { tags, params: Id, body: LabelBody, response: { 200: MessageLabel } } },
    async (request) => updateLabel(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/messaging/labels/:id',
    { config: authenticated, schema: { tags, params: Id } },
    async (request, reply) => {
      await deleteLabel(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/messaging/labels/:id/conversations',
    { config: authenticated, schema: { tags, params: Id, body: LabelAssignBody } },
    async (request, reply) => {
      await labelConversation(request.ctx, request.params.id, request.body.conversationId);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/messaging/labels/:id/conversations/:conversationId',
    { config: authenticated, schema: { tags, params: z.object({ id: z.uuid(), conversationId: z.uuid() }) } },
    async (request, reply) => {
      await unlabelConversation(request.ctx, request.params.id, request.params.conversationId);
      return reply.status(204).send();
    },
  );

  // Preferences
  app.get(
    '/api/messaging/preferences',
    { config: authenticated, schema: { tags, response: { 200: MessagingPreferences } } },
    async (request) => {
      const [row] = await db
        .select({ emailCopy: messagingPreferences.emailCopy })
        .from(messagingPreferences)
        .where(eq(messagingPreferences.userId, request.ctx.actor.userId));
      return { emailCopy: row?.emailCopy ?? false };
    },
  );

  app.put(
    '/api/messaging/preferences',
    {
      config: authenticated,
      schema: { tags, body: MessagingPreferences, response: { 200: MessagingPreferences } },
    },
    async (request) => {
      await db
        .insert(messagingPreferences)
        .values({ userId: request.ctx.actor.userId, emailCopy: request.body.emailCopy })
        .onConflictDoUpdate({
          target: messagingPreferences.userId,
          set: { emailCopy: request.body.emailCopy },
        });
      return request.body;
    },
  );

  // Administrators' limits: attachment size and the trash's retention.
  const configure = {
    access: {
      capability: settingsCapabilities['platform:configure'],
      context: async () => PLATFORM_CONTEXT_ID,
    },
  };
  app.get(
    '/api/admin/messaging',
    { config: configure, schema: { tags, response: { 200: MessagingLimits } } },
    async () => {
      const { value, version } = await getVersionedSetting(
        db,
        MESSAGING_LIMITS_KEY,
        DEFAULT_MESSAGING_LIMITS,
      );
      return { ...DEFAULT_MESSAGING_LIMITS, ...value, version };
    },
  );

  app.put(
    '/api/admin/messaging',
    {
      config: configure,
      schema: {
        tags,
        description: IF_MATCH_DOC,
        body: MessagingLimits.omit({ version: true }),
        response: { 200: MessagingLimits },
      },
    },
    async (request) => {
      const value = {
        attachmentMaxBytes: Math.min(request.body.attachmentMaxBytes, files.maxBytes),
        trashRetentionDays: request.body.trashRetentionDays,
      };
      const version = await setSetting(request.ctx, MESSAGING_LIMITS_KEY, value, expectedVersion(request));
      return { ...value, version };
    },
  );
};

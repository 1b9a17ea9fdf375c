/**
 * The deposit space ("espace de dépôt de fichiers"): each participant deposits a production — files and a
 * description — sees the others' (all of them, or only those of people sharing one of her groups), and
 * comments on them; trainers hide, show and delete deposits and comments and download everything as one
 * zip. Completion: has deposited (`submit`).
 *
 * Every row is people's work (the designer's instructions are in the settings): a copy carries deposits
 * only with user data, a reset removes them, the archive carries none.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DepositSettings } from '../../../../shared/activity-settings.ts';
import { Uuid } from '../../../../shared/api.ts';
import {
  DepositBody,
  DepositComment,
  DepositCommentBody,
  type DepositEntry,
  DepositEntry as DepositEntrySchema,
  DepositModeration,
  DepositSpace,
} from '../../../../shared/deposit.ts';
import { type Actor, can } from '../../../platform/access/can.ts';
import type { Capability } from '../../../platform/access/capabilities.ts';
import { findContext } from '../../../platform/access/contexts.ts';
import { assertVersion, expectedVersion, staleVersion } from '../../../platform/concurrency/index.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { type FileLink, fileLinks } from '../../../platform/files/index.ts';
import { actorOf } from '../../../platform/http/guard.ts';
import { HttpProblem, problems } from '../../../platform/http/problem.ts';
import { sanitizePlainText, sanitizeRichText } from '../../../platform/richtext/sanitize.ts';
import { userNames } from '../../accounts/index.ts';
import {
  type ActivityHookContext,
  type ActivityRouteKit,
  type ActivityRow,
  defineActivity,
} from '../contract.ts';
import { registerUploads, saveUploads, toFolderFile } from '../file/upload.ts';
import { groupsOfPeople } from '../groups.ts';
import { reportActivityOutcome } from '../outcomes.ts';
import { depositComments, depositEntries } from './schema.ts';

type EntryRow = typeof depositEntries.$inferSelect;
type CommentRow = typeof depositComments.$inferSelect;

const OWNER_TYPE = 'deposit-entry';
/** The owner of a deposit's files in the file store. */
export const entryOwner = (entryId: string) => ({ type: OWNER_TYPE, id: entryId });

const MB = 1024 * 1024;
/** The most files one request may carry, whatever the settings say (they allow 20). */
const UPLOAD_PARTS = 20;

const IdParams = z.object({ id: Uuid });
const EntryParams = z.object({ id: Uuid, entryId: Uuid });
const CommentParams = z.object({ id: Uuid, commentId: Uuid });
const LinkParams = z.object({ id: Uuid, linkId: Uuid });
const tags = ['activités'];

const settingsOf = (activity: ActivityRow) => DepositSettings.parse(activity.settings);

const tooManyFiles = () => new HttpProblem(413, 'deposit_too_many_files', 'errors.depositTooManyFiles');
const emptyDeposit = () => problems.invalid('deposit_empty', 'errors.depositEmpty', 'description');
const commentsClosed = () => new HttpProblem(403, 'deposit_comments_closed', 'errors.depositCommentsClosed');

/** A zip named after the activity, without the characters file systems refuse. */
const zipName = (title: string) =>
  `${title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim() || 'depots'} - dépôts`;

/** Rich text with nothing to read or see (empty paragraphs, what the sanitiser left of a script). */
const isBlank = (html: string) => sanitizePlainText(html, 1) === '' && !/<img\b/i.test(html);

// — Reading the space —

async function entriesOf(tx: Tx, activityId: string) {
  return tx
    .select()
    .from(depositEntries)
    .where(eq(depositEntries.activityId, activityId))
    .orderBy(desc(depositEntries.createdAt), asc(depositEntries.id));
}

async function linksOf(tx: Tx, entryIds: readonly string[]) {
  const byEntry = new Map<string, FileLink[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = await tx
    .select()
    .from(fileLinks)
    .where(and(eq(fileLinks.ownerType, OWNER_TYPE), inArray(fileLinks.ownerId, [...entryIds])))
    .orderBy(asc(fileLinks.position), asc(fileLinks.createdAt));
  for (const row of rows) byEntry.set(row.ownerId, [...(byEntry.get(row.ownerId) ?? []), row]);
  return byEntry;
}

async function commentsOf(tx: Tx, entryIds: readonly string[]) {
  const byEntry = new Map<string, CommentRow[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = await tx
    .select()
    .from(depositComments)
    .where(inArray(depositComments.entryId, [...entryIds]))
    .orderBy(asc(depositComments.createdAt), asc(depositComments.id));
  for (const row of rows) byEntry.set(row.entryId, [...(byEntry.get(row.entryId) ?? []), row]);
  return byEntry;
}

/**
 * Which deposits a reader sees: a moderator, all of them (hidden ones too); anyone else, her own and the
 * others' that are not hidden — in separate groups, only those of people sharing one of her groups (a
 * reader in no group sees only her own).
 */
async function readableBy(
  tx: Tx,
  activity: ActivityRow,
  actor: Actor,
  moderate: boolean,
  rows: EntryRow[],
): Promise<EntryRow[]> {
  if (moderate) return rows;
  const me = actor.userId;
  const shown = rows.filter((row) => row.userId === me || !row.hidden);
  if (settingsOf(activity).groupMode === 'all') return shown;
  const groups = await groupsOfPeople(tx, activity.courseId, [me, ...shown.map((row) => row.userId)]);
  const mine = new Set(groups.get(me) ?? []);
  return shown.filter(
    (row) => row.userId === me || (groups.get(row.userId) ?? []).some((group) => mine.has(group)),
  );
}

/** The entries as the reader gets them: names, files, and the comments she may read. */
async function describeEntries(
  tx: Tx,
  actor: Actor,
  moderate: boolean,
  rows: EntryRow[],
): Promise<DepositEntry[]> {
  const ids = rows.map((row) => row.id);
  const [links, comments] = await Promise.all([linksOf(tx, ids), commentsOf(tx, ids)]);
  const people = [
    ...rows.map((row) => row.userId),
    ...[...comments.values()].flat().map((comment) => comment.userId),
  ];
  const names = await userNames(tx, people);
  const person = (id: string) => {
    const name = names.get(id);
    return { id, name: name ? `${name.firstName} ${name.lastName}`.trim() : '' };
  };
  return rows.map((row) => ({
    id: row.id,
    author: person(row.userId),
    description: row.description,
    hidden: row.hidden,
    mine: row.userId === actor.userId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    files: (links.get(row.id) ?? []).map(toFolderFile),
    comments: (comments.get(row.id) ?? [])
      .filter((c) => moderate || !c.hidden || c.userId === actor.userId)
      .map((c) => describeComment(c, actor, person(c.userId))),
  }));
}

const describeComment = (
  c: CommentRow,
  actor: Actor,
  author: { id: string; name: string },
): DepositComment => ({
  id: c.id,
  author,
  body: c.body,
  hidden: c.hidden,
  mine: c.userId === actor.userId,
  createdAt: c.createdAt.toISOString(),
});

// — Removing rows —

/** Removes deposits with their comments and the links of their files. */
async function removeEntries(ctx: Pick<ActivityHookContext, 'tx' | 'files'>, rows: { id: string }[]) {
  for (const row of rows) await ctx.files.unlinkOwner(ctx.tx, entryOwner(row.id));
  if (rows.length === 0) return;
  const ids = rows.map((row) => row.id);
  await ctx.tx.delete(depositComments).where(inArray(depositComments.entryId, ids));
  await ctx.tx.delete(depositEntries).where(inArray(depositEntries.id, ids));
}

const routes =
  (kit: ActivityRouteKit): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, files } = app.deps;
    await registerUploads(app, { files: UPLOAD_PARTS });

    /** Whether the actor holds one of the kind's capabilities in the activity's context. */
    const holds = async (tx: Tx, actor: Actor, activity: ActivityRow, capability: Capability) => {
      const context = await findContext(tx, 'activity', activity.id);
      return context ? can(tx, actor, capability, context.id) : false;
    };

    const myEntry = async (tx: Tx, activityId: string, userId: string, lock = false) => {
      const query = tx
        .select()
        .from(depositEntries)
        .where(and(eq(depositEntries.activityId, activityId), eq(depositEntries.userId, userId)));
      const [row] = lock ? await query.for('update') : await query;
      return row;
    };

    /** A deposit of this activity the actor may read; 404 otherwise (as if it did not exist). */
    const readableEntry = async (tx: Tx, actor: Actor, activity: ActivityRow, entryId: string) => {
      const [row] = await tx
        .select()
        .from(depositEntries)
        .where(and(eq(depositEntries.id, entryId), eq(depositEntries.activityId, activity.id)));
      if (!row) throw problems.notFound();
      const moderate = await holds(tx, actor, activity, deposit.caps['deposit:moderate']);
      const [readable] = await readableBy(tx, activity, actor, moderate, [row]);
      if (!readable) throw problems.notFound();
      return { entry: readable, moderate };
    };

    const describeOne = async (tx: Tx, actor: Actor, activity: ActivityRow, row: EntryRow) => {
      const moderate = await holds(tx, actor, activity, deposit.caps['deposit:moderate']);
      return (await describeEntries(tx, actor, moderate, [row]))[0]!;
    };

    app.get(
      '/api/activities/:id/deposit',
      { config: kit.view, schema: { tags, params: IdParams, response: { 200: DepositSpace } } },
      async (request) => {
        const actor = actorOf(request);
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        const [submit, comment, moderate] = await Promise.all(
          (['deposit:submit', 'deposit:comment', 'deposit:moderate'] as const).map((name) =>
            holds(db, actor, activity, deposit.caps[name]),
          ),
        );
        const rows = await readableBy(db, activity, actor, moderate!, await entriesOf(db, activity.id));
        const described = await describeEntries(db, actor, moderate!, rows);
        return {
          mine: described.find((entry) => entry.mine) ?? null,
          entries: described.filter((entry) => !entry.mine),
          may: { submit: submit!, comment: comment! && settingsOf(activity).comments, moderate: moderate! },
        };
      },
    );

    // — The participant's own deposit —

    app.put(
      '/api/activities/:id/deposit',
      {
        config: kit.onActivity(deposit.caps['deposit:submit']),
        schema: { tags, params: IdParams, body: DepositBody, response: { 200: DepositEntrySchema } },
      },
      async (request) => {
        const actor = actorOf(request);
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        const description = sanitizeRichText(request.body.description);
        const expected = expectedVersion(request);
        const { now } = request.ctx;
        return db.transaction(async (tx) => {
          const existing = await myEntry(tx, activity.id, actor.userId, true);
          let row: EntryRow | undefined;
          if (existing) {
            assertVersion(existing.version, expected);
            const hasFiles = (await files.listLinks(tx, entryOwner(existing.id))).length > 0;
            if (isBlank(description) && !hasFiles) throw emptyDeposit();
            [row] = await tx
              .update(depositEntries)
              .set({ description, version: sql`${depositEntries.version} + 1`, updatedAt: now })
              .where(eq(depositEntries.id, existing.id))
              .returning();
          } else {
            if (isBlank(description)) throw emptyDeposit();
            [row] = await tx
              .insert(depositEntries)
              .values({
                activityId: activity.id,
                userId: actor.userId,
                description,
                createdAt: now,
                updatedAt: now,
              })
              .onConflictDoNothing()
              .returning();
            // Another request of hers made it meanwhile: her form is out of date.
            if (!row) throw staleVersion();
          }
          await reportActivityOutcome(tx, {
            userId: actor.userId,
            activityId: activity.id,
            submitted: true,
            now,
          });
          return describeOne(tx, actor, activity, row!);
        });
      },
    );

    app.post(
      '/api/activities/:id/deposit/files',
      {
        config: kit.onActivity(deposit.caps['deposit:submit']),
        schema: {
          consumes: ['multipart/form-data'],
          tags,
          params: IdParams,
          response: { 201: DepositEntrySchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        const settings = settingsOf(activity);
        const { now } = request.ctx;
        const existing = await myEntry(db, activity.id, actor.userId);
        const entryId = existing?.id ?? crypto.randomUUID();
        const held = existing ? await files.listLinks(db, entryOwner(entryId)) : [];
        const room = settings.maxFiles - held.length;
        if (room <= 0) throw tooManyFiles();
        // The bytes flow outside any transaction; on failure (too large, one file too many) the links made
        // so far are removed: all the files or none.
        let saved: FileLink[];
        try {
          saved = await saveUploads(request, {
            owner: entryOwner(entryId),
            max: room,
            maxBytes: settings.maxFileMb * MB,
            position: held.reduce((max, link) => Math.max(max, link.position + 1), 0),
          });
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_FILES_LIMIT') throw tooManyFiles();
          throw error;
        }
        try {
          const row = await db.transaction(async (tx) => {
            let written: EntryRow | undefined;
            if (existing)
              [written] = await tx
                .update(depositEntries)
                .set({ version: sql`${depositEntries.version} + 1`, updatedAt: now })
                .where(eq(depositEntries.id, entryId))
                .returning();
            else
              [written] = await tx
                .insert(depositEntries)
                .values({
                  id: entryId,
                  activityId: activity.id,
                  userId: actor.userId,
                  createdAt: now,
                  updatedAt: now,
                })
                .onConflictDoNothing()
                .returning();
            // Withdrawn meanwhile, or made by another request of hers: her page is out of date.
            if (!written) throw staleVersion();
            await reportActivityOutcome(tx, {
              userId: actor.userId,
              activityId: activity.id,
              submitted: true,
              now,
            });
            return written;
          });
          return reply.status(201).send(await describeOne(db, actor, activity, row));
        } catch (error) {
          for (const link of saved) await files.unlink(db, link.id);
          throw error;
        }
      },
    );

    app.delete(
      '/api/activities/:id/deposit/files/:linkId',
      { config: kit.onActivity(deposit.caps['deposit:submit']), schema: { tags, params: LinkParams } },
      async (request, reply) => {
        const actor = actorOf(request);
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        await db.transaction(async (tx) => {
          const entry = await myEntry(tx, activity.id, actor.userId, true);
          const link = await files.getLink(tx, request.params.linkId);
          if (!entry || link?.ownerType !== OWNER_TYPE || link.ownerId !== entry.id)
            throw problems.notFound();
          await files.unlink(tx, link.id);
          await tx
            .update(depositEntries)
            .set({ version: sql`${depositEntries.version} + 1`, updatedAt: request.ctx.now })
            .where(eq(depositEntries.id, entry.id));
        });
        return reply.status(204).send();
      },
    );

    app.delete(
      '/api/activities/:id/deposit',
      { config: kit.onActivity(deposit.caps['deposit:submit']), schema: { tags, params: IdParams } },
      async (request, reply) => {
        const actor = actorOf(request);
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        const expected = expectedVersion(request);
        await db.transaction(async (tx) => {
          const entry = await myEntry(tx, activity.id, actor.userId, true);
          if (!entry) throw problems.notFound();
          assertVersion(entry.version, expected);
          await removeEntries({ tx, files }, [entry]);
          await reportActivityOutcome(tx, {
            userId: actor.userId,
            activityId: activity.id,
            submitted: false,
            now: request.ctx.now,
          });
        });
        return reply.status(204).send();
      },
    );

    // — Reading and commenting the others' —

    app.get(
      '/api/activities/:id/deposit/files/:linkId',
      {
        config: kit.view,
        // Compressing would make Content-Length, the ETag and byte ranges describe other bytes.
        compress: false,
        schema: {
          tags,
          params: LinkParams,
          querystring: z.object({ inline: z.enum(['0', '1']).optional() }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        const link = await files.getLink(db, request.params.linkId);
        if (link?.ownerType !== OWNER_TYPE) throw problems.notFound();
        await readableEntry(db, actor, activity, link.ownerId);
        return files.send(reply, link, { inline: request.query.inline === '1' });
      },
    );

    app.post(
      '/api/activities/:id/deposit/entries/:entryId/comments',
      {
        config: kit.onActivity(deposit.caps['deposit:comment']),
        schema: { tags, params: EntryParams, body: DepositCommentBody, response: { 201: DepositComment } },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        if (!settingsOf(activity).comments) throw commentsClosed();
        const body = sanitizeRichText(request.body.body);
        if (isBlank(body)) throw problems.invalid('required', 'errors.required', 'body');
        const { entry } = await readableEntry(db, actor, activity, request.params.entryId);
        const [row] = await db
          .insert(depositComments)
          .values({ entryId: entry.id, userId: actor.userId, body, createdAt: request.ctx.now })
          .returning();
        const name = (await userNames(db, [actor.userId])).get(actor.userId);
        const author = { id: actor.userId, name: name ? `${name.firstName} ${name.lastName}`.trim() : '' };
        return reply.status(201).send(describeComment(row!, actor, author));
      },
    );

    app.delete(
      '/api/activities/:id/deposit/comments/:commentId',
      // Its author or a moderator: the handler tells which.
      { config: kit.view, schema: { tags, params: CommentParams } },
      async (request, reply) => {
        const actor = actorOf(request);
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        await db.transaction(async (tx) => {
          const comment = await commentOfActivity(tx, activity, request.params.commentId);
          const { moderate } = await readableEntry(tx, actor, activity, comment.entryId);
          if (comment.userId !== actor.userId && !moderate) throw problems.forbidden();
          await tx.delete(depositComments).where(eq(depositComments.id, comment.id));
          if (comment.userId !== actor.userId)
            await kit.audit(tx, request, activity, 'deposit.comment_deleted', { commentId: comment.id });
        });
        return reply.status(204).send();
      },
    );

    // — Moderation —

    const moderate = kit.onActivity(deposit.caps['deposit:moderate']);

    app.patch(
      '/api/activities/:id/deposit/entries/:entryId',
      {
        config: moderate,
        schema: { tags, params: EntryParams, body: DepositModeration, response: { 200: DepositModeration } },
      },
      async (request) => {
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        return db.transaction(async (tx) => {
          const [row] = await tx
            .update(depositEntries)
            .set({ hidden: request.body.hidden })
            .where(
              and(eq(depositEntries.id, request.params.entryId), eq(depositEntries.activityId, activity.id)),
            )
            .returning();
          if (!row) throw problems.notFound();
          await kit.audit(tx, request, activity, request.body.hidden ? 'deposit.hidden' : 'deposit.shown', {
            entryId: row.id,
          });
          return { hidden: row.hidden };
        });
      },
    );

    app.delete(
      '/api/activities/:id/deposit/entries/:entryId',
      { config: moderate, schema: { tags, params: EntryParams } },
      async (request, reply) => {
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        await db.transaction(async (tx) => {
          const [entry] = await tx
            .select()
            .from(depositEntries)
            .where(
              and(eq(depositEntries.id, request.params.entryId), eq(depositEntries.activityId, activity.id)),
            )
            .for('update');
          if (!entry) throw problems.notFound();
          await removeEntries({ tx, files }, [entry]);
          // Her deposit is gone: the activity is no longer done for her.
          await reportActivityOutcome(tx, {
            userId: entry.userId,
            activityId: activity.id,
            submitted: false,
            now: request.ctx.now,
          });
          await kit.audit(tx, request, activity, 'deposit.deleted', {
            entryId: entry.id,
            userId: entry.userId,
          });
        });
        return reply.status(204).send();
      },
    );

    app.patch(
      '/api/activities/:id/deposit/comments/:commentId',
      {
        config: moderate,
        schema: {
          tags,
          params: CommentParams,
          body: DepositModeration,
          response: { 200: DepositModeration },
        },
      },
      async (request) => {
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        return db.transaction(async (tx) => {
          const comment = await commentOfActivity(tx, activity, request.params.commentId);
          await tx
            .update(depositComments)
            .set({ hidden: request.body.hidden })
            .where(eq(depositComments.id, comment.id));
          await kit.audit(
            tx,
            request,
            activity,
            request.body.hidden ? 'deposit.comment_hidden' : 'deposit.comment_shown',
            { commentId: comment.id },
          );
          return { hidden: request.body.hidden };
        });
      },
    );

    app.get(
      '/api/activities/:id/deposit.zip',
      { config: moderate, compress: false, schema: { tags, params: IdParams } },
      async (request, reply) => {
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'deposit');
        const rows = await entriesOf(db, activity.id);
        const links = await linksOf(
          db,
          rows.map((row) => row.id),
        );
        const names = await userNames(
          db,
          rows.map((row) => row.userId),
        );
        // One folder per person, named as people sort them (last name first).
        const items = rows.flatMap((row) => {
          const name = names.get(row.userId);
          const folder = name ? `${name.lastName} ${name.firstName}`.trim() : row.userId;
          return (links.get(row.id) ?? []).map((link) => ({ link, path: `${folder}/${link.filename}` }));
        });
        return files.zip(reply, items, zipName(activity.title));
      },
    );
  };

/** A comment on a deposit of this activity; 404 otherwise. */
async function commentOfActivity(tx: Tx, activity: ActivityRow, commentId: string) {
  const [row] = await tx
    .select({ comment: depositComments })
    .from(depositComments)
    .innerJoin(depositEntries, eq(depositEntries.id, depositComments.entryId))
    .where(and(eq(depositComments.id, commentId), eq(depositEntries.activityId, activity.id)));
  if (!row) throw problems.notFound();
  return row.comment;
}

/** Copies deposits (with their comments and file links) from one activity to another. */
async function copyEntries(ctx: ActivityHookContext, from: ActivityRow, to: ActivityRow) {
  const rows = await entriesOf(ctx.tx, from.id);
  const comments = await commentsOf(
    ctx.tx,
    rows.map((row) => row.id),
  );
  for (const row of rows) {
    const { id, activityId: _, ...rest } = row;
    const [copy] = await ctx.tx
      .insert(depositEntries)
      .values({ ...rest, activityId: to.id })
      .returning();
    await ctx.files.copyLinks(ctx.tx, entryOwner(id), entryOwner(copy!.id));
    const of = comments.get(id) ?? [];
    if (of.length)
      await ctx.tx
        .insert(depositComments)
        .values(of.map(({ id: _id, entryId: _entry, ...c }) => ({ ...c, entryId: copy!.id })));
  }
}

export const deposit = defineActivity({
  kind: 'deposit',
  family: 'activity',
  settings: DepositSettings,
  clean: (settings) => ({ ...settings, instructions: sanitizeRichText(settings.instructions) }),
  defaults: () => DepositSettings.parse({}),
  capabilities: {
    'deposit:submit': {
      level: 'activity',
      roles: ['participant'],
      description: 'Déposer une production dans un espace de dépôt, la modifier ou la retirer',
    },
    'deposit:comment': {
      level: 'activity',
      roles: ['participant', 'trainer', 'tutor'],
      description: 'Commenter les dépôts d’un espace de dépôt',
    },
    'deposit:moderate': {
      level: 'activity',
      roles: ['trainer', 'tutor', 'domain_admin', 'manager'],
      description:
        'Voir tous les dépôts d’un espace de dépôt, masquer ou supprimer dépôts et commentaires, tout télécharger',
    },
  },
  completion: { modes: ['submit'] },
  routes,

  onCopy: async (ctx, { from, to, withUserData }) => {
    if (withUserData) await copyEntries(ctx, from, to);
  },
  onDelete: async (ctx, activity) => removeEntries(ctx, await entriesOf(ctx.tx, activity.id)),
  resetUserData: async (ctx, activity) => removeEntries(ctx, await entriesOf(ctx.tx, activity.id)),
  userData: {
    export: async (ctx, activity, userId) => {
      const rows = await entriesOf(ctx.tx, activity.id);
      const mine = rows.find((row) => row.userId === userId);
      const ids = rows.map((row) => row.id);
      const comments = ids.length
        ? await ctx.tx
            .select()
            .from(depositComments)
            .where(and(inArray(depositComments.entryId, ids), eq(depositComments.userId, userId)))
            .orderBy(asc(depositComments.createdAt))
        : [];
      if (!mine && comments.length === 0) return undefined;
      const files = mine ? await ctx.files.listLinks(ctx.tx, entryOwner(mine.id)) : [];
      return {
        deposit: mine
          ? {
              description: mine.description,
              hidden: mine.hidden,
              createdAt: mine.createdAt.toISOString(),
              updatedAt: mine.updatedAt.toISOString(),
              files: files.map((link) => ({ filename: link.filename, size: link.size, sha256: link.sha256 })),
            }
          : null,
        comments: comments.map((c) => ({
          onDeposit: c.entryId,
          body: c.body,
          createdAt: c.createdAt.toISOString(),
        })),
      };
    },
    erase: async (ctx, activity, userId) => {
      const rows = await entriesOf(ctx.tx, activity.id);
      await removeEntries(
        ctx,
        rows.filter((row) => row.userId === userId),
      );
      const ids = rows.filter((row) => row.userId !== userId).map((row) => row.id);
      if (ids.length)
        await ctx.tx
          .delete(depositComments)
          .where(and(inArray(depositComments.entryId, ids), eq(depositComments.userId, userId)));
    },
  },
});

declare module '../../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof deposit.caps, true> {}
}

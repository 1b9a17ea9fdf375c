/**
 * A kind that exists only in the test suite, to prove the activity contract: `test-notes` owns a table of
 * its own and files of its own owners, and the course engine carries them through duplication, sessions,
 * the archive, a reset and deletion knowing nothing of it but its contract.
 *
 * Its rows: the designer's notes (no `user_id`: content, copied and archived) and the participants' notes
 * (people's work: copied only with user data, removed by a reset, exported and erased for the GDPR). A
 * designer's note may have an attachment, linked to the owner `{ type: 'test-note', id }`.
 *
 * The table is not in the platform's migrations: the test creates it in its own database (`NOTES_DDL`).
 * Its foreign key to `activities` has no cascade on purpose, so that an activity deleted without the
 * kind's `onDelete` having run fails instead of passing silently.
 */
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../../shared/api.ts';
import { actorOf } from '../../../platform/http/guard.ts';
import { publish } from '../../../platform/realtime/publish.ts';
import {
  type ActivityHookContext,
  type ActivityRouteKit,
  type ActivityRow,
  defineActivity,
} from '../contract.ts';
import { archiveFileRef } from '../lifecycle.ts';
import { reportActivityOutcome } from '../outcomes.ts';

export const NOTES_DDL = `
  CREATE TABLE IF NOT EXISTS test_activity_notes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    activity_id uuid NOT NULL REFERENCES activities(id),
    user_id uuid REFERENCES users(id),
    position integer NOT NULL DEFAULT 0,
    body text NOT NULL
  )`;

export const testNotes = pgTable('test_activity_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  activityId: uuid('activity_id').notNull(),
  userId: uuid('user_id'),
  position: integer('position').notNull().default(0),
  body: text('body').notNull(),
});

/** The owner of a note's attachment in the file store. */
export const noteOwner = (noteId: string) => ({ type: 'test-note', id: noteId });

const NotesSettings = z.object({ prompt: z.string().max(1000) });

const FileRef = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  filename: z.string().min(1).max(255),
  mime: z.string().max(255),
  size: z.number().int().min(0),
});
/** What the archive carries: the designer's notes, in order, with their attachments. */
const NotesData = z.object({
  notes: z.array(z.object({ body: z.string().max(10_000), attachment: FileRef.optional() })).max(100),
});

const notesOf = (ctx: ActivityHookContext, activityId: string, which: 'content' | 'people' | 'all') =>
  ctx.tx
    .select()
    .from(testNotes)
    .where(
      and(
        eq(testNotes.activityId, activityId),
        which === 'content'
          ? isNull(testNotes.userId)
          : which === 'people'
            ? isNotNull(testNotes.userId)
            : sql`true`,
      ),
    )
    .orderBy(asc(testNotes.position), asc(testNotes.id));

async function removeNotes(ctx: ActivityHookContext, rows: { id: string }[]) {
  for (const row of rows) {
    await ctx.files.unlinkOwner(ctx.tx, noteOwner(row.id));
    await ctx.tx.delete(testNotes).where(eq(testNotes.id, row.id));
  }
}

const routes =
  (kit: ActivityRouteKit): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = app.deps;
    app.post(
      '/api/activities/:id/test-notes',
      {
        config: kit.onActivity(notes.caps['test-notes:write']),
        schema: {
          params: z.object({ id: Uuid }),
          body: z.object({ body: z.string().trim().min(1).max(10_000) }),
          response: { 201: z.object({ id: Uuid }) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'test-notes');
        const id = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(testNotes)
            .values({ activityId: activity.id, userId: actor.userId, body: request.body.body })
            .returning();
          await reportActivityOutcome(tx, {
            userId: actor.userId,
            activityId: activity.id,
            complete: true,
            now: request.ctx.now,
          });
          await publish(tx, `activity:${activity.id}:notes`, { id: row!.id, body: row!.body });
          return row!.id;
        });
        return reply.status(201).send({ id });
      },
    );
  };

export const notes = defineActivity({
  kind: 'test-notes',
  family: 'activity',
  settings: NotesSettings,
  defaults: () => ({ prompt: '' }),
  capabilities: {
    'test-notes:read': {
      level: 'activity',
      roles: ['participant', 'trainer'],
      description: 'Lire les notes en direct (type d’activité des tests)',
    },
    'test-notes:write': {
      level: 'activity',
      roles: ['participant'],
      description: 'Écrire une note (type d’activité des tests)',
    },
  },
  // Readers of the activity hear new notes live: the realtime layer's tests publish through it.
  channels: {
    notes: { capability: 'test-notes:read', message: z.object({ id: Uuid, body: z.string() }) },
  },
  completion: {
    modes: ['kind'],
    // Done: has written a note.
    evaluate: async (ctx, activity) =>
      (
        await ctx.tx
          .selectDistinct({ userId: testNotes.userId })
          .from(testNotes)
          .where(and(eq(testNotes.activityId, activity.id), isNotNull(testNotes.userId)))
      ).map((row) => row.userId!),
  },
  routes,

  onCopy: async (ctx, { from, to, withUserData }) => {
    for (const note of await notesOf(ctx, from.id, withUserData ? 'all' : 'content')) {
      const [copy] = await ctx.tx
        .insert(testNotes)
        .values({ activityId: to.id, userId: note.userId, position: note.position, body: note.body })
        .returning();
      await ctx.files.copyLinks(ctx.tx, noteOwner(note.id), noteOwner(copy!.id));
    }
  },
  onDelete: async (ctx, activity) => removeNotes(ctx, await notesOf(ctx, activity.id, 'all')),

  exportData: async (ctx, activity: ActivityRow) => {
    const content = await notesOf(ctx, activity.id, 'content');
    if (content.length === 0) return undefined;
    const exported = [];
    for (const note of content) {
      const [attachment] = await ctx.files.listLinks(ctx.tx, noteOwner(note.id));
      exported.push({ body: note.body, ...(attachment && { attachment: archiveFileRef(attachment) }) });
    }
    return {
      data: { notes: exported },
      files: exported.flatMap((n) => (n.attachment ? [n.attachment] : [])),
    };
  },
  dataSchema: NotesData,
  importData: async (ctx, activity, data) => {
    for (const [position, note] of data.notes.entries()) {
      const [row] = await ctx.tx
        .insert(testNotes)
        .values({ activityId: activity.id, position, body: note.body })
        .returning();
      if (note.attachment) await ctx.linkFile(note.attachment, noteOwner(row!.id));
    }
  },

  resetUserData: async (ctx, activity) => removeNotes(ctx, await notesOf(ctx, activity.id, 'people')),
  userData: {
    export: async (ctx, activity, userId) => {
      const mine = (await notesOf(ctx, activity.id, 'people')).filter((n) => n.userId === userId);
      return mine.length ? { notes: mine.map((n) => n.body) } : undefined;
    },
    erase: async (ctx, activity, userId) =>
      removeNotes(
        ctx,
        (await notesOf(ctx, activity.id, 'people')).filter((n) => n.userId === userId),
      ),
  },
});

declare module '../../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof notes.caps, true> {}
}

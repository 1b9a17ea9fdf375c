import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ImageUploaded, Uuid } from '../../../../shared/api.ts';
import type { Actor } from '../../../platform/access/can.ts';
import { roleHas } from '../../../platform/access/capabilities.ts';
import { findContext } from '../../../platform/access/contexts.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { Servable } from '../../../platform/files/index.ts';
import { actorOf } from '../../../platform/http/guard.ts';
import { HttpProblem, problems } from '../../../platform/http/problem.ts';
import { courseCapabilities as caps } from '../../courses/index.ts';
import { registerUploads, saveUploads } from './upload.ts';

export const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const imageRefused = () => new HttpProblem(415, 'unsupported_media_type', 'errors.imageTypeRefused');

/** The address of an image in rich text: by content, so a copied course's text needs no rewriting. */
export const imageUrl = (sha256: string, filename: string) =>
  `/api/files/${sha256}/${encodeURIComponent(filename)}`;

/**
 * An image with this content the actor may see: one linked to a course — or to an activity of a course —
 * where the actor holds `course:view`. One query: the course context's path must contain a context where
 * one of the actor's roles grants it.
 */
export async function viewableImage(
  db: Tx,
  actor: Actor,
  sha256: string,
  filename: string,
): Promise<Servable | undefined> {
  // Roles given in a course count there; roles given above count as far as the course's stage lets them
  // reach (courses/visibility.ts).
  const viewing = actor.grants.filter((g) => roleHas(g.role, caps['course:view']));
  if (viewing.length === 0) return undefined;
  const ids = (keep: (g: (typeof viewing)[number]) => boolean) => {
    const list = [...new Set(viewing.filter(keep).map((g) => g.contextId))];
    return list.length
      ? sql`ARRAY[${sql.join(
          list.map((id) => sql`${id}`),
          sql`, `,
        )}]::int[]`
      : sql`'{}'::int[]`;
  };
  const inCourse = ids((g) => g.level === 'course' || g.level === 'activity');
  const toSessions = ids((g) => roleHas(g.role, caps['course:viewsessions']));
  const toDrafts = ids((g) => roleHas(g.role, caps['course:viewdrafts']));
  const types = sql.join(
    [...IMAGE_TYPES].map((type) => sql`${type}`),
    sql`, `,
  );
  const result = await db.execute<{
    sha256: string;
    filename: string;
    mime: string;
    size: string | number;
    created_at: Date;
  }>(sql`
    SELECT l.sha256, l.filename, l.mime, l.size, l.created_at
    FROM file_links l
    LEFT JOIN activities a ON l.owner_type = 'activity' AND a.id::text = l.owner_id
    JOIN contexts c ON c.level = 'course'
      AND c.instance_id = CASE WHEN l.owner_type = 'course' THEN l.owner_id ELSE a.course_id::text END
    JOIN courses co ON co.id::text = c.instance_id
    WHERE l.sha256 = ${sha256}
      AND l.owner_type IN ('course', 'activity')
      AND l.mime IN (${types})
      AND (string_to_array(substr(c.path, 2), '/')::int[] && ${inCourse}
        OR string_to_array(substr(c.path, 2), '/')::int[]
          && CASE WHEN co.stage LIKE 'session%' THEN ${toSessions} ELSE ${toDrafts} END)
    ORDER BY (l.filename = ${filename}) DESC, l.created_at
    LIMIT 1`);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    sha256: row.sha256,
    filename: row.filename,
    mime: row.mime,
    size: Number(row.size),
    createdAt: new Date(row.created_at),
  };
}

/** Images for the rich text of a course (summary, pages, labels…): upload, and serve to its readers. */
export const courseImageRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, files } = app.deps;
  await registerUploads(app, { files: 1 });

  app.post(
    '/api/courses/:id/images',
    {
      config: {
        access: {
          capability: caps['course:update'],
          context: async (request) => {
            const id = (request.params as { id?: string }).id ?? '';
            return Uuid.safeParse(id).success ? (await findContext(db, 'course', id))?.id : undefined;
          },
        },
      },
      schema: {
        consumes: ['multipart/form-data'],
        tags: ['parcours'],
        params: z.object({ id: Uuid }),
        response: { 201: ImageUploaded },
      },
    },
    async (request, reply) => {
      const [link] = await saveUploads(request, {
        owner: { type: 'course', id: request.params.id },
        max: 1,
        accept: (mime) => IMAGE_TYPES.has(mime),
        refused: imageRefused,
      });
      return reply.status(201).send({ url: imageUrl(link!.sha256, link!.filename) });
    },
  );

  app.get(
    '/api/files/:sha256/:filename',
    {
      // Any logged-in user may ask; the handler answers only readers of a course using the image.
      config: { access: 'authenticated' },
      compress: false,
      schema: {
        tags: ['parcours'],
        params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), filename: z.string().max(1000) }),
      },
    },
    async (request, reply) => {
      const { sha256, filename } = request.params;
      const image = await viewableImage(db, actorOf(request), sha256, filename);
      if (!image) throw problems.forbidden();
      return files.send(reply, image, { inline: true });
    },
  );
};

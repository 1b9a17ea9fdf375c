import { desc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MailDetail, MailMessage, Page, Uuid } from '../../../shared/api.ts';
import { PLATFORM_CONTEXT_ID } from '../../platform/access/contexts.ts';
import { problems } from '../../platform/http/problem.ts';
import { redactSecrets } from '../../platform/mail/redact.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { outboxCapabilities as caps } from './policy.ts';

type Row = typeof mailMessages.$inferSelect;
const toMessage = (row: Row): z.infer<typeof MailMessage> => ({
  id: row.id,
  to: row.to,
  subject: redactSecrets(row.subject),
  status: row.status,
  attempts: row.attempts,
  error: row.error === null ? null : redactSecrets(row.error),
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
});

/**
 * The platform's sent mail, for admins: what left, to whom, and whether it was delivered — never a secret
 * it carried (see redactSecrets).
 */
export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const access = { capability: caps['mail:view'], context: async () => PLATFORM_CONTEXT_ID };

  app.get(
    '/api/admin/mail',
    {
      config: { access },
      schema: {
        tags: ['courriels'],
        querystring: z.object({
          page: z.coerce.number().int().min(1).max(100000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: Page(MailMessage) },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(mailMessages)
          .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ total: sql<number>`count(*)::int` }).from(mailMessages),
      ]);
      return { items: rows.map(toMessage), total: count?.total ?? 0, page, pageSize };
    },
  );

  app.get(
    '/api/admin/mail/:id',
    {
      config: { access },
      schema: {
        tags: ['courriels'],
        params: z.object({ id: Uuid }),
        response: { 200: MailDetail },
      },
    },
    async (request) => {
      const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, request.params.id));
      if (!row) throw problems.notFound();
      // Single-use links belong to their recipient alone, with or without SMTP: the log shows them masked.
      return { message: toMessage(row), text: redactSecrets(row.text) };
    },
  );
};

import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db, Tx } from '../db/index.ts';
import type { Jobs } from '../jobs/index.ts';
import { mailMessages } from './schema.ts';

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

export const MAIL_JOB = 'mail.deliver';
export const MAIL_SWEEP_JOB = 'mail.sweep';
const MAX_ATTEMPTS = 6;

/**
 * Mail leaves in two steps: `queueMail` writes the message in the caller's transaction, so a rolled-back
 * change sends nothing; the `mail.deliver` job sends it with retries. Without SMTP_URL the message is
 * written as an .eml file under DATA_DIR/mail, and admins read it in the app.
 */
export class Mailer {
  readonly #db: Db;
  readonly #jobs: Jobs;
  readonly #transport: Transporter;
  readonly #from: string;
  readonly #dir: string | null;

  constructor(options: { db: Db; jobs: Jobs; smtpUrl: string | undefined; from: string; dataDir: string }) {
    this.#db = options.db;
    this.#jobs = options.jobs;
    this.#from = options.from;
    this.#dir = options.smtpUrl ? null : path.join(options.dataDir, 'mail');
    this.#transport = options.smtpUrl
      ? nodemailer.createTransport(options.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    options.jobs.define<{ id: string }>({
      name: MAIL_JOB,
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelaySeconds: 10,
      handler: ({ id }, attempt) => this.deliver(id, attempt.retryCount >= attempt.retryLimit),
    });
    options.jobs.define({ name: MAIL_SWEEP_JOB, cron: '* * * * *', handler: () => this.sweep() });
  }

  /** Records the message in the caller's transaction; call `flush` with the ids after commit. */
  async queue(tx: Tx, mail: OutgoingMail): Promise<string> {
    const [row] = await tx.insert(mailMessages).values(mail).returning({ id: mailMessages.id });
    return row!.id;
  }

  /** Hands committed messages to the delivery job (the sweep catches any that a crash left behind). */
  async flush(ids: string[]): Promise<void> {
    for (const id of ids) await this.#jobs.send(MAIL_JOB, { id });
  }

  async deliver(id: string, lastAttempt: boolean): Promise<void> {
    const [message] = await this.#db.select().from(mailMessages).where(eq(mailMessages.id, id));
    if (!message || message.status === 'sent') return;
    try {
      const info = await this.#transport.sendMail({
        from: this.#from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? undefined,
        messageId: `<${message.id}@magistere>`,
      });
      let file: string | null = null;
      if (this.#dir) {
        await mkdir(this.#dir, { recursive: true });
        file = path.join(
          this.#dir,
          `${message.createdAt.toISOString().replace(/[:.]/g, '-')}-${message.id}.eml`,
        );
        await writeFile(file, info.message as Buffer);
      }
      // When it actually left, on the machine's time, like the database's created_at: a delivery record,
      // not an instant of the application's (which a test may have moved).
      await this.#db
        .update(mailMessages)
        .set({ status: 'sent', sentAt: new Date(), attempts: message.attempts + 1, error: null, file })
        .where(eq(mailMessages.id, id));
    } catch (error) {
      await this.#db
        .update(mailMessages)
        .set({
          attempts: message.attempts + 1,
          error: error instanceof Error ? error.message.slice(0, 1000) : String(error),
          status: lastAttempt ? 'failed' : 'queued',
        })
        .where(eq(mailMessages.id, id));
      if (!lastAttempt) throw error;
    }
  }

  /** Re-sends to the job what stayed queued for more than five minutes without an attempt. */
  async sweep(): Promise<void> {
    const stale = await this.#db.execute<{ id: string }>(
      sql`SELECT id FROM mail_messages WHERE status = 'queued' AND attempts = 0 AND created_at < now() - interval '5 minutes' LIMIT 500`,
    );
    await this.flush(stale.rows.map((row) => row.id));
  }
}

/**
 * Forgets the mail sent to an address, when its owner's account is erased (GDPR): the messages go from
 * the outbox (a queued one is then never sent), with their .eml copies. The copies are removed at once,
 * not after commit: a rolled-back erasure would only lose the development copies of its messages, whose
 * text stays in the table.
 */
export async function forgetRecipient(db: Tx, address: string): Promise<void> {
  const gone = await db
    .delete(mailMessages)
    .where(sql`lower(${mailMessages.to}) = ${address.toLowerCase()}`)
    .returning({ file: mailMessages.file });
  for (const { file } of gone) if (file) await rm(file, { force: true });
}

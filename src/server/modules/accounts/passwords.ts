import { and, eq, gt, isNull } from 'drizzle-orm';
import { createI18n } from '../../../shared/i18n/index.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import { passwordTokens, type users } from './schema.ts';

const LINK_MINUTES = { reset: 60, welcome: 7 * 24 * 60 } as const;
const t = createI18n('fr').t;

/**
 * Creates a single-use password link and queues the mail carrying it, in the caller's transaction.
 * The token travels in the URL fragment, which browsers never send to a server: it stays out of logs.
 */
export async function issuePasswordLink(
  tx: Tx,
  mailer: Mailer,
  publicUrl: string,
  user: typeof users.$inferSelect,
  kind: 'reset' | 'welcome',
  now = new Date(),
): Promise<string> {
  const token = newToken();
  const minutes = LINK_MINUTES[kind];
  await tx.insert(passwordTokens).values({
    id: hashToken(token),
    userId: user.id,
    expiresAt: new Date(now.getTime() + minutes * 60_000),
  });
  const link = `${publicUrl}/reinitialiser-mot-de-passe#jeton=${token}`;
  const key = kind === 'reset' ? 'mail.passwordReset' : 'mail.welcome';
  const name = `${user.firstName} ${user.lastName}`;
  const body = t(`${key}.body`, { name, validity: t(`${key}.validity`), link, email: user.email });
  return mailer.queue(tx, {
    to: user.email,
    subject: t(`${key}.subject`),
    text: `${body}\n\n${t('mail.signature')}\n`,
  });
}

/** Consumes a password token: returns the user id when it is valid, unused and unexpired. */
export async function consumePasswordToken(
  tx: Tx,
  token: string,
  now = new Date(),
): Promise<string | undefined> {
  const [row] = await tx
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordTokens.id, hashToken(token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now),
      ),
    )
    .returning({ userId: passwordTokens.userId });
  return row?.userId;
}

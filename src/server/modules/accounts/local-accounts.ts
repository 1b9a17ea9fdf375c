/**
 * Local accounts created on the way: a trainer enrols people by address and some have no account yet.
 * Those allowed (`user:create_local`) create them in the same transaction as what needs them; each new
 * account receives the "welcome" mail with a single-use link to choose its password. Those not allowed
 * are told whom to ask: the local administrators of the domain.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { type Actor, canInPath } from '../../platform/access/can.ts';
import { roleAssignments } from '../../platform/access/schema.ts';
import { type Origin, record } from '../../platform/audit/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { problems } from '../../platform/http/problem.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import { domainContextId } from '../domains/index.ts';
import { issuePasswordLink } from './passwords.ts';
import { accountCapabilities as caps } from './policy.ts';
import { users } from './schema.ts';

export type NewAccount = { email: string; firstName: string; lastName: string };
export type LocalAccountsCtx = {
  actor: Actor;
  origin: Origin;
  mailer: Mailer;
  publicUrl: string;
  now: Date;
};

const NAME_MAX = 100;

/** Whether the actor may create local accounts from this context (a course's, or a domain's). */
export function mayCreateLocalAccounts(actor: Actor, contextPath: string): boolean {
  return canInPath(actor, caps['user:create_local'], contextPath);
}

const capitalise = (word: string) =>
  word
    .split('-')
    .map((part) => (part ? part[0]!.toLocaleUpperCase('fr') + part.slice(1).toLocaleLowerCase('fr') : part))
    .join('-');

/**
 * A name guessed from an address, to be corrected later: `jean-marc.dupont.2@` gives Jean-Marc Dupont.
 * An address of one word gives a last name only: the first name is unknown, not invented.
 */
export function nameFromEmail(email: string): { firstName: string; lastName: string } {
  const local = (email.split('@')[0] ?? '').replace(/\+.*$/, '');
  const words = local.split(/[._]+/).filter((word) => word !== '' && !/^\d+$/.test(word));
  if (words.length === 0) return { firstName: '', lastName: capitalise(local).slice(0, NAME_MAX) };
  if (words.length === 1) return { firstName: '', lastName: capitalise(words[0]!).slice(0, NAME_MAX) };
  return {
    firstName: capitalise(words[0]!).slice(0, NAME_MAX),
    lastName: words.slice(1).map(capitalise).join(' ').slice(0, NAME_MAX),
  };
}

/** A name as a file gave it: one line, no control characters, at most 100 characters. */
export function cleanName(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, NAME_MAX);
}

/**
 * Creates the accounts in the domain, in the caller's transaction, and queues one invitation mail each
 * (flush the returned mail ids after commit). An address that an account took meanwhile (another
 * transaction) is left to it. The caller's context path decides the right; the domain is the accounts'
 * home.
 */
export async function createLocalAccounts(
  tx: Tx,
  ctx: LocalAccountsCtx,
  where: { domainId: string; contextPath: string },
  people: NewAccount[],
  details: Record<string, unknown> = {},
): Promise<{ created: { id: string; email: string }[]; mailIds: string[] }> {
  if (people.length === 0) return { created: [], mailIds: [] };
  if (!mayCreateLocalAccounts(ctx.actor, where.contextPath)) throw problems.forbidden();
  const contextId = await domainContextId(tx, where.domainId);
  const rows = await tx
    .insert(users)
    .values(
      people.map((person) => ({
        email: person.email.toLowerCase(),
        firstName: cleanName(person.firstName),
        lastName: cleanName(person.lastName),
        homeDomainId: where.domainId,
        passwordHash: null,
      })),
    )
    .onConflictDoNothing()
    .returning();
  const mailIds: string[] = [];
  for (const row of rows) {
    mailIds.push(await issuePasswordLink(tx, ctx.mailer, ctx.publicUrl, row, 'welcome', ctx.now));
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'user.created',
      objectType: 'user',
      objectId: row.id,
      contextId,
      domainId: where.domainId,
      details: { email: row.email, local: true, ...details },
    });
  }
  return { created: rows.map((row) => ({ id: row.id, email: row.email })), mailIds };
}

/** Whom to ask for an account in a domain: its local administrators (active accounts), by name. */
export async function localAdministrators(
  db: Tx,
  domainId: string,
): Promise<{ name: string; email: string }[]> {
  const contextId = await domainContextId(db, domainId);
  if (contextId === undefined) return [];
  const rows = await db
    .selectDistinct({ firstName: users.firstName, lastName: users.lastName, email: users.email })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.contextId, contextId),
        eq(roleAssignments.role, 'domain_admin'),
        eq(users.status, 'active'),
        isNull(users.deletedAt),
      ),
    )
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.email))
    .limit(5);
  return rows.map((row) => ({ name: `${row.firstName} ${row.lastName}`.trim(), email: row.email }));
}

import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  inet,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { domains } from '../domains/schema.ts';

/**
 * The text a people search matches: names and e-mail, lower-case and without accents (f_unaccent is an
 * immutable wrapper of unaccent, created by migration 0001, so it can be indexed).
 */
export function userSearchText(t: { firstName: AnyPgColumn; lastName: AnyPgColumn; email: AnyPgColumn }) {
  return sql`(f_unaccent(lower(${t.firstName} || ' ' || ${t.lastName} || ' ' || ${t.email})))`;
}

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    /** argon2id; null until the user has chosen a password (or for SSO-only accounts). */
    passwordHash: text('password_hash'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    homeDomainId: uuid('home_domain_id')
      .notNull()
      .references(() => domains.id),
    academie: text('academie'),
    departement: text('departement'),
    discipline: text('discipline'),
    bodyGrade: text('body_grade'),
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Deleted accounts keep their row (history points at it) with personal data erased. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email').on(sql`lower(${t.email})`),
    index('users_home_domain').on(t.homeDomainId),
    index('users_search').using('gin', sql`${userSearchText(t)} gin_trgm_ops`),
  ],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: inet('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)],
);

/**
 * What a password link is bound to: a digest of the account's password hash when the link was issued.
 * Any new password (by the person, a reset, an administrator's tool) changes it, and the link dies.
 */
export const passwordFingerprint = (passwordHash: AnyPgColumn) =>
  sql<string>`encode(sha256(convert_to(coalesce(${passwordHash}, ''), 'UTF8')), 'hex')`;

/** Single-use password tokens (reset or first password), stored hashed. */
export const passwordTokens = pgTable(
  'password_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `passwordFingerprint` of the account when issued; a link whose account changed since is refused. */
    passwordFingerprint: text('password_fingerprint').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_tokens_user').on(t.userId)],
);

/** Failed logins, counted per account and per address to throttle guessing (works across nodes). */
export const loginFailures = pgTable(
  'login_failures',
  {
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    email: text('email').notNull(),
    ip: inet('ip'),
  },
  (t) => [index('login_failures_email').on(t.email, t.at), index('login_failures_ip').on(t.ip, t.at)],
);

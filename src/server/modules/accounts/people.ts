/**
 * What other modules may read of accounts. Single look-ups go through functions (`findUsersByIds`,
 * `usersByEmail`, `userNames`); a list that must be searched, sorted or paged by people's names (an
 * enrolment list, a group's members) joins `people` in its own query instead of asking one by one.
 */
import { type SQL, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { userSearchText, users } from './schema.ts';

/**
 * Every account as other modules may join it: names, address, home domain, status, and whether it was
 * deleted (its row stays, named "Utilisateur supprimé") — never its password or its sessions. A plain
 * projection, which PostgreSQL folds into the query that joins it: the users table's indexes serve, the
 * name search's included.
 */
export const people = new QueryBuilder()
  .select({
    id: users.id,
    email: users.email,
    firstName: users.firstName,
    lastName: users.lastName,
    homeDomainId: users.homeDomainId,
    status: users.status,
    deletedAt: users.deletedAt,
  })
  .from(users)
  .as('people');

/** SQL true when a search text contains `q`, case and accents aside; wildcards in `q` are taken literally. */
export function searchMatches(text: SQL, q: string): SQL {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${text} LIKE f_unaccent(${pattern}::text)`;
}

/** SQL true when the person's names or address contain `q` (the people search, served by its index). */
export function personMatches(q: string): SQL {
  return searchMatches(userSearchText(people), q);
}

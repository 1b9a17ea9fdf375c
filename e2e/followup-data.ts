/**
 * A session for the follow-up spec, written into the e2e server's database (the enrolment and
 * completion screens are built beside the follow-up): 20 participants in groups A and B with varied
 * progress. The e2e server runs its embedded PostgreSQL under E2E_DATA_DIR; its password sits beside the
 * cluster and its port in `postmaster.pid`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seedFollowup } from '../src/server/modules/followup/testing.ts';
import { connect } from '../src/server/platform/db/index.ts';
import { E2E_DATA_DIR } from './server.ts';

export function e2eDatabaseUrl() {
  const dir = path.join(E2E_DATA_DIR, 'pg');
  const { password } = JSON.parse(readFileSync(`${dir}.credentials.json`, 'utf8')) as { password: string };
  // postmaster.pid: pid, data directory, start time, port, …
  const port = readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[3]!.trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/magistere`;
}

const A = ['Anne', 'Bastien', 'Clara', 'David', 'Elsa', 'Fabien', 'Gabrielle', 'Henri', 'Iris', 'Jérôme'];
const B = ['Karine', 'Loïc', 'Maëlle', 'Nicolas', 'Océane', 'Pascal', 'Quentin', 'Rose', 'Samuel', 'Thaïs'];
/** Activities done by the nth person of each group (4 tracked): 0 %, 0 %, 25 %, 25 %, 25 %, 50 %, … */
const DONE = [[], [], [0], [1], [0], [0, 1], [0, 2], [0, 1, 2], [0, 1, 2, 3], [0, 1, 2, 3]];

export const e2eEmail = (firstName: string) =>
  `${firstName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.suivi@magistere.test`;

/** Group B below 50 %: the first five of group B. */
export const GROUP_B_BEHIND = B.slice(0, 5);

export async function seedFollowupSession(title: string, options: { people?: boolean } = {}) {
  const database = connect(e2eDatabaseUrl(), 2);
  try {
    const now = Date.now();
    const day = 86_400_000;
    const person = (firstName: string, i: number, group: string) => ({
      key: firstName,
      firstName,
      lastName: group === 'Groupe A' ? 'Aubert' : 'Besson',
      email: e2eEmail(firstName),
      groups: [group],
      departement: i % 2 ? 'Var (83)' : 'Bouches-du-Rhône (13)',
      discipline: ['Lettres modernes', 'Mathématiques', 'Histoire-géographie'][i % 3]!,
      done: DONE[i]!,
      // One attempt failed in group B (Océane, 25 %).
      ...(group === 'Groupe B' && i === 4 ? { failed: [2] } : {}),
      doneAt: new Date(now - (10 - i) * day),
      lastAccess: i === 0 ? null : new Date(now - (i % 4) * day - 3_600_000),
      firstAccess: new Date(now - 12 * day),
      seconds: i * 1_500,
      ...(DONE[i]!.length === 4 ? { courseCompletedAt: new Date(now - day) } : {}),
    });
    return await seedFollowup(database.db, {
      title,
      tracked: [
        'Lire le cadrage de la session',
        'Regarder la conférence d’ouverture',
        'Quiz de positionnement',
        'Déposer sa séquence',
      ],
      untracked: ['Mot d’accueil'],
      groups: ['Groupe A', 'Groupe B'],
      people:
        options.people === false
          ? []
          : [...A.map((n, i) => person(n, i, 'Groupe A')), ...B.map((n, i) => person(n, i, 'Groupe B'))],
    });
  } finally {
    await database.close();
  }
}

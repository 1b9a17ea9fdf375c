/**
 * The session the follow-up tests share: six participants of groups A and B with varied progress, a
 * tutor and an unenrolled person (neither in the default grid), four tracked activities and one that
 * is not tracked.
 *
 *             group  progress  last access (UTC)       académie / département / discipline
 *   Alice     A      100 %     2026-11-14 09:00        Aix-Marseille / Bouches-du-Rhône (13) / Mathématiques
 *   Bruno     B       25 %     2026-11-18 08:00        Aix-Marseille / Var (83) / Lettres modernes
 *   Chloé     B       50 %     2026-10-28 12:00        Aix-Marseille / Var (83) / Mathématiques (failed the 3rd)
 *   Damien    B        0 %     never                   Aix-Marseille / Vaucluse (84) / EPS
 *   Émilie    A, B    75 %     2026-11-20 16:00        Aix-Marseille / Bouches-du-Rhône (13) / Anglais
 *   Farid     —       25 %     2026-10-31 23:30        Bordeaux / Gironde (33) / Mathématiques
 *                              (= 1 November 00:30 in Paris)
 */
import type { Db } from '../../platform/db/index.ts';
import { seedFollowup } from './testing.ts';

export const AT = new Date('2026-11-15T10:00:00Z');

export function seedScenario(db: Db) {
  return seedFollowup(db, {
    title: 'Enseigner l’oral au cycle 3',
    tracked: ['Lire le cadrage', 'Regarder la vidéo', 'Quiz de positionnement', 'Déposer sa séquence'],
    untracked: ['Mot d’accueil'],
    groups: ['Groupe A', 'Groupe B'],
    at: AT,
    people: [
      {
        key: 'alice',
        firstName: 'Alice',
        lastName: 'Martin',
        groups: ['Groupe A'],
        departement: 'Bouches-du-Rhône (13)',
        discipline: 'Mathématiques',
        done: [0, 1, 2, 3],
        courseCompletedAt: new Date('2026-11-14T09:30:00Z'),
        firstAccess: new Date('2026-11-02T08:00:00Z'),
        lastAccess: new Date('2026-11-14T09:00:00Z'),
        seconds: 12_600,
      },
      {
        key: 'bruno',
        firstName: 'Bruno',
        lastName: 'Petit',
        groups: ['Groupe B'],
        departement: 'Var (83)',
        discipline: 'Lettres modernes',
        done: [0],
        lastAccess: new Date('2026-11-18T08:00:00Z'),
        seconds: 1_800,
      },
      {
        key: 'chloe',
        firstName: 'Chloé',
        lastName: 'Dubois',
        groups: ['Groupe B'],
        departement: 'Var (83)',
        discipline: 'Mathématiques',
        done: [0, 1],
        failed: [2],
        lastAccess: new Date('2026-10-28T12:00:00Z'),
        seconds: 5_400,
      },
      {
        key: 'damien',
        firstName: 'Damien',
        lastName: 'Roux',
        groups: ['Groupe B'],
        departement: 'Vaucluse (84)',
        discipline: 'EPS',
      },
      {
        key: 'emilie',
        firstName: 'Émilie',
        lastName: 'Garcia',
        groups: ['Groupe A', 'Groupe B'],
        departement: 'Bouches-du-Rhône (13)',
        discipline: 'Anglais',
        done: [0, 1, 2],
        lastAccess: new Date('2026-11-20T16:00:00Z'),
        seconds: 7_260,
      },
      {
        key: 'farid',
        firstName: 'Farid',
        lastName: 'Benali',
        academie: 'Bordeaux',
        departement: 'Gironde (33)',
        discipline: 'Mathématiques',
        done: [1],
        lastAccess: new Date('2026-10-31T23:30:00Z'),
        seconds: 600,
      },
      { key: 'gaelle', firstName: 'Gaëlle', lastName: 'Fournier', role: 'tutor', groups: ['Groupe B'] },
      { key: 'hugo', firstName: 'Hugo', lastName: 'Lambert', removed: true, groups: ['Groupe B'] },
    ],
  });
}

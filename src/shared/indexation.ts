/**
 * The words of a course's indexation, as Magistère's offer names them: who it is for, its kind, where it
 * comes from. Without zod (the schemas are in `lifecycle.ts`): the catalogue's first page needs these lists,
 * not the validation of a course's metadata.
 */

/** Who a training is for, as Magistère's indexation names them. */
export const PUBLICS = [
  'enseignants_1d',
  'enseignants_2d',
  'enseignants_lp',
  'cpe',
  'psyen',
  'aesh',
  'encadrement',
  'inspection',
  'formateurs',
  'administratifs',
  'sante_social',
  'tous',
] as const;
export type Public = (typeof PUBLICS)[number];

/** The kind of training (Magistère's "collection"). */
export const COLLECTIONS = [
  'autoformation',
  'formation',
  'action',
  'espace_collaboratif',
  'reseau',
  'webinaire',
] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** Where a course comes from: the ministry, an académie, or shared by several. */
export const ORIGINS = ['national', 'academie', 'mutualise'] as const;
export type Origin = (typeof ORIGINS)[number];

import { z } from 'zod';
import { COLLECTIONS, ORIGINS, PUBLICS } from './indexation.ts';

/**
 * The stages of a course's life: a template (gabarit), a parcours in construction, then sessions copied
 * from it (in preparation, running, archived); any of them may go to the trash and come back.
 */
export const STAGES = [
  'template',
  'construction',
  'session_preparation',
  'session_running',
  'session_archived',
  'trash',
] as const;
export type Stage = (typeof STAGES)[number];
export const Stage = z.enum(STAGES);

export const isSession = (stage: Stage) => stage.startsWith('session_');

/**
 * Stages whose course participants may open. A template, a session still in preparation and the trash
 * are for those who may see hidden things (designers, trainers, managers) only.
 */
export const openToLearners = (stage: Stage) =>
  stage === 'construction' || stage === 'session_running' || stage === 'session_archived';

// The indexation's vocabulary lives in a module without zod, for the pages that only need its words.
export { COLLECTIONS, type Collection, ORIGINS, type Origin, PUBLICS, type Public } from './indexation.ts';

const Text = (max: number) => z.string().trim().max(max);
/** A duration in minutes (0 to 1,000 hours). */
const Minutes = z.number().int().min(0).max(60_000);

/**
 * The indexation of a course (its metadata): what the offer shows and searches. Every field is
 * optional while the course is built; `missingIndexation` says what a step requires.
 */
export const CourseMetadata = z.object({
  collection: z.enum(COLLECTIONS).optional(),
  publics: z.array(z.enum(PUBLICS)).max(PUBLICS.length).optional(),
  /** Sanitised rich text. */
  objectives: Text(20_000).optional(),
  durationOnSite: Minutes.optional(),
  durationRemote: Minutes.optional(),
  rhythm: Text(500).optional(),
  keywords: z.array(Text(60).min(1)).max(30).optional(),
  origin: z.enum(ORIGINS).optional(),
  authors: Text(1000).optional(),
  validatedBy: Text(500).optional(),
  version: Text(30).optional(),
  releaseNotes: Text(5000).optional(),
  certification: Text(500).optional(),
  contact: Text(500).optional(),
});
export type CourseMetadata = z.infer<typeof CourseMetadata>;

/** The fields a session (and, later, a publication in the offer) needs. */
export const REQUIRED_FOR_SESSION = ['collection', 'publics', 'objectives', 'origin'] as const;

/** The required fields the metadata lacks, in the order of the form. */
export function missingIndexation(
  metadata: CourseMetadata,
  required: readonly (keyof CourseMetadata)[] = REQUIRED_FOR_SESSION,
): (keyof CourseMetadata)[] {
  return required.filter((field) => {
    const value = metadata[field];
    if (value === undefined || value === '') return true;
    return Array.isArray(value) && value.length === 0;
  });
}

/** GAIA identifiers of a session, as the académie's HR system gives them. */
const Gaia = z
  .string()
  .trim()
  .max(30)
  .regex(/^[A-Za-z0-9_-]*$/, { message: 'workflow.errors.invalidGaia' });

/** "09:00": an hour of the day, in the platform's time zone (as the session's participants read it). */
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'workflow.errors.invalidTime' });

/**
 * A day the session meets on site: its date (a calendar day where it takes place), its hours and the
 * place — the school or centre and its address, as participants will look for it.
 */
export const OnSiteDay = z.object({
  date: z.iso.date(),
  startTime: TimeOfDay,
  endTime: TimeOfDay,
  place: z.string().trim().min(1).max(500),
});
export type OnSiteDay = z.infer<typeof OnSiteDay>;
/** More on-site days than a session could hold: a limit against mistakes, not a rule of training. */
export const MAX_ON_SITE_DAYS = 60;

export const SessionSettings = z.object({
  startsAt: z.iso.datetime({ offset: true }).nullable(),
  endsAt: z.iso.datetime({ offset: true }).nullable(),
  selfEnrolment: z.boolean(),
  maxParticipants: z.number().int().min(1).max(100_000).nullable(),
  gaiaDispositif: Gaia.nullable(),
  gaiaModule: Gaia.nullable(),
  gaiaSession: Gaia.nullable(),
  /** Whom participants write to about the session (the trainer, the training office…). */
  contactEmail: z.email().max(254).nullable(),
  /** In the order of the days (the server sorts them). */
  onSiteDays: z.array(OnSiteDay).max(MAX_ON_SITE_DAYS),
});
export type SessionSettings = z.infer<typeof SessionSettings>;

export const Session = SessionSettings.extend({
  announcedAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;

/**
 * `GET /api/courses/:id/practical`: what a session's participants need to take part — its dates, its
 * trainers, whom to write to, and when and where its on-site days are.
 */
export const SessionPractical = z.object({
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  trainers: z.array(z.object({ name: z.string() })),
  /** The session's contact address, or else the indexation's contact (free text). */
  contact: z.object({ email: z.string().nullable(), text: z.string().nullable() }),
  onSiteDays: z.array(OnSiteDay),
});
export type SessionPractical = z.infer<typeof SessionPractical>;

/** The actions of the workflow; the server says which the actor may take now, and why not the others. */
export const TRANSITIONS = [
  'make_template',
  'unmake_template',
  'create_session',
  'open',
  'announce',
  'archive',
  'reopen',
  'trash',
  'restore',
] as const;
export type Transition = (typeof TRANSITIONS)[number];

export const TransitionState = z.object({
  transition: z.enum(TRANSITIONS),
  /** Empty when the actor may take it now; else the i18n keys of what stops it (a missing field…). */
  blockers: z.array(z.object({ code: z.string(), field: z.string().optional() })),
});

export const Workflow = z.object({
  stage: Stage,
  /** A session, also in the trash, where its stage no longer says so (the page's words follow). */
  isSession: z.boolean(),
  session: Session.nullable(),
  origin: z.object({ id: z.string(), title: z.string() }).nullable(),
  sessions: z.array(
    z.object({ id: z.string(), title: z.string(), stage: Stage, startsAt: z.string().nullable() }),
  ),
  transitions: z.array(TransitionState),
});
export type Workflow = z.infer<typeof Workflow>;

export const CreateSessionBody = z.object({
  title: z.string().trim().min(1).max(255),
  shortName: z.string().trim().min(1).max(100).optional(),
  settings: SessionSettings.partial().optional(),
});
export const FromTemplateBody = z.object({
  domainId: z.uuid(),
  title: z.string().trim().min(1).max(255),
  shortName: z.string().trim().min(1).max(100),
});
export const OpenSessionBody = z.object({ selfEnrolment: z.boolean().optional() });
export const AnnounceBody = z.object({
  subject: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1).max(10_000),
});
/** How many people an announcement was sent to. */
export const AnnounceResult = z.object({ recipients: z.number().int() });

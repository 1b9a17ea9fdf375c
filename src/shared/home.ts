/** "Mon espace": a person's courses sorted by their role in each (the API contract of `GET /api/me/space`). */
import { z } from 'zod';
import { Course, Uuid } from './api.ts';
import { MyCourseProgress } from './completion.ts';

/** Where to take a course up again (see the progress module's "continue where I stopped"). */
export const ResumePoint = z.object({
  /** The first activity not done, labels skipped; null when everything is done or there is nothing. */
  activityId: Uuid.nullable(),
  title: z.string().nullable(),
  /** Whether the person opened something in it yet ("Reprendre" rather than "Commencer"). */
  started: z.boolean(),
});
export type ResumePoint = z.infer<typeof ResumePoint>;

export const SpaceCourse = z.object({
  course: Course,
  /** The course's access context, where the person's roles in it are assigned ("Mes rôles" names it). */
  contextId: z.number().int(),
  /** The person's roles in this course (enrolment or assignment in its context). */
  roles: z.array(z.enum(['participant', 'trainer', 'tutor', 'designer'])),
  /** A session's dates; null for a course that is not a session. */
  session: z.object({ startsAt: z.string().nullable(), endsAt: z.string().nullable() }).nullable(),
  /**
   * Whether the person may open it now. A participant's session still in preparation or not yet
   * available is listed, not opened.
   */
  open: z.boolean(),
  /** Their completion, when the course tracks them (participants). */
  progress: MyCourseProgress.nullable(),
  resume: ResumePoint,
});
export type SpaceCourse = z.infer<typeof SpaceCourse>;

export const MySpace = z.object({
  /** "Mes parcours": the sessions the person takes as participant. */
  courses: z.array(SpaceCourse),
  /** "Mes formations": the sessions they lead as trainer or tutor. */
  trainings: z.array(SpaceCourse),
  /** "Mes conceptions": the templates and parcours they design. */
  designs: z.array(SpaceCourse),
  /**
   * Which blocks concern the person: a block is shown when it lists something, or when the person's
   * roles make it theirs (a designer with nothing yet sees "Mes conceptions" and how to start).
   */
  blocks: z.object({ courses: z.boolean(), trainings: z.boolean(), designs: z.boolean() }),
  /** Whether they may create a parcours (the "Créer un parcours" button and the import form). */
  canCreate: z.boolean(),
});
export type MySpace = z.infer<typeof MySpace>;

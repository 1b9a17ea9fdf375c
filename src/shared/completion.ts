import { z } from 'zod';

/**
 * How an activity counts as done: never tracked, when opened, when the participant marks it, when they
 * submit, when their grade reaches the pass mark, or by the kind's own rule. A kind says which it supports.
 */
export const CompletionRule = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('view') }),
  z.object({ mode: z.literal('manual') }),
  z.object({ mode: z.literal('submit') }),
  z.object({ mode: z.literal('grade'), passGrade: z.number().min(0).max(100) }),
  z.object({ mode: z.literal('kind') }),
]);
export type CompletionRule = z.infer<typeof CompletionRule>;
export type CompletionMode = CompletionRule['mode'];

/** What completing a course means: every tracked activity, or these ones. */
export const CourseCompletionCriteria = z.object({
  activities: z.union([z.literal('all'), z.array(z.uuid()).min(1).max(2000)]),
});
export type CourseCompletionCriteria = z.infer<typeof CourseCompletionCriteria>;

/** An activity restricted to groups (directly, or through groupings). */
export const Audience = z.object({
  groupIds: z.array(z.uuid()).max(200),
  groupingIds: z.array(z.uuid()).max(200),
});
export type Audience = z.infer<typeof Audience>;

export const ActivityCompletionState = z.object({
  activityId: z.uuid(),
  state: z.enum(['complete', 'failed']),
  completedAt: z.string(),
});

/** A person's completion in a course, for the course page and Mon espace. */
export const CourseCompletion = z.object({
  tracked: z.number().int(),
  completed: z.number().int(),
  /** 0–100, rounded down; null when nothing is tracked. */
  percent: z.number().int().nullable(),
  courseCompletedAt: z.string().nullable(),
  activities: z.array(ActivityCompletionState),
});
export type CourseCompletion = z.infer<typeof CourseCompletion>;

/** Every kind supports these; a kind adds what it reports itself (submit, grade, its own rule). */
export const COMPLETION_MODES = ['none', 'view', 'manual', 'submit', 'grade', 'kind'] as const;
export const CompletionModeSchema = z.enum(COMPLETION_MODES);
export const BASE_COMPLETION_MODES: readonly CompletionMode[] = ['none', 'view', 'manual'];
export const EXTRA_COMPLETION_MODES = ['submit', 'grade', 'kind'] as const;
export type ExtraCompletionMode = (typeof EXTRA_COMPLETION_MODES)[number];

/** The actor's completion in a course, and whether the course tracks them (they take it as participant). */
export const MyCourseCompletion = CourseCompletion.extend({ participant: z.boolean() });
export type MyCourseCompletion = z.infer<typeof MyCourseCompletion>;

/** One line of "Mon espace": a person's progress in one of their courses. */
export const MyCourseProgress = z.object({
  courseId: z.uuid(),
  tracked: z.number().int(),
  completed: z.number().int(),
  percent: z.number().int().nullable(),
  courseCompletedAt: z.string().nullable(),
});
export type MyCourseProgress = z.infer<typeof MyCourseProgress>;

/** A trainer's word on a person's activity: done, failed (graded activities), or not done. */
export const CompletionOverrideBody = z.object({ state: z.enum(['complete', 'failed', 'incomplete']) });
export const CompletionOverride = z.object({
  userId: z.uuid(),
  activityId: z.uuid(),
  state: z.enum(['complete', 'failed']).nullable(),
  completedAt: z.string().nullable(),
});

/**
 * Which activities count towards completing the course: the tracked ones (rule other than `none`), all of
 * them or those of the chosen list. A listed activity that is no longer tracked does not count.
 */
export function countedActivityIds(
  tracked: readonly { id: string; completion: CompletionRule }[],
  criteria: CourseCompletionCriteria,
): string[] {
  const chosen = criteria.activities === 'all' ? undefined : new Set(criteria.activities);
  return tracked
    .filter((a) => a.completion.mode !== 'none' && (!chosen || chosen.has(a.id)))
    .map((a) => a.id);
}

/**
 * Progress from what counts and what the person completed: `percent` rounded down (so 100 % means done),
 * null when nothing counts; `met` when everything that counts is complete. The server and the follow-up
 * use this one rule.
 */
export function progressOf(countedIds: readonly string[], completeIds: ReadonlySet<string>) {
  const tracked = countedIds.length;
  const completed = countedIds.filter((id) => completeIds.has(id)).length;
  return {
    tracked,
    completed,
    percent: tracked === 0 ? null : Math.floor((completed * 100) / tracked),
    met: tracked > 0 && completed === tracked,
  };
}

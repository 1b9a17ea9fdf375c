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

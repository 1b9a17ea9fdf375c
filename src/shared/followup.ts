/**
 * The follow-up of a course's participants: the grid (people × tracked activities), the participant
 * filter (criteria combined with AND), saved filters, messages, reminders and the participation list.
 * Server and web read the same schemas; the criteria travel in a query string (grid, exports) or a JSON
 * body (message, reminder, saved filter) — `criteriaToQuery` / `FollowupQuery` convert between the two.
 */
import { z } from 'zod';

const Id = z.uuid();
/** A calendar day, `YYYY-MM-DD`, read in the platform's time zone (Europe/Paris). */
const Day = z.iso.date();
const Value = z.string().trim().min(1).max(150);
const Percent = z.number().int().min(0).max(100);

export const ENROLLED_ROLES = ['participant', 'trainer', 'tutor'] as const;
export type EnrolledRole = (typeof ENROLLED_ROLES)[number];

/**
 * What a person must satisfy to be in the result; every criterion given must hold (AND). Inside one
 * list criterion, any value matches (a member of group A or of group B).
 */
const CriteriaShape = z.strictObject({
  /** Member of at least one of these groups. */
  groupIds: z.array(Id).min(1).max(200).optional(),
  /** Enrolled in one of these roles; participants only when absent. */
  roles: z.array(z.enum(ENROLLED_ROLES)).min(1).max(3).optional(),
  /** Completed each of these activities. */
  done: z.array(Id).min(1).max(200).optional(),
  /** Has not completed any of these activities (a failed attempt is not done). */
  notDone: z.array(Id).min(1).max(200).optional(),
  /** Course progress at least this percentage. */
  progressMin: Percent.optional(),
  /** Course progress strictly below this percentage ("behind": below 50 %). */
  progressBelow: Percent.optional(),
  /** Came to the course on this day or later. */
  lastAccessSince: Day.optional(),
  /** Came last before this day (and came at least once). */
  lastAccessBefore: Day.optional(),
  /** Never opened the course. */
  neverAccessed: z.literal(true).optional(),
  academies: z.array(Value).min(1).max(50).optional(),
  departements: z.array(Value).min(1).max(150).optional(),
  disciplines: z.array(Value).min(1).max(150).optional(),
  /** Words of the name or e-mail address (case and accents ignored). */
  q: z.string().trim().min(1).max(100).optional(),
});

export const FollowupCriteria = CriteriaShape.superRefine((c, ctx) => {
  if (c.progressMin !== undefined && c.progressBelow !== undefined && c.progressMin >= c.progressBelow)
    ctx.addIssue({ code: 'custom', path: ['progressBelow'], message: 'errors.followup.progressRange' });
  if (c.lastAccessSince && c.lastAccessBefore && c.lastAccessSince >= c.lastAccessBefore)
    ctx.addIssue({ code: 'custom', path: ['lastAccessBefore'], message: 'errors.followup.dateRange' });
  const done = new Set(c.done ?? []);
  if ((c.notDone ?? []).some((id) => done.has(id)))
    ctx.addIssue({ code: 'custom', path: ['notDone'], message: 'errors.followup.doneAndNotDone' });
});
export type FollowupCriteria = z.infer<typeof FollowupCriteria>;

export const CRITERIA_KEYS = Object.keys(CriteriaShape.shape) as (keyof FollowupCriteria)[];
export const SORTS = [
  'name',
  'email',
  'progress',
  'lastAccess',
  'timeSpent',
  'academie',
  'departement',
  'discipline',
] as const;
export type FollowupSort = (typeof SORTS)[number];

/** The criteria as query parameters (lists as repeated keys), for the grid and the export links. */
export function criteriaToQuery(criteria: FollowupCriteria, into = new URLSearchParams()): URLSearchParams {
  for (const key of CRITERIA_KEYS) {
    const value = criteria[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) into.append(key, item);
    else into.set(key, String(value));
  }
  return into;
}

const list = (item: z.ZodType) =>
  z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item));
const int = z.preprocess(
  (value) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value),
  z.number().int(),
);

const QueryFields = z.object({
  groupIds: list(z.string()).optional(),
  roles: list(z.string()).optional(),
  done: list(z.string()).optional(),
  notDone: list(z.string()).optional(),
  academies: list(z.string()).optional(),
  departements: list(z.string()).optional(),
  disciplines: list(z.string()).optional(),
  progressMin: int.optional(),
  progressBelow: int.optional(),
  lastAccessSince: z.string().optional(),
  lastAccessBefore: z.string().optional(),
  neverAccessed: z.enum(['true']).optional(),
  q: z.string().optional(),
  sort: z.enum(SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: int.pipe(z.number().min(1).max(10_000)).default(1),
  pageSize: int.pipe(z.number().min(1).max(500)).default(100),
});

/** Reads the criteria out of parsed query fields, reporting their problems on the query's own paths. */
function readQuery(query: z.output<typeof QueryFields>, ctx: z.RefinementCtx) {
  const raw: Record<string, unknown> = {};
  for (const key of CRITERIA_KEYS) {
    const value = (query as Record<string, unknown>)[key];
    if (value === undefined || value === '') continue;
    raw[key] = key === 'neverAccessed' ? true : value;
  }
  const parsed = FollowupCriteria.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return {
    criteria: parsed.data,
    sort: query.sort,
    order: query.order,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The grid's query string: the criteria (as `criteriaToQuery` writes them), then the order and the
 * page. Parsed into `{ criteria, sort, order, page, pageSize }`.
 */
export const FollowupQuery = QueryFields.transform(readQuery);
export type FollowupQuery = z.output<typeof FollowupQuery>;

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The export's query string: the grid's, and the file format (CSV unless asked). */
export const FollowupExportQuery = QueryFields.extend({ format: ExportFormat.default('csv') }).transform(
  (query, ctx) => {
    const read = readQuery(query, ctx);
    return { ...read, format: query.format };
  },
);
export const AttendanceExportQuery = z.object({ format: ExportFormat.default('csv') });

// — The grid —

/** One character per tracked activity: complete, failed (graded below the pass mark), nothing yet. */
/** `notConcerned`: the activity is restricted to groups the person is not in; it does not count for them. */
export const CELL = { complete: 'c', failed: 'f', none: '-', notConcerned: 'x' } as const;

export const FollowupActivity = z.object({
  id: Id,
  title: z.string(),
  kind: z.string(),
  sectionId: Id,
});
export type FollowupActivity = z.infer<typeof FollowupActivity>;

export const FollowupRow = z.object({
  userId: Id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ENROLLED_ROLES)),
  groupIds: z.array(Id),
  academie: z.string().nullable(),
  departement: z.string().nullable(),
  discipline: z.string().nullable(),
  /** Completed tracked activities; `progress` = completed / tracked, 0–100 rounded down (null: nothing tracked). */
  completed: z.number().int(),
  progress: z.number().int().nullable(),
  courseCompletedAt: z.string().nullable(),
  firstAccessAt: z.string().nullable(),
  lastAccessAt: z.string().nullable(),
  /** Time spent in the course, in seconds. */
  seconds: z.number().int(),
  /** Aligned with `activities`: one `CELL` character per activity. */
  states: z.string(),
  /** Aligned with `activities`: when the state was reached (epoch milliseconds), null when nothing. */
  dates: z.array(z.number().nullable()),
});
export type FollowupRow = z.infer<typeof FollowupRow>;

export const FollowupGrid = z.object({
  activities: z.array(FollowupActivity),
  groups: z.array(z.object({ id: Id, name: z.string() })),
  /** Values present among the enrolled people, for the filter's lists. */
  facets: z.object({
    academies: z.array(z.string()),
    departements: z.array(z.string()),
    disciplines: z.array(z.string()),
  }),
  /** People enrolled in the roles asked (before the other criteria). */
  enrolled: z.number().int(),
  /** People matching every criterion. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /**
   * Per activity (aligned with `activities`), over everyone matching: how many completed, failed it, and
   * how many it concerns (an activity restricted to groups concerns only their members).
   */
  totals: z.object({
    complete: z.array(z.number().int()),
    failed: z.array(z.number().int()),
    concerned: z.array(z.number().int()),
  }),
  /** Mean progress of the people matching, rounded down; null when nobody or nothing tracked. */
  averageProgress: z.number().int().nullable(),
  rows: z.array(FollowupRow),
});
export type FollowupGrid = z.infer<typeof FollowupGrid>;

// — Saved filters —

export const SavedFilterBody = z.object({
  name: z.string().trim().min(1).max(100),
  criteria: FollowupCriteria,
});
export const SavedFilterUpdateBody = z
  .object({ name: z.string().trim().min(1).max(100), criteria: FollowupCriteria })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'errors.followup.emptyUpdate' });
export const SavedFilter = z.object({
  id: Id,
  courseId: Id,
  name: z.string(),
  criteria: FollowupCriteria,
  createdAt: z.string(),
});
export type SavedFilter = z.infer<typeof SavedFilter>;

// — Messages and reminders —

const Subject = z.string().trim().min(1).max(200);
/** Plain text: the mail carries it as typed. */
const MessageText = z.string().trim().min(1).max(10_000);

export const FollowupMessageBody = z.object({
  criteria: FollowupCriteria,
  subject: Subject,
  body: MessageText,
});
export type FollowupMessageBody = z.infer<typeof FollowupMessageBody>;
export const FollowupMessageResult = z.object({ recipients: z.number().int() });

export const REMINDER_TARGETS = ['not_started', 'behind', 'chosen'] as const;
export type ReminderTarget = (typeof REMINDER_TARGETS)[number];

export const ReminderBody = z
  .object({
    target: z.enum(REMINDER_TARGETS),
    /** For `behind`: participants whose progress is below this percentage. */
    belowProgress: z.number().int().min(1).max(100).nullish(),
    /** For `chosen`: the participants picked. */
    userIds: z.array(Id).min(1).max(5000).nullish(),
    subject: Subject,
    body: MessageText,
    sendAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((r, ctx) => {
    if (r.target === 'behind' && !r.belowProgress)
      ctx.addIssue({ code: 'custom', path: ['belowProgress'], message: 'errors.required' });
    if (r.target === 'chosen' && !r.userIds?.length)
      ctx.addIssue({ code: 'custom', path: ['userIds'], message: 'errors.required' });
  });
export type ReminderBody = z.infer<typeof ReminderBody>;

export const ReminderUpdateBody = z
  .object({
    belowProgress: z.number().int().min(1).max(100),
    subject: Subject,
    body: MessageText,
    sendAt: z.iso.datetime({ offset: true }),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'errors.followup.emptyUpdate' });

export const Reminder = z.object({
  id: Id,
  courseId: Id,
  target: z.enum(REMINDER_TARGETS),
  belowProgress: z.number().int().nullable(),
  /** For `chosen`: how many people were picked. */
  chosenCount: z.number().int().nullable(),
  subject: z.string(),
  body: z.string(),
  sendAt: z.string(),
  sentAt: z.string().nullable(),
  /** Mails sent for this step. */
  deliveries: z.number().int(),
  createdAt: z.string(),
});
export type Reminder = z.infer<typeof Reminder>;

/** A reminder sent at once to the people a filter found. */
export const FollowupReminderBody = FollowupMessageBody;

// — Participation (attendance) —

export const AttendanceRow = z.object({
  userId: Id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  groups: z.array(z.string()),
  progress: z.number().int().nullable(),
  completed: z.number().int(),
  courseCompletedAt: z.string().nullable(),
  firstAccessAt: z.string().nullable(),
  lastAccessAt: z.string().nullable(),
  seconds: z.number().int(),
  /** "3 h 30" */
  timeSpent: z.string(),
});
export type AttendanceRow = z.infer<typeof AttendanceRow>;

export const Attendance = z.object({
  course: z.object({ id: Id, title: z.string() }),
  tracked: z.number().int(),
  rows: z.array(AttendanceRow),
});
export type Attendance = z.infer<typeof Attendance>;

// — Formats shared by the page, the exports and the mails —

export { formatDuration } from './format.ts';

/** Progress as a percentage, rounded down: what the grid, the filter and the reminders compare. */
export function progressPercent(completed: number, tracked: number): number | null {
  return tracked === 0 ? null : Math.floor((completed * 100) / tracked);
}

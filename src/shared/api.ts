/**
 * The HTTP contract shared by the server (validation, OpenAPI) and the web app (typed calls).
 * Every request body and every response of the JSON API is described here once.
 */
import { z } from 'zod';
import { Audience, CompletionModeSchema, CompletionRule, MyCourseCompletion } from './completion.ts';
import { SelfEnrolmentState } from './enrolment.ts';
import { CourseMetadata, SessionPractical, Stage } from './lifecycle.ts';
import { CONTEXT_LEVELS, ROLES } from './roles.ts';

export const Email = z.string().trim().toLowerCase().email().max(254);
export const Uuid = z.uuid();

export const LoginBody = z.object({ email: Email, password: z.string().min(1).max(1024) });

export const PasswordResetRequestBody = z.object({ email: Email });
export const PasswordTokenBody = z.object({ token: z.string().min(20).max(200) });
export const PasswordResetBody = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(12).max(1024),
});

/** A signed-in person changing their own password: the current one proves it is them. */
export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(12).max(1024),
});

export const DomainKind = z.enum(['academie', 'national']);
export const Domain = z.object({
  id: Uuid,
  slug: z.string(),
  name: z.string(),
  kind: DomainKind,
  createdAt: z.string(),
});
export type Domain = z.infer<typeof Domain>;

export const DomainCreateBody = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(64),
  name: z.string().trim().min(2).max(200),
  kind: DomainKind,
});
export const DomainUpdateBody = DomainCreateBody.omit({ slug: true }).partial();

export const UserStatus = z.enum(['active', 'suspended']);

/**
 * Profile fields a user has besides identity. No `.default()` here, nor in any schema an update derives
 * from: under `.partial()` a default still fills a missing field in, and a PATCH of one field would write
 * the others back to their defaults. Creation adds its defaults itself (`UserCreateBody`).
 */
export const ProfileFields = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  academie: z.string().trim().max(100).nullable(),
  departement: z.string().trim().max(100).nullable(),
  discipline: z.string().trim().max(200).nullable(),
  bodyGrade: z.string().trim().max(200).nullable(),
});

export const User = z.object({
  id: Uuid,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  homeDomainId: Uuid,
  academie: z.string().nullable(),
  departement: z.string().nullable(),
  discipline: z.string().nullable(),
  bodyGrade: z.string().nullable(),
  status: UserStatus,
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserCreateBody = ProfileFields.extend({
  academie: ProfileFields.shape.academie.default(null),
  departement: ProfileFields.shape.departement.default(null),
  discipline: ProfileFields.shape.discipline.default(null),
  bodyGrade: ProfileFields.shape.bodyGrade.default(null),
  email: Email,
  homeDomainId: Uuid,
  /** Optional: without one, the user receives a mail to choose a password. */
  password: z.string().min(12).max(1024).optional(),
});
export const UserUpdateBody = ProfileFields.partial().extend({
  email: Email.optional(),
  homeDomainId: Uuid.optional(),
});

export const UserListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  domainId: Uuid.optional(),
  status: UserStatus.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const RoleName = z.enum(ROLES);
export const ContextLevel = z.enum(CONTEXT_LEVELS);

export const RoleAssignment = z.object({
  id: Uuid,
  userId: Uuid,
  role: RoleName,
  contextId: z.number().int(),
  contextLevel: ContextLevel,
  contextLabel: z.string(),
  createdAt: z.string(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

/** Assign a role in the platform context (no instance) or in the context of a domain, course or activity. */
export const RoleAssignBody = z.object({
  userId: Uuid,
  role: RoleName,
  contextLevel: ContextLevel,
  instanceId: z.string().max(100).optional(),
});

/** The role form's picker: courses or activities where one may assign roles, found by title. */
export const RoleContextQuery = z.object({
  level: z.enum(['course', 'activity']),
  q: z.string().trim().min(2).max(100),
});
export const RoleContextOption = z.object({
  instanceId: Uuid,
  label: z.string(),
  /** The short name and domain of a course, the course and domain of an activity. */
  detail: z.string(),
});
export type RoleContextOption = z.infer<typeof RoleContextOption>;

export const Me = z.object({
  user: User,
  csrfToken: z.string(),
  /** Roles held anywhere, with where. */
  roles: z.array(RoleAssignment),
  /** Capabilities held in at least one context: what the menus show. */
  capabilities: z.array(z.string()),
  /** Domains the user may work in (home domain first). */
  domains: z.array(Domain),
});
export type Me = z.infer<typeof Me>;

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorId: Uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** A readable name of the object (a person's name, a domain's name) when it still exists. */
  objectLabel: z.string().nullable(),
  contextId: z.number().int().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const AuditListQuery = z.object({
  action: z.string().max(100).optional(),
  actorId: Uuid.optional(),
  domainId: Uuid.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const MailMessage = z.object({
  id: Uuid,
  to: z.string(),
  subject: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** One sent mail, with its text (secrets masked), for the administrators' mail log. */
export const MailDetail = z.object({ message: MailMessage, text: z.string() });

/** RFC 9457 problem details, with a machine code and field errors. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

// — Courses —

export const Visibility = z.enum(['visible', 'hidden']);
export const CourseFormat = z.enum(['topics', 'modular']);
const Title = z.string().trim().min(1).max(255);
const RichText = z.string().max(500_000);

export const CourseCreateBody = z.object({
  domainId: Uuid,
  title: Title,
  shortName: z.string().trim().min(1).max(100),
  summary: RichText.default(''),
  format: CourseFormat.default('topics'),
});
export const CourseDuplicateBody = z.object({
  domainId: Uuid,
  title: Title.optional(),
  shortName: z.string().trim().min(1).max(100).optional(),
});
export const CourseUpdateBody = z
  .object({
    title: Title,
    shortName: z.string().trim().min(1).max(100),
    summary: RichText,
    format: CourseFormat,
    visibility: Visibility,
    availableFrom: z.iso.datetime({ offset: true }).nullable(),
  })
  .partial();

export const Course = z.object({
  id: Uuid,
  domainId: Uuid,
  title: z.string(),
  shortName: z.string(),
  summary: z.string(),
  format: CourseFormat,
  stage: Stage,
  metadata: CourseMetadata,
  visibility: Visibility,
  availableFrom: z.string().nullable(),
  originId: Uuid.nullable(),
  /** The course's thumbnail (vignette), to show on cards; `null` when it has none. */
  thumbnailUrl: z.string().nullable(),
  /** Version of the settings (title … opening date), to send back in `If-Match` with `PATCH /api/courses/:id`. */
  version: z.number().int(),
  /** Version of the indexation, to send back in `If-Match` with `PUT /api/courses/:id/metadata`. */
  metadataVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Course = z.infer<typeof Course>;

export const SectionCreateBody = z.object({ title: Title, description: RichText.default('') });
export const SectionUpdateBody = z
  .object({ title: Title, description: RichText, visibility: Visibility })
  .partial();

export const ActivityCreateBody = z.object({
  sectionId: Uuid,
  kind: z.string().min(1).max(50),
  title: Title,
  settings: z.record(z.string(), z.unknown()).optional(),
  visibility: Visibility.default('visible'),
  availableFrom: z.iso.datetime({ offset: true }).nullable().optional(),
  completion: CompletionRule.optional(),
});
export const ActivityUpdateBody = z
  .object({
    title: Title,
    settings: z.record(z.string(), z.unknown()),
    visibility: Visibility,
    availableFrom: z.iso.datetime({ offset: true }).nullable(),
    completion: CompletionRule,
  })
  .partial();
export const ActivityMoveBody = z.object({ sectionId: Uuid, position: z.number().int().min(0).max(10_000) });
export const OrderBody = z.object({ ids: z.array(Uuid).min(1).max(2000) });

export const Activity = z.object({
  id: Uuid,
  sectionId: Uuid,
  kind: z.string(),
  title: z.string(),
  settings: z.record(z.string(), z.unknown()),
  visibility: Visibility,
  availableFrom: z.string().nullable(),
  completion: CompletionRule,
  /** The groups and groupings it is restricted to (`PUT /api/activities/:id/audience`); null: everyone. */
  audience: Audience.nullable(),
  /** To send back in `If-Match` with `PATCH /api/activities/:id` (a stale save gets 409). */
  version: z.number().int(),
});
export type Activity = z.infer<typeof Activity>;

/**
 * An activity as the course page lists it: the common fields and, in `summary`, only what its kind says the
 * page needs (a label's text, a link's address, a file's format and size…) — never its full settings, which
 * `GET /api/activities/:id` gives. Absent when the kind needs nothing there (a page is a link to open).
 */
export const ActivitySummary = Activity.omit({ settings: true, audience: true, version: true }).extend({
  summary: z.record(z.string(), z.unknown()).optional(),
  /**
   * For those who see everything (trainers, designers): the names of the groups and groupings an activity
   * is restricted to. Absent for everyone else, who only ever get the activities meant for them.
   */
  restrictedTo: z.array(z.string()).optional(),
});
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const Section = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string(),
  visibility: Visibility,
  /** To send back in `If-Match` with `PATCH /api/sections/:id` (a stale save gets 409). */
  version: z.number().int(),
  activities: z.array(ActivitySummary),
});
export type Section = z.infer<typeof Section>;

/**
 * `GET /api/courses/:id?view=participant`: an editor sees the page as a participant would (hidden and
 * not-yet-open items left out, no editing). It only ever takes rights away.
 */
export const CoursePageQuery = z.object({ view: z.enum(['participant']).optional() });

/** What the course page needs, in one answer. */
export const CoursePage = z.object({
  course: Course,
  sections: z.array(Section),
  canEdit: z.boolean(),
});
export type CoursePage = z.infer<typeof CoursePage>;

export const ActivityKindInfo = z.object({
  kind: z.string(),
  family: z.enum(['resource', 'activity']),
  favourite: z.boolean(),
  completionModes: z.array(CompletionModeSchema),
});

// — Files of activities, course images, platform settings —

/** A stored file as the interface shows it. */
export const FileInfo = z.object({ filename: z.string(), mime: z.string(), size: z.number().int() });
export type FileInfo = z.infer<typeof FileInfo>;
/** A file of a folder activity (its id names it for download and deletion). */
export const FolderFile = FileInfo.extend({ id: Uuid });
export type FolderFile = z.infer<typeof FolderFile>;

/** An image uploaded for a course's rich text; `url` goes into the `src` of an `<img>`. */
export const ImageUploaded = z.object({ url: z.string() });

/** A host name (`podeduc.apps.education.fr`): labels of letters, digits and hyphens, at least one dot. */
export const Hostname = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, {
    message: 'errors.invalidHostname',
  });
/** The hosts whose videos may be embedded; a host allows its subdomains. */
export const VideoHosts = z.object({ hosts: z.array(Hostname).max(50) });
export type VideoHosts = z.infer<typeof VideoHosts>;
/** The list as stored, with its version (0 while never set) to send back in `If-Match` when changing it. */
export const VideoHostsSetting = VideoHosts.extend({ version: z.number().int() });
export type VideoHostsSetting = z.infer<typeof VideoHostsSetting>;

/**
 * A person's own trail in a course: what they opened, the last one, and where to continue: the first
 * activity not done in reading order, labels skipped (null when everything is done).
 */
export const CourseProgress = z.object({
  lastActivityId: Uuid.nullable(),
  viewed: z.array(Uuid),
  resumeActivityId: Uuid.nullable(),
});

/**
 * What a course is for its reader, beside its page (which is shared and cached): what they may do, their
 * completion, where they stand, whether they may enrol. One answer per view: `GET /api/courses/:id/mine`.
 */
export const CourseMine = z.object({
  capabilities: z.array(z.string()),
  completion: MyCourseCompletion,
  progress: CourseProgress,
  selfEnrolment: SelfEnrolmentState,
  /** A session's practical information; null for another course. */
  practical: SessionPractical.nullable(),
});
export type CourseMine = z.infer<typeof CourseMine>;

/**
 * What the HTML shell carries for the app (`#mg-boot`, see `src/server/shell-boot.ts`): who is signed in,
 * and on the pages read most, the reader's own data, so that a view needs no other request for it.
 */
export type Boot = {
  me: Me | null;
  space?: import('./home.ts').MySpace;
  course?: { id: string; mine: CourseMine };
  /** The header's counters, on every page of a signed-in person. */
  header?: {
    notifications: import('./notifications.ts').NotificationSummary;
    messages: import('./messaging.ts').UnreadCounts;
  };
};

export type CourseProgress = z.infer<typeof CourseProgress>;

/**
 * Enrolment, groups and cohorts: the HTTP contract and the pure rules both sides share — how a pasted
 * list is split, which role names are understood, what a bulk report says, and who sees an activity
 * restricted to groups.
 */
import { z } from 'zod';
import type { Audience } from './completion.ts';

const Uuid = z.uuid();

/** The roles one is enrolled in; a course's designers hold their role through the domain. */
export const ENROL_ROLES = ['participant', 'trainer', 'tutor'] as const;
export type EnrolRole = (typeof ENROL_ROLES)[number];
export const EnrolRole = z.enum(ENROL_ROLES);

export const ENROL_METHODS = ['manual', 'self', 'list', 'csv', 'cohort'] as const;
export type EnrolMethod = (typeof ENROL_METHODS)[number];

/** At most this many entries (lines of a CSV, addresses of lists) in one bulk enrolment. */
export const BULK_MAX_ENTRIES = 10_000;
/** At most this many bytes of CSV, or of pasted lists. */
export const BULK_MAX_BYTES = 2 * 1024 * 1024;
export const GROUP_NAME_MAX = 100;

// — Parsing —

/** Lower-case, without accents or surrounding spaces: how names (roles, headers, groups) are compared. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** A plausible address: one @, a dot in the domain, no spaces or separators, at most 254 characters. */
export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

/**
 * The role a cell or a header names, in English or French, masculine or feminine; null when it names
 * none. An empty cell is the caller's business (CSV: participant).
 */
export function parseRole(text: string): EnrolRole | null {
  switch (fold(text)) {
    case 'participant':
    case 'participante':
    case 'stagiaire':
    case 'learner':
    case 'student':
      return 'participant';
    case 'trainer':
    case 'formateur':
    case 'formatrice':
      return 'trainer';
    case 'tutor':
    case 'tuteur':
    case 'tutrice':
      return 'tutor';
    default:
      return null;
  }
}

/** One address of a pasted list, with the line it is on (1-based). */
export type ListEntry = { line: number; email: string };

/**
 * Splits a pasted list of addresses: separated by `,` `;` `|` or new lines, spaces trimmed,
 * lower-cased, empty pieces dropped. A "Name <address>" form keeps the address.
 */
export function splitEmailList(text: string): ListEntry[] {
  const entries: ListEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((content, index) => {
    for (const piece of content.split(/[,;|]/)) {
      let email = piece.trim();
      const angle = /<([^<>]*)>\s*$/.exec(email);
      if (angle) email = angle[1]!.trim();
      if (email) entries.push({ line: index + 1, email: email.toLowerCase() });
    }
  });
  return entries;
}

// — Bulk reports —

export const CSV_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export const CsvFileInfo = z.object({
  encoding: z.enum(CSV_ENCODINGS),
  delimiter: z.enum([',', ';', '\t']),
  /** The header row as read, when the file has one. */
  header: z.array(z.string()).nullable(),
  /** The first data lines (at most 5), cells as decoded. */
  preview: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
});
export type CsvFileInfo = z.infer<typeof CsvFileInfo>;

/**
 * What can be wrong with an entry; `already_enrolled` is not an error (the entry is skipped), nor is
 * `new_account` (the address has no account and applying creates it).
 */
export const ENTRY_ISSUES = [
  'missing_email',
  'invalid_email',
  'unknown_user',
  'bad_role',
  'bad_group',
  'duplicate',
  'already_enrolled',
  'new_account',
] as const;
export type EntryIssue = (typeof ENTRY_ISSUES)[number];

export const ReportEntry = z.object({
  /** Line in the file, or in the list of its role (1-based). */
  line: z.number().int(),
  /** For pasted lists: the list (role) the entry was in. */
  list: EnrolRole.nullable(),
  email: z.string(),
  role: EnrolRole.nullable(),
  /** The role as written in the file, when it named no known role. */
  roleText: z.string().nullable(),
  group: z.string().nullable(),
  /**
   * `enrol`: a new enrolment; `reactivate`: enrolled before, unenrolled since; `skip`: already enrolled;
   * `create`: an account is created for the address, then enrolled.
   */
  status: z.enum(['enrol', 'reactivate', 'skip', 'create', 'error']),
  issues: z.array(z.enum(ENTRY_ISSUES)),
  /** For a duplicate: the line of the first occurrence. */
  firstLine: z.number().int().nullable(),
  /** The person's name, when the address is known, or the name its new account will have. */
  name: z.string().nullable(),
});
export type ReportEntry = z.infer<typeof ReportEntry>;

export const EnrolmentReport = z.object({
  /** True when the report has no error: applying it would write exactly what it says. */
  ok: z.boolean(),
  totals: z.object({
    entries: z.number().int(),
    /** People to enrol in a role (new, or coming back). */
    toEnrol: z.number().int(),
    toReactivate: z.number().int(),
    alreadyEnrolled: z.number().int(),
    errors: z.number().int(),
    /** People to add to a group (CSV). */
    groupMemberships: z.number().int(),
    /** Accounts to create (and invite by mail) for addresses that have none. */
    accountsToCreate: z.number().int(),
  }),
  /** Addresses without an account, and what can be done about them. */
  accounts: z.object({
    /** How many valid addresses have no account. */
    unknown: z.number().int(),
    /** The first of them (at most 100), in input order. */
    unknownEmails: z.array(z.string()),
    /** Whether the actor may create their accounts here. */
    canCreate: z.boolean(),
    /** Whether this report creates them (asked for, and allowed). */
    create: z.boolean(),
    /** When the actor may not: the local administrators of the course's domain, to ask. */
    askTo: z.array(z.object({ name: z.string(), email: z.string() })),
  }),
  /** For a CSV file: how it was read, and its first lines as decoded, so a wrong guess shows. */
  file: CsvFileInfo.nullable(),
  /** Entries with something to say (errors and skipped ones), in input order; at most 1,000. */
  entries: z.array(ReportEntry),
  /** How many entries with something to say were left out of `entries`. */
  omitted: z.number().int(),
  /** Groups named in the CSV that the course does not have yet: applying creates them. */
  groupsToCreate: z.array(z.string()),
});
export type EnrolmentReport = z.infer<typeof EnrolmentReport>;

export const BulkResult = z.object({
  report: EnrolmentReport,
  enrolled: z.number().int(),
  reactivated: z.number().int(),
  groupsCreated: z.array(z.string()),
  /** Accounts created, each invited by mail to choose a password. */
  accountsCreated: z.number().int(),
  /** People told of their enrolment by mail (sessions only). */
  notified: z.number().int(),
});
export type BulkResult = z.infer<typeof BulkResult>;

/** Pasted lists, one per role; `createAccounts`: create the accounts of unknown addresses. */
export const ListsBody = z.object({
  lists: z.object({
    participant: z.string().max(BULK_MAX_BYTES).optional(),
    trainer: z.string().max(BULK_MAX_BYTES).optional(),
    tutor: z.string().max(BULK_MAX_BYTES).optional(),
  }),
  createAccounts: z.boolean().default(false),
});
export type ListsBody = z.infer<typeof ListsBody>;

export const CohortEnrolBody = z.object({ cohortId: Uuid, role: EnrolRole.default('participant') });

/** Enrol picked people (by id) or named ones (by address), all in one role. */
export const ManualEnrolBody = z
  .object({
    role: EnrolRole,
    userIds: z.array(Uuid).max(100).default([]),
    emails: z.array(z.string().trim().toLowerCase().max(254)).max(100).default([]),
  })
  .refine((body) => body.userIds.length + body.emails.length > 0, {
    message: 'errors.enrolment.nobody',
    path: ['emails'],
  });

export const ManualEnrolResult = z.object({
  enrolled: z.number().int(),
  reactivated: z.number().int(),
  alreadyEnrolled: z.number().int(),
});

// — Enrolments of a course —

export const GroupRef = z.object({ id: Uuid, name: z.string() });

export const Enrolment = z.object({
  id: Uuid,
  userId: Uuid,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  role: EnrolRole,
  method: z.enum(ENROL_METHODS),
  status: z.enum(['active', 'removed']),
  enrolledAt: z.string(),
  removedAt: z.string().nullable(),
  groups: z.array(GroupRef),
});
export type Enrolment = z.infer<typeof Enrolment>;

export const EnrolmentListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  role: EnrolRole.optional(),
  groupId: Uuid.optional(),
  status: z.enum(['active', 'removed']).default('active'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Why enrolment is closed in a course, when it is. */
export const EnrolmentClosed = z.enum(['trash', 'session_archived']);

export const EnrolmentList = z.object({
  items: z.array(Enrolment),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Whether the actor may enrol and unenrol here. */
  canManage: z.boolean(),
  closed: EnrolmentClosed.nullable(),
  /** Active enrolments per role, whatever the filters. */
  counts: z.object({ participant: z.number().int(), trainer: z.number().int(), tutor: z.number().int() }),
});
export type EnrolmentList = z.infer<typeof EnrolmentList>;

export const Candidate = z.object({
  id: Uuid,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  /** Roles the person already holds in the course. */
  enrolledAs: z.array(EnrolRole),
});
export const Candidates = z.object({
  /** `search`: by name or address among the course's domain; `email`: the exact address only. */
  mode: z.enum(['search', 'email']),
  items: z.array(Candidate),
});
export type Candidates = z.infer<typeof Candidates>;

// — Self-enrolment —

export const SelfEnrolmentState = z.object({
  /** Enrolled as participant now. */
  enrolled: z.boolean(),
  /** May enrol now (when not enrolled). */
  canEnrol: z.boolean(),
  /** May unenrol themselves (only from a self-enrolment, while the session runs). */
  canUnenrol: z.boolean(),
  /** Why not, when they may not enrol: a code of `errors.enrolment`. */
  reason: z.string().nullable(),
  seatsLeft: z.number().int().nullable(),
  /** The session's title, for those enrolled or who may enrol (the page they cannot open yet names it). */
  title: z.string().nullable(),
});
export type SelfEnrolmentState = z.infer<typeof SelfEnrolmentState>;

// — Groups and groupings —

const Name = z.string().trim().min(1).max(GROUP_NAME_MAX);

export const GroupMember = z.object({
  userId: Uuid,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
});
export const Group = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string(),
  members: z.array(GroupMember),
});
export type Group = z.infer<typeof Group>;
export const Grouping = z.object({ id: Uuid, name: z.string(), groupIds: z.array(Uuid) });
export type Grouping = z.infer<typeof Grouping>;
export const CourseGroups = z.object({
  groups: z.array(Group),
  groupings: z.array(Grouping),
  canManage: z.boolean(),
});
export type CourseGroups = z.infer<typeof CourseGroups>;

export const GroupCreateBody = z.object({ name: Name, description: z.string().trim().max(1000).default('') });
/** An update must change something. */
const someField = <T extends Record<string, unknown>>(body: T) =>
  Object.values(body).some((value) => value !== undefined);
const nothingToChange = { message: 'errors.enrolment.nothingToChange' };

export const GroupUpdateBody = z
  .object({
    name: Name.optional(),
    description: z.string().trim().max(1000).optional(),
  })
  .refine(someField, nothingToChange);
export const GroupMembersBody = z.object({ userIds: z.array(Uuid).min(1).max(5000) });
export const GroupingCreateBody = z.object({ name: Name, groupIds: z.array(Uuid).max(200).default([]) });
export const GroupingUpdateBody = z
  .object({
    name: Name.optional(),
    groupIds: z.array(Uuid).max(200).optional(),
  })
  .refine(someField, nothingToChange);

export const AudienceBody = z.object({
  audience: z.object({ groupIds: z.array(Uuid).max(200), groupingIds: z.array(Uuid).max(200) }).nullable(),
});

/**
 * Whether a person in `groupIdsOfUser` sees an activity restricted to `audience`: everyone when there is
 * no audience; else members of one of its groups, or of a group of one of its groupings. Staff who see
 * hidden content (trainers, designers) are the caller's business. Ids no longer existing match no one.
 */
export function visibleToGroups(
  audience: Audience | null | undefined,
  groupIdsOfUser: Iterable<string>,
  groupingsMap: ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>,
): boolean {
  if (!audience) return true;
  const mine = new Set(groupIdsOfUser);
  if (mine.size === 0) return false;
  if (audience.groupIds.some((id) => mine.has(id))) return true;
  const groupsOf = (groupingId: string): readonly string[] =>
    (groupingsMap instanceof Map
      ? groupingsMap.get(groupingId)
      : (groupingsMap as Readonly<Record<string, readonly string[]>>)[groupingId]) ?? [];
  return audience.groupingIds.some((groupingId) => groupsOf(groupingId).some((id) => mine.has(id)));
}

// — Cohorts —

export const Cohort = z.object({
  id: Uuid,
  domainId: Uuid,
  name: z.string(),
  description: z.string(),
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type Cohort = z.infer<typeof Cohort>;
export const CohortMember = GroupMember.extend({ addedAt: z.string() });
export const CohortDetail = Cohort.extend({ members: z.array(CohortMember) });
export type CohortDetail = z.infer<typeof CohortDetail>;
export const CohortCreateBody = z.object({
  domainId: Uuid,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(1000).default(''),
});
export const CohortUpdateBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(1000).optional(),
  })
  .refine(someField, nothingToChange);
export const CohortMembersBody = z.object({ emails: z.string().min(1).max(BULK_MAX_BYTES) });
export const CohortMembersResult = z.object({ added: z.number().int(), alreadyMembers: z.number().int() });
export const CohortListQuery = z.object({ domainId: Uuid.optional() });

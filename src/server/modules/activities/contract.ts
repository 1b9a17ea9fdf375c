import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { FileInfo } from '../../../shared/api.ts';
import type { Audience, CompletionRule, ExtraCompletionMode } from '../../../shared/completion.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Capability } from '../../platform/access/capabilities.ts';
import { defineCapabilities } from '../../platform/access/capabilities.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { FileLink, Files, Owner } from '../../platform/files/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import type { Access } from '../../platform/http/guard.ts';
import type { FieldError } from '../../platform/http/types.ts';

/**
 * An activity as the course engine stores it (the table is the engine's, in `courses/schema.ts`): the
 * common fields every kind has, and the kind's settings.
 */
export type ActivityRow = {
  id: string;
  courseId: string;
  sectionId: string;
  position: number;
  kind: string;
  title: string;
  settings: Record<string, unknown>;
  visibility: 'visible' | 'hidden';
  availableFrom: Date | null;
  completion: CompletionRule;
  /** Restricted to these groups (and the groups of these groupings); null: everyone. */
  audience: Audience | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * What the course engine lends a kind's routes, which sit below it: the access of a route in the
 * activity's context, the activity it acts on, and the engine's bookkeeping of a change.
 */
export type ActivityRouteKit = {
  /** Route access: reading the activity named by `:id` (`course:view` in its context). */
  view: { access: Access };
  /** Route access: changing the activity named by `:id` (`course:update` in its context). */
  update: { access: Access };
  /** Route access: one of the kind's own capabilities (`kind.caps[…]`) in the activity's context. */
  onActivity: (capability: Capability) => { access: Access };
  /**
   * The activity of this kind if the actor may see it now — the platform's one rule (its course's stage,
   * what is hidden or not yet open, the groups it is restricted to); otherwise 404, as on the course page.
   */
  visibleActivity: (
    ctx: Pick<RequestCtx, 'db' | 'actor' | 'now'>,
    activityId: string,
    kind: string,
  ) => Promise<ActivityRow>;
  /** The activity of this kind, for a designer's change (the route's access was checked); otherwise 404. */
  activityOfKind: (db: Tx, activityId: string, kind: string) => Promise<ActivityRow>;
  /** An audit event about the activity, in its course's domain, in the caller's transaction. */
  audit: (
    tx: Tx,
    request: FastifyRequest,
    activity: ActivityRow,
    action: string,
    details?: Record<string, unknown>,
  ) => Promise<void>;
};

/**
 * What every hook is given: the transaction of the engine's operation (a copy, a deletion, an import… is
 * one transaction, and the kind's writes belong to it: a failure anywhere leaves nothing half-done), the
 * file store, and the operation's time.
 */
export type ActivityHookContext = { tx: Tx; files: Files; now: Date };

/** A file named in the course archive: the archive carries its bytes once, as `files/<sha256>`. */
export type ArchiveFileRef = { sha256: string; filename: string; mime: string; size: number };

/** What a kind puts in the course archive for one activity, beside its settings and its own file links. */
export type ActivityExport<D> = { data: D; files?: readonly ArchiveFileRef[] };

/** The import's context: the hook context, and the way to the files the export named. */
export type ActivityImportContext = ActivityHookContext & {
  /**
   * Links a file the export named (in its `files`) to an owner of the kind's (a post, a submission…): its
   * bytes are stored once, checked against their hash, whatever the number of links.
   */
  linkFile: (ref: ArchiveFileRef, owner: Owner, options?: { position?: number }) => Promise<FileLink>;
};

/** A capability a kind declares: the context level it is checked in, the roles holding it by default. */
export type ActivityCapability = {
  level: 'course' | 'activity';
  roles: readonly Role[];
  /** In French: shown where capabilities are listed. */
  description: string;
};

/**
 * A realtime channel of the kind (a live quiz's questions, a word cloud's words): what is published on it
 * and the capability, in the activity's context, a subscriber must hold (`can()`).
 */
export type ActivityChannel<M = unknown> = {
  /**
   * A capability name: the kind's own (checked by `defineActivity`) or the platform's. Typed as a string
   * because a kind's own names become capabilities only through the kind's definition itself.
   */
  capability: string;
  message: z.ZodType<M>;
  /** What its subscribers learn of who else is connected: nobody, a count, or who (the default). */
  presence?: 'none' | 'count' | 'people';
};

/**
 * The activity contract — what a kind of activity tells the course engine about itself, like a Moodle
 * `mod_*` plugin but typed. The engine stores the common fields (title, section, position, visibility),
 * the settings (validated by the kind's schema on create, update and import) and the files linked to the
 * activity (`{ type: 'activity', id }`), and copies, archives and removes those itself. Whatever else the
 * kind owns — rows of its own tables, files linked to its own owners — follows the course through the
 * lifecycle hooks below, which the engine calls and never looks behind. Every hook is optional: a kind
 * owning nothing but settings and files declares none. See README.md for what each must do.
 *
 * `S`: the settings; `D`: what the kind puts in the course archive (`exportData` / `importData`).
 */
export type ActivityKind<S extends Record<string, unknown> = Record<string, unknown>, D = unknown> = {
  kind: string;
  /** Whether it is a resource (something to read or watch) or an activity (something to do). */
  family: 'resource' | 'activity';
  /** zod schema of the settings, from `src/shared` so the web reads them typed; with French messages. */
  settings: z.ZodType<S>;
  /**
   * Server-side cleaning beyond validation (rich text through the allow-list, URLs through the
   * safe-URL check). Runs after validation, before anything is stored.
   */
  clean?: (settings: S) => S;
  /**
   * Checks that need the database (an allow-list the administrator sets…), after cleaning. Returns field
   * errors with paths relative to the settings (`url`); an empty list lets the settings pass.
   */
  check?: (settings: S, ctx: { db: Tx }) => Promise<FieldError[]>;
  /** Settings for a newly created activity when the designer gives none; without it, settings are required. */
  defaults?: () => S;
  /**
   * The kind's own capabilities, named `<kind>:<verb>`, registered with the platform's capabilities like
   * a module's `policy.ts` (its routes and channels then ask for them in the activity's context).
   */
  capabilities?: Record<string, ActivityCapability>;
  /**
   * What the course page needs of this activity, beyond its title and kind — a label's style and text (shown
   * in place), a link's address, a file's format and size — computed from its settings and the files linked
   * to it (in position order). The course page sends this instead of the settings: it is read by every
   * participant, so what is only needed to open the activity (a page's HTML) stays out of it and comes with
   * `GET /api/activities/:id`. Without it, or when it returns nothing, the course page carries nothing of the
   * settings. Keep it small; it is cached with the page and recomputed when the activity or its files change.
   */
  coursePageSummary?: (activity: {
    settings: S;
    files: readonly FileInfo[];
  }) => Record<string, unknown> | undefined;
  /**
   * The kind's own HTTP routes (uploads, downloads, submissions…), under `/api/activities/:id/<kind>/…`,
   * made with what the engine lends them (`kit`). Each declares its access like any route.
   */
  routes?: (kit: ActivityRouteKit) => FastifyPluginAsyncZod;
  /** The kind's realtime channels, by name; none yet for the kinds shipped. */
  channels?: Record<string, ActivityChannel>;
  /**
   * Completion tracking. Every kind supports the rules `none`, `view` (done when opened) and `manual` (the
   * participant marks it done); `modes` adds those the kind reports itself with `reportActivityOutcome`
   * (`outcomes.ts`, which the completion module records) — `submit`, `grade` (against the designer's pass
   * grade), `kind` (its own rule). `untracked`: the kind is shown in place and never opened (labels), so only `none` applies.
   * `evaluate`: for `kind`, who meets the kind's own rule now, read from its rows — asked when a designer
   * sets the rule to `kind` on an activity that already holds people's work, so their work counts.
   */
  completion?: {
    modes?: readonly ExtraCompletionMode[];
    untracked?: boolean;
    evaluate?: (ctx: ActivityHookContext, activity: ActivityRow) => Promise<readonly string[]>;
  };
  /**
   * The activity was copied (course duplication, a session made from its parcours, a template used, the
   * hub): `to` exists, with its settings, its context and its file links. Copy the rows the kind owns
   * for `from` to `to`; people's work (posts, attempts, submissions…) only `withUserData`.
   */
  onCopy?: (
    ctx: ActivityHookContext,
    copy: { from: ActivityRow; to: ActivityRow; withUserData: boolean },
  ) => Promise<void>;
  /**
   * The activity is about to be deleted (alone, with its section, or with its course's content): remove
   * every row the kind owns for it and unlink the files of its own owners. The activity still exists;
   * its context and its own file links are the engine's.
   */
  onDelete?: (ctx: ActivityHookContext, activity: ActivityRow) => Promise<void>;
  /**
   * What the course archive carries of the activity beyond its settings and files: JSON, and the files it
   * names (linked to the kind's owners). Content only — the archive carries nobody's work. Nothing
   * (undefined) when the kind has nothing to carry for this activity.
   */
  exportData?: (ctx: ActivityHookContext, activity: ActivityRow) => Promise<ActivityExport<D> | undefined>;
  /**
   * The schema of what `exportData` gives: an archive's data is checked with it, with the rest of the
   * archive, before anything is written. Required with `exportData` / `importData`.
   */
  dataSchema?: z.ZodType<D>;
  /** Writes what an archive carried for the activity, just created from it (`linkFile` for its files). */
  importData?: (ctx: ActivityImportContext, activity: ActivityRow, data: D) => Promise<void>;
  /**
   * The session is reset for a new group: remove people's work in the activity (attempts, posts…), keep
   * what the designer made (questions, prompts).
   */
  resetUserData?: (ctx: ActivityHookContext, activity: ActivityRow) => Promise<void>;
  /**
   * One person's data in the activity, for the GDPR: `export` gives it as JSON (undefined: none), `erase`
   * removes or anonymises it.
   */
  userData?: {
    export: (ctx: ActivityHookContext, activity: ActivityRow, userId: string) => Promise<unknown>;
    erase: (ctx: ActivityHookContext, activity: ActivityRow, userId: string) => Promise<void>;
  };
};

/** A defined kind: its contract, and its capabilities' names to ask for in its routes (`caps['quiz:attempt']`). */
export type DefinedActivity<
  S extends Record<string, unknown>,
  D,
  C extends Record<string, ActivityCapability>,
> = ActivityKind<S, D> & { capabilities: C; caps: { [K in keyof C]: K } };

/**
 * Declares a kind. Its capabilities are registered at once with the platform's (a second declaration of a
 * name fails the start, as for modules); they must be named `<kind>:…`. A kind that archives data must
 * say how to read it back: `exportData`, `dataSchema` and `importData` come together.
 */
export function defineActivity<
  S extends Record<string, unknown>,
  D = unknown,
  const C extends Record<string, ActivityCapability> = Record<never, ActivityCapability>,
>(kind: ActivityKind<S, D> & { capabilities?: C }): DefinedActivity<S, D, C> {
  const capabilities = (kind.capabilities ?? {}) as C;
  for (const name of Object.keys(capabilities))
    if (!name.startsWith(`${kind.kind}:`))
      throw new Error(`capability ${name} of kind ${kind.kind} must be named ${kind.kind}:…`);
  for (const [name, channel] of Object.entries(kind.channels ?? {}))
    if (channel.capability.startsWith(`${kind.kind}:`) && !(channel.capability in capabilities))
      throw new Error(`channel ${name} of kind ${kind.kind} asks for an undeclared ${channel.capability}`);
  const archived = [kind.exportData, kind.dataSchema, kind.importData].filter(Boolean).length;
  if (archived !== 0 && archived !== 3)
    throw new Error(`kind ${kind.kind}: exportData, dataSchema and importData come together`);
  const caps = defineCapabilities(
    Object.fromEntries(
      Object.entries(capabilities).map(([name, c]) => [name, { roles: c.roles, description: c.description }]),
    ),
  ) as { [K in keyof C]: K };
  return { ...kind, capabilities, caps };
}

/** A kind whose settings and data types are erased, as the registry holds them side by side. */
// biome-ignore lint/suspicious/noExplicitAny: each kind checks its own settings and data with its schemas at run time
export type AnyActivityKind = ActivityKind<any, any>;

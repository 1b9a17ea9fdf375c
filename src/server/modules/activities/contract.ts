import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { FileInfo } from '../../../shared/api.ts';
import type { ExtraCompletionMode } from '../../../shared/completion.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { FieldError } from '../../platform/http/types.ts';

/**
 * The activity contract — what a kind of activity tells the course engine about itself, like a Moodle
 * `mod_*` plugin but typed. The engine stores the common fields (title, section, position, visibility)
 * and hands the kind its own `settings`, validated by the kind's schema on create, update and import.
 */
export type ActivityKind<S extends Record<string, unknown> = Record<string, unknown>> = {
  kind: string;
  /** Whether it is a resource (something to read or watch) or an activity (something to do). */
  family: 'resource' | 'activity';
  /** zod schema of the settings, with French messages; applied on create, update and import. */
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
  /** Settings for a newly created activity when the designer gives none; without it, settings are required. */
  defaults?: () => S;
  /**
   * The kind's own HTTP routes (uploads, downloads, submissions…), under `/api/activities/:id/<kind>/…`.
   * Each declares its access like any route. Files a kind stores belong to the activity (file links with
   * owner `activity`): the engine copies them on duplication and removes them with the activity.
   */
  routes?: FastifyPluginAsyncZod;
  /**
   * Completion tracking. Every kind supports the rules `none`, `view` (done when opened) and `manual` (the
   * participant marks it done); `modes` adds those the kind reports itself through the completion
   * module's `reportActivityOutcome` — `submit`, `grade` (against the designer's pass grade), `kind` (its
   * own rule). `untracked`: the kind is shown in place and never opened (labels), so only `none` applies.
   */
  completion?: { modes?: readonly ExtraCompletionMode[]; untracked?: boolean };
};

export function defineActivity<S extends Record<string, unknown>>(kind: ActivityKind<S>): ActivityKind<S> {
  return kind;
}

/** A kind whose settings type is erased, as the registry holds them side by side. */
// biome-ignore lint/suspicious/noExplicitAny: each kind checks its own settings with its schema at run time
export type AnyActivityKind = ActivityKind<any>;

import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { FileInfo } from '../../../shared/api.ts';
import {
  BASE_COMPLETION_MODES,
  type CompletionMode,
  type CompletionRule,
} from '../../../shared/completion.ts';
import type { Tx } from '../../platform/db/index.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import type { FieldError } from '../../platform/http/types.ts';
import { activityKind, activityKinds } from './registry.ts';
import { activityFavourites } from './schema.ts';

/**
 * Validates and cleans settings for a kind: the contract's schema, its server-side cleaning, then its
 * checks against the database. Errors come back as field errors under `settings.…`.
 */
export async function prepareSettings(
  db: Tx,
  kindName: string,
  raw: Record<string, unknown> | undefined,
): Promise<Record<string, unknown>> {
  const kind = activityKind(kindName);
  if (!kind)
    throw new HttpProblem(400, 'unknown_kind', 'errors.unknownActivityKind', {
      errors: [{ path: 'kind', message: 'errors.unknownActivityKind' }],
    });
  const input = raw ?? kind.defaults?.() ?? {};
  const parsed = kind.settings.safeParse(input);
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.map((issue: z.core.$ZodIssue) => ({
      path: ['settings', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw new HttpProblem(400, 'validation_failed', 'errors.validation', { errors });
  }
  const settings = kind.clean ? kind.clean(parsed.data) : parsed.data;
  const refused = (await kind.check?.(settings, { db })) ?? [];
  if (refused.length > 0)
    throw new HttpProblem(400, 'validation_failed', 'errors.validation', {
      errors: refused.map((e) => ({ path: `settings.${e.path}`, message: e.message })),
    });
  return settings;
}

/** What the course page shows of an activity (its kind's `coursePageSummary`); nothing for other kinds. */
export function coursePageSummary(
  kindName: string,
  settings: Record<string, unknown>,
  files: readonly FileInfo[],
): Record<string, unknown> | undefined {
  return activityKind(kindName)?.coursePageSummary?.({ settings, files });
}

/** The completion rules a kind supports (its contract's `completion`); unknown kinds: none. */
export function completionModes(kindName: string): CompletionMode[] {
  const kind = activityKind(kindName);
  if (!kind) return ['none'];
  if (kind.completion?.untracked) return ['none'];
  return [...BASE_COMPLETION_MODES, ...(kind.completion?.modes ?? [])];
}

/** Refuses a rule the activity's kind does not support (422, French message on `completion.mode`). */
export function assertRuleAllowed(kind: string, rule: CompletionRule) {
  if (!completionModes(kind).includes(rule.mode))
    throw new HttpProblem(422, 'completion_mode_unsupported', 'errors.completion.modeUnsupported', {
      errors: [{ path: 'completion.mode', message: 'errors.completion.modeUnsupported' }],
    });
}

/** The kinds for the chooser, the actor's favourites first. */
export async function chooserKinds(db: Tx, userId: string) {
  const favourites = new Set(
    (await db.select().from(activityFavourites).where(eq(activityFavourites.userId, userId))).map(
      (f) => f.kind,
    ),
  );
  return activityKinds()
    .map((kind) => ({
      kind: kind.kind,
      family: kind.family,
      favourite: favourites.has(kind.kind),
      completionModes: completionModes(kind.kind),
    }))
    .sort((a, b) => Number(b.favourite) - Number(a.favourite));
}

export async function setFavourite(db: Tx, userId: string, kind: string, favourite: boolean) {
  if (!activityKind(kind)) throw new HttpProblem(404, 'unknown_kind', 'errors.unknownActivityKind');
  if (favourite) await db.insert(activityFavourites).values({ userId, kind }).onConflictDoNothing();
  else
    await db
      .delete(activityFavourites)
      .where(and(eq(activityFavourites.userId, userId), eq(activityFavourites.kind, kind)));
}

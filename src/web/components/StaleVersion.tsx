/**
 * Optimistic concurrency in a form. A form sends the version of the object it was opened at
 * (`If-Match`); when someone saved the object in between, the server refuses with 409 `stale_version`.
 * The form then shows an alert offering to load the latest version. Loading it merges, field by field:
 * what the person typed stays in the fields; the fields they had not touched take the latest values (so
 * saving again does not undo the other person's changes unseen); the alert names the fields the other
 * person changed, and among them those where the person's own input was kept.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, STALE_VERSION } from '../api/client.ts';
import { useProblemMessage } from './ProblemAlert.tsx';

export const isStaleVersion = (error: unknown): boolean =>
  error instanceof ApiError && error.code === STALE_VERSION;

export type Conflict =
  | { state: 'stale'; message: string }
  | { state: 'reloaded'; changed: string[]; kept: string[] }
  | { state: 'failed'; message: string };

type Values = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The names of `keys` whose values differ between two versions of an object. */
export function changedKeys<T extends object>(before: T, latest: T, keys: readonly (keyof T & string)[]) {
  return keys.filter((key) => !same(before[key], latest[key]));
}

/**
 * The version a form edits, and its conflicts. The form renders its fields from `base` (not from the
 * live query, which a window regaining focus refetches) and remounts them when `generation` changes;
 * the version sent is `base`'s.
 */
export function useVersionedForm<T>(options: {
  /** The object as the form was opened with it. */
  initial: T;
  version: (object: T) => number;
  /** Fetches the latest version of the object (bypassing any cache). */
  load: () => Promise<T>;
  /** The names (label keys) of the form's fields that differ between two versions of the object. */
  diff: (before: T, latest: T) => string[];
  /** The form's values now, by field name (the names `diff` uses). */
  read: () => Values;
  /** The latest object with the values the person typed (only the fields they changed) in place. */
  merge: (latest: T, typed: Values) => T;
  /** For state the form keeps itself (controlled fields): set it from the merged object. */
  apply?: (merged: T) => void;
}) {
  const problemMessage = useProblemMessage();
  const [base, setBase] = useState(options.initial);
  const [generation, setGeneration] = useState(0);
  const [conflict, setConflict] = useState<Conflict>();
  const [reloading, setReloading] = useState(false);
  // The values as the fields showed them once rendered from `base`, and the fields the person changed.
  const shown = useRef<Values>({});
  const touched = useRef(new Set<string>());
  const read = useRef(options.read);
  read.current = options.read;
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again each time the fields are rendered anew
  useEffect(() => {
    shown.current = read.current();
  }, [generation]);

  return {
    base,
    /** Changes when the fields are rendered anew from a merged version: the key of the form's fields. */
    generation,
    /** The version the next save is conditional on (its `If-Match`). */
    version: options.version(base),
    conflict,
    reloading,
    /** For a failed save: true, and the alert shown, when it failed because the object changed. */
    caught(error: unknown): boolean {
      if (!isStaleVersion(error)) return false;
      setConflict({ state: 'stale', message: problemMessage(error) });
      return true;
    },
    /** After a save that keeps the form open: it now edits what was saved. */
    saved(latest: T) {
      setBase(latest);
      setConflict(undefined);
      // What the fields hold now is what was saved: nothing is "typed over" the new version yet.
      shown.current = read.current();
      touched.current.clear();
    },
    /** Loads the latest version and merges it into the fields (see above). */
    async reload() {
      setReloading(true);
      try {
        const now = read.current();
        for (const [name, value] of Object.entries(now))
          if (!same(value, shown.current[name])) touched.current.add(name);
        const latest = await options.load();
        const typed = Object.fromEntries(Object.entries(now).filter(([name]) => touched.current.has(name)));
        const merged = options.merge(latest, typed);
        const changed = options.diff(base, latest);
        setConflict({
          state: 'reloaded',
          changed,
          kept: changed.filter((name) => touched.current.has(name)),
        });
        setBase(merged);
        options.apply?.(merged);
        setGeneration((g) => g + 1);
      } catch (error) {
        setConflict({ state: 'failed', message: problemMessage(error) });
      } finally {
        setReloading(false);
      }
    },
  };
}

/**
 * The alert of a stale save, with its button to load the latest version; then, once loaded, what changed.
 * `labels` names the form's fields (the names `diff` returns).
 */
export function StaleVersionAlert({
  form,
  labels,
  className = 'fr-mb-3w',
  as = 'h2',
  reloadedText,
}: {
  form: { conflict: Conflict | undefined; reloading: boolean; reload: () => Promise<void> };
  labels: Record<string, string | undefined>;
  className?: string;
  /** The level of the alert's title in the page's outline. */
  as?: 'h2' | 'h3';
  /** Once loaded, what to say instead of the form's message (which fields changed, which were kept). */
  reloadedText?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const { conflict } = form;
  // Loaded: the button is gone, so the focus goes to the alert saying what changed.
  useEffect(() => {
    if (conflict?.state === 'reloaded') ref.current?.focus();
  }, [conflict]);
  if (!conflict) return null;
  if (conflict.state === 'reloaded') {
    const names = (keys: string[]) => keys.map((key) => labels[key] ?? key).join(', ');
    return (
      <div ref={ref} tabIndex={-1} className={className}>
        <Alert
          severity="info"
          as={as}
          role="status"
          title={t('ui.staleVersion.reloadedTitle')}
          description={
            reloadedText ?? (
              <>
                <p>{t('ui.staleVersion.reloaded')}</p>
                <p>
                  {conflict.changed.length
                    ? t('ui.staleVersion.changed', { fields: names(conflict.changed) })
                    : t('ui.staleVersion.unchanged')}
                  {conflict.kept.length
                    ? ` ${t('ui.staleVersion.kept', { fields: names(conflict.kept) })}`
                    : null}
                </p>
              </>
            )
          }
        />
      </div>
    );
  }
  return (
    <div className={className}>
      <Alert
        severity={conflict.state === 'failed' ? 'error' : 'warning'}
        as={as}
        role="alert"
        title={t('ui.staleVersion.title')}
        description={
          <>
            <p className="fr-mb-1w">
              {conflict.message} {conflict.state === 'stale' ? t('ui.staleVersion.keep') : null}
            </p>
            <Button
              type="button"
              size="small"
              priority="secondary"
              iconId="fr-icon-refresh-line"
              disabled={form.reloading}
              onClick={() => void form.reload()}
            >
              {form.reloading ? t('ui.staleVersion.reloading') : t('ui.staleVersion.reload')}
            </Button>
          </>
        }
      />
    </div>
  );
}

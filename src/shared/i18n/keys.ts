/**
 * Keys built from parts, still checked: `keyIn('ui.lifecycle.publics', p)` is a key of the catalogue only if
 * the group exists and `p`'s type names keys under it, so a typo or a value missing from the catalogue fails
 * the type check, where a template literal (`` `ui.lifecycle.publics.${p}` ``) of a `string` would not.
 */
import type { FrNamespaces, Namespace } from './namespaces.ts';

type Plural = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** `t` takes a plural by its base: `resultCount_one` is read through `resultCount`. */
type Base<K extends string> = K extends `${infer B}_${Plural}` ? B : K;
type LeavesOf<T> = {
  [K in keyof T & string]: T[K] extends string ? Base<K> : `${K}.${LeavesOf<T[K]>}`;
}[keyof T & string];
type GroupsOf<T> = {
  [K in keyof T & string]: T[K] extends string ? never : K | `${K}.${GroupsOf<T[K]>}`;
}[keyof T & string];

/** Every key of the catalogue, as `t` takes it. */
export type Key = { [N in Namespace]: LeavesOf<FrNamespaces[N]> }[Namespace];
/** Every path above keys: `ui`, `ui.lifecycle`, `ui.lifecycle.publics`… */
export type Group = { [N in Namespace]: GroupsOf<FrNamespaces[N]> }[Namespace];
/** What follows `P.` in the keys under group `P`: `SuffixOf<'ui.lifecycle.publics'>` is `'cpe' | 'aesh' | …`. */
export type SuffixOf<P extends Group> = Key extends infer K
  ? K extends `${P}.${infer S}`
    ? S
    : never
  : never;

/** The key `prefix.suffix`: both halves checked, the suffix usually a union (a stage, a modality, a field). */
export function keyIn<P extends Group, S extends SuffixOf<P>>(prefix: P, suffix: S): `${P}.${S}` {
  return `${prefix}.${suffix}` as const;
}

/**
 * Whether a value from elsewhere (a code in the server's answer, a field of a form) is one of `values`, so
 * that a key can be built from it: the app's list is checked against the catalogue by `keyIn`, the value at
 * run time against the list.
 */
export function isOneOf<const T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

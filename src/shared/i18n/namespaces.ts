/**
 * The catalogue's namespaces. Each is a slice of the one tree of keys (`ui.auth.login.title`,
 * `offers.catalogue.intro`…): a key keeps its full path whatever file holds it, so `t('ui.auth.login.title')`
 * reads the same on the server, which merges every namespace, and in the web app, which loads `common` at
 * start and the others with the pages that need them (`src/web/app/router.tsx`).
 */

import type { activities } from './activities.fr.ts';
import type { admin } from './admin.fr.ts';
import type { audience } from './audience.fr.ts';
import type { auth } from './auth.fr.ts';
import type { cohorts } from './cohorts.fr.ts';
import type { common } from './common.fr.ts';
import type { completion } from './completion.fr.ts';
import type { courses } from './courses.fr.ts';
import type { editor } from './editor.fr.ts';
import type { enrolment } from './enrolment.fr.ts';
import type { followup } from './followup.fr.ts';
import type { home } from './home.fr.ts';
import type { hub } from './hub.fr.ts';
import type { indexation } from './indexation.fr.ts';
import type { legal } from './legal.fr.ts';
import type { lifecycle } from './lifecycle.fr.ts';
import type { messaging } from './messaging.fr.ts';
import type { notifications } from './notifications.fr.ts';
import type { offerCatalogue } from './offerCatalogue.fr.ts';
import type { offers } from './offers.fr.ts';
import type { privacy } from './privacy.fr.ts';
import type { profile } from './profile.fr.ts';
import type { selfEnrolment } from './selfEnrolment.fr.ts';
import type { server } from './server.fr.ts';
import type { users } from './users.fr.ts';

export const NAMESPACES = [
  'common',
  'auth',
  'home',
  'courses',
  'activities',
  'editor',
  'completion',
  'lifecycle',
  'indexation',
  'offerCatalogue',
  'offers',
  'hub',
  'audience',
  'users',
  'admin',
  'cohorts',
  'enrolment',
  'selfEnrolment',
  'followup',
  'profile',
  'legal',
  'privacy',
  'messaging',
  'notifications',
  'server',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** The French namespaces, the reference: every other locale follows their shape. */
export type FrNamespaces = {
  common: typeof common;
  auth: typeof auth;
  home: typeof home;
  courses: typeof courses;
  activities: typeof activities;
  editor: typeof editor;
  completion: typeof completion;
  lifecycle: typeof lifecycle;
  indexation: typeof indexation;
  offerCatalogue: typeof offerCatalogue;
  offers: typeof offers;
  hub: typeof hub;
  audience: typeof audience;
  users: typeof users;
  admin: typeof admin;
  cohorts: typeof cohorts;
  enrolment: typeof enrolment;
  selfEnrolment: typeof selfEnrolment;
  followup: typeof followup;
  profile: typeof profile;
  legal: typeof legal;
  privacy: typeof privacy;
  messaging: typeof messaging;
  notifications: typeof notifications;
  server: typeof server;
};

/** A tree of strings with the keys of `T` and any text: what another locale must give. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape of namespace `N` in a locale other than French. */
export type Shape<N extends Namespace> = Widen<FrNamespaces[N]>;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The whole tree of a locale, every namespace merged. */
export type Merged<T extends Record<Namespace, object>> = Intersection<T[Namespace]>;

type Tree = { [key: string]: string | Tree };

function mergeInto(target: Tree, source: Tree, path: string): void {
  for (const [key, value] of Object.entries(source)) {
    const at = path ? `${path}.${key}` : key;
    const existing = target[key];
    if (typeof value === 'string') {
      // A key in two namespaces would read differently depending on which one a page loaded.
      if (existing !== undefined) throw new Error(`i18n : la clé ${at} est dans deux espaces de noms`);
      target[key] = value;
    } else if (existing === undefined) {
      target[key] = {};
      mergeInto(target[key] as Tree, value, at);
    } else if (typeof existing === 'string') {
      throw new Error(`i18n : la clé ${at} est à la fois un texte et un groupe`);
    } else mergeInto(existing, value, at);
  }
}

/** One tree of every namespace of a locale, as the server reads it. */
export function mergeNamespaces<T extends Record<Namespace, object>>(namespaces: T): Merged<T> {
  const merged: Tree = {};
  for (const name of NAMESPACES) mergeInto(merged, namespaces[name] as Tree, '');
  return merged as Merged<T>;
}

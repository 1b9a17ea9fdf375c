/**
 * French catalogue — the reference locale, every namespace merged into one tree (the server's view; the web
 * app loads namespaces one by one). Typography follows the State's rules (non-breaking space before : ; ! ?).
 */

import { activities } from './activities.fr.ts';
import { admin } from './admin.fr.ts';
import { audience } from './audience.fr.ts';
import { auth } from './auth.fr.ts';
import { cohorts } from './cohorts.fr.ts';
import { common } from './common.fr.ts';
import { completion } from './completion.fr.ts';
import { courses } from './courses.fr.ts';
import { editor } from './editor.fr.ts';
import { enrolment } from './enrolment.fr.ts';
import { followup } from './followup.fr.ts';
import { home } from './home.fr.ts';
import { hub } from './hub.fr.ts';
import { indexation } from './indexation.fr.ts';
import { legal } from './legal.fr.ts';
import { lifecycle } from './lifecycle.fr.ts';
import { messaging } from './messaging.fr.ts';
import { type FrNamespaces, mergeNamespaces, type Widen } from './namespaces.ts';
import { notifications } from './notifications.fr.ts';
import { offerCatalogue } from './offerCatalogue.fr.ts';
import { offers } from './offers.fr.ts';
import { privacy } from './privacy.fr.ts';
import { profile } from './profile.fr.ts';
import { selfEnrolment } from './selfEnrolment.fr.ts';
import { server } from './server.fr.ts';
import { users } from './users.fr.ts';

export const frNamespaces: FrNamespaces = {
  common,
  auth,
  home,
  courses,
  activities,
  editor,
  completion,
  lifecycle,
  indexation,
  offerCatalogue,
  offers,
  hub,
  audience,
  users,
  admin,
  cohorts,
  enrolment,
  selfEnrolment,
  followup,
  profile,
  legal,
  privacy,
  messaging,
  notifications,
  server,
};

export const fr = mergeNamespaces(frNamespaces);

/** The shape every other locale must follow. */
export type Catalogue = Widen<typeof fr>;

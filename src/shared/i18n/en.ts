/** English catalogue — second locale, for the API's clients; same namespaces and keys as the French one. */

import { activities } from './activities.en.ts';
import { admin } from './admin.en.ts';
import { audience } from './audience.en.ts';
import { auth } from './auth.en.ts';
import { cohorts } from './cohorts.en.ts';
import { common } from './common.en.ts';
import { completion } from './completion.en.ts';
import { courses } from './courses.en.ts';
import { editor } from './editor.en.ts';
import { enrolment } from './enrolment.en.ts';
import { followup } from './followup.en.ts';
import type { Catalogue } from './fr.ts';
import { home } from './home.en.ts';
import { hub } from './hub.en.ts';
import { indexation } from './indexation.en.ts';
import { legal } from './legal.en.ts';
import { lifecycle } from './lifecycle.en.ts';
import { messaging } from './messaging.en.ts';
import { mergeNamespaces, type Namespace, type Shape } from './namespaces.ts';
import { notifications } from './notifications.en.ts';
import { offerCatalogue } from './offerCatalogue.en.ts';
import { offers } from './offers.en.ts';
import { privacy } from './privacy.en.ts';
import { profile } from './profile.en.ts';
import { selfEnrolment } from './selfEnrolment.en.ts';
import { server } from './server.en.ts';
import { users } from './users.en.ts';

export const enNamespaces: { [N in Namespace]: Shape<N> } = {
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

export const en: Catalogue = mergeNamespaces(enNamespaces);

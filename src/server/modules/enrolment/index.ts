/** The enrolment module's public face: what other modules may use. */
export {
  activitiesOutOfReach,
  audienceNames,
  groupingsMap,
  hasRestrictedActivities,
  inAudience,
  isInAudience,
} from './audience.ts';
export { enrolledPeople, enrolmentsOf, groupsIn } from './queries.ts';
export { selfEnrolmentState } from './service.ts';

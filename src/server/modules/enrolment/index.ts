/** The enrolment module's public face: what other modules may use. */
export { audienceNames, groupingsMap, inAudience } from './audience.ts';
export { defineEnrolmentNotifications, ENROLMENT_NOTIFICATION } from './notify.ts';
export { enrolmentPersonalData } from './personal-data.ts';
export { enrolledPeople, enrolmentsOf, groupsIn, groupsOfPeople } from './queries.ts';
export { selfEnrolmentState } from './service.ts';

/** The roles module's public face: what other modules may use. */

export { rolesPersonalData } from './personal-data.ts';
export { capabilitiesInCourse, listAssignments } from './service.ts';

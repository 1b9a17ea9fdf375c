/** The roles module's public face: what other modules may use. */
export { capabilitiesInCourse, listAssignments } from './service.ts';

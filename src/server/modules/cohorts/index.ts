/** The cohorts module's public face: what other modules may use. */
export { cohortForEnrolment, cohortsOfDomain } from './service.ts';

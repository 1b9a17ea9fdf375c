/** The cohorts module's public face: what other modules may use. */

export { cohortPersonalData } from './personal-data.ts';
export { cohortForEnrolment, cohortsOfDomain } from './service.ts';

/** The follow-up module's public face: what other modules may use. */
export { followupPersonalData } from './personal-data.ts';

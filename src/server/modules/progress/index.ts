/** The progress module's public face: what other modules may use. */

export { progressPersonalData } from './personal-data.ts';
export { courseProgress, resumePoints } from './service.ts';

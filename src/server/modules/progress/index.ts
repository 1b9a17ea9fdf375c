/** The progress module's public face: what other modules may use. */
<<<<<<< HEAD
export { courseProgress, resumePoints } from './service.ts';
=======

export { progressPersonalData } from './personal-data.ts';
export { resumePoints } from './service.ts';
>>>>>>> wt-gdpr

/** The progress module's public face: what other modules may use. */
export { courseProgress, resumePoints } from './service.ts';

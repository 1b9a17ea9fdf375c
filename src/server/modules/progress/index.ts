/** The progress module's public face: what other modules may use. */
export { resumePoints } from './service.ts';

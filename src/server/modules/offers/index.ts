/** The offers module's public face: what other modules may use. */
export { withdrawTrashedCourse } from './service.ts';

/** The roles module's public face: what other modules may use. */
export { listAssignments } from './service.ts';

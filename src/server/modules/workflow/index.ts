/** The workflow module's public face: what other modules may use. */
export { sessionOf, sessionsOf } from './queries.ts';

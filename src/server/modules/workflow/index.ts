/** The course life cycle, as other modules may use it. */
export { practicalOf } from './service.ts';

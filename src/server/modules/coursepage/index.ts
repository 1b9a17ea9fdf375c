/** The course page module's public face: what other modules may use. */
export { courseMineForShell, type PageCtx, readCourseMine, readCoursePage, type Viewer } from './service.ts';

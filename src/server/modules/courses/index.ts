/** The courses module's public face: what other modules may use. */

export { forgetInAudiences, setActivityAudience } from './audience.ts';
export { clearCourseContent, copyCourse, copyCourseContent } from './copy.ts';
export { courseCapabilities } from './policy.ts';
export { type CourseWithPath, coursesByIds, coursesOfPerson } from './queries.ts';
export {
  activityContextId,
  copiesOf,
  courseContextId,
  coursePage,
  findActivitiesByTitle,
  findCoursesByTitle,
  getActivity,
  getCourse,
  listCourses,
  setCourseMetadata,
  setCourseStage,
  titlesOf,
  toCourses,
  trashedCourses,
} from './service.ts';
export {
  addSession,
  changeSession,
  type SessionRow,
  sessionCountsFrom,
  sessionOf,
  sessionsOf,
  toSession,
} from './sessions.ts';

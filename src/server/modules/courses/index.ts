/** The courses module's public face: what other modules may use. */

export { clearCourseContent, copyCourse, copyCourseContent } from './copy.ts';
export { courseCapabilities } from './policy.ts';
export { type CourseWithPath, coursesOfPerson } from './queries.ts';
export {
  activityContextId,
  copiesOf,
  courseContextId,
  coursePage,
  findActivitiesByTitle,
  findCoursesByTitle,
  getCourse,
  listCourses,
  setCourseMetadata,
  setCourseStage,
  titlesOf,
  toCourses,
  trashedCourses,
} from './service.ts';

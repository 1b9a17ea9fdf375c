/** The courses module's public face: what other modules may use. */

export { forgetInAudiences, setActivityAudience } from './audience.ts';
export { assertShortNameFree, clearCourseContent, copyCourse, copyCourseContent } from './copy.ts';
export {
  completionCriteria,
  completionRulesFor,
  countedActivities,
  setCompletionCriteria,
  trackedActivities,
} from './criteria.ts';
export { watchCourseFacts } from './facts.ts';
export { courseCapabilities } from './policy.ts';
export {
  activitiesInReadingOrder,
  type CourseWithPath,
  coursesByIds,
  coursesOfPerson,
} from './queries.ts';
export {
  activityContextId,
  copiesOf,
  courseContextId,
  coursePage,
  findActivitiesByTitle,
  findActivity,
  findCoursesByTitle,
  getActivity,
  getCourse,
  listCourses,
  type PageReader,
  pageAccess,
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
export { activityUserData } from './user-data.ts';
export {
  activitiesOutOfReach,
  courseShown,
  defineAudience,
  hasRestrictedActivities,
  type Sight,
  visibleActivity,
} from './visibility.ts';

/** The courses module's public face: what other modules may use. */

export { clearCourseContent, copyCourse, copyCourseContent } from './copy.ts';
export {
  completionCriteria,
  completionRulesFor,
  countedActivities,
  onRuleChange,
  type RuleChange,
  setCompletionCriteria,
  trackedActivities,
} from './criteria.ts';
export {
  type CachedPage,
  COURSE_PAGE_CHANNEL,
  coursePageCache,
  forgetCoursePage,
  forgetCoursePages,
} from './page-cache.ts';
export { courseCapabilities } from './policy.ts';
export { activitiesInReadingOrder, type CourseWithPath, coursesOfPerson } from './queries.ts';
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
  type PageReader,
  pageAccess,
  setCourseMetadata,
  setCourseStage,
  titlesOf,
  toCourses,
  trashedCourses,
} from './service.ts';
export {
  activitiesOutOfReach,
  courseShown,
  defineAudience,
  hasRestrictedActivities,
  type Sight,
  visibleActivity,
} from './visibility.ts';

/** The activities module's public face: what other modules may use. */
export {
  type ArchiveFileRef,
  activitiesRemoved,
  activityCopied,
  checkActivityData,
  eraseActivityUserData,
  evaluateKindRule,
  exportActivityData,
  exportActivityUserData,
  importActivityData,
  kindsWithUserData,
  resetActivityUserData,
} from './lifecycle.ts';
export { activityKind } from './registry.ts';
export {
  assertRuleAllowed,
  chooserKinds,
  completionModes,
  coursePageSummary,
  prepareSettings,
  setFavourite,
} from './service.ts';
export { assertActivityVisible, onActivity, onCourse } from './support.ts';

/** The activities module's public face: what other modules may use. */
export type { ActivityHookContext, ActivityRouteKit, ActivityRow } from './contract.ts';
export { registerUploads, saveUploads } from './file/upload.ts';
export { type GroupsOf, lendGroupsOf } from './groups.ts';
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
export {
  type ActivityOutcome,
  type OutcomeState,
  recordOutcomesWith,
  reportActivityOutcome,
} from './outcomes.ts';
export { favouritesPersonalData } from './personal-data.ts';
export { activityKind, activityKindRoutes } from './registry.ts';
export {
  assertRuleAllowed,
  chooserKinds,
  completionModes,
  coursePageSummary,
  prepareSettings,
  setFavourite,
} from './service.ts';

/** The completion module's public face: what other modules may use. */
export { completionCapabilities } from './policy.ts';
export { type CompletionSummary, completedBy, completionSummaryIn, trackedActivities } from './queries.ts';
export {
  activityOpened,
  myProgress,
  reportActivityOutcome,
} from './service.ts';

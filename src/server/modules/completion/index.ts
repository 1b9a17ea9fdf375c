/** The completion module's public face: what other modules may use. */
export { completionPersonalData } from './personal-data.ts';
export { completionCapabilities } from './policy.ts';
export { bufferPresence, recordPresence } from './presence.ts';
export { type CompletionSummary, completedBy, completionSummaryIn } from './queries.ts';
export {
  activityOpened,
  myCourseCompletion,
  myProgress,
  reportActivityOutcome,
} from './service.ts';

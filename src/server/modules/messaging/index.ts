/** The messaging module's public face: what other modules may use. */
export { defineMessagingJobs } from './jobs.ts';
export { unreadCounts } from './service.ts';

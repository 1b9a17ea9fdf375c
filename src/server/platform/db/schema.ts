/** Every table of the platform, for the typed database handle. Modules import their own schema.ts directly. */
export * from '../../modules/accounts/schema.ts';
export * from '../../modules/activities/schema.ts';
export * from '../../modules/cohorts/schema.ts';
export * from '../../modules/completion/schema.ts';
export * from '../../modules/courses/schema.ts';
export * from '../../modules/domains/schema.ts';
export * from '../../modules/enrolment/schema.ts';
export * from '../../modules/followup/schema.ts';
export * from '../../modules/messaging/schema.ts';
export * from '../../modules/notifications/schema.ts';
export * from '../../modules/privacy/schema.ts';
export * from '../../modules/progress/schema.ts';
export * from '../../modules/settings/schema.ts';
export * from '../access/schema.ts';
export * from '../audit/schema.ts';
export * from '../mail/schema.ts';
export * from '../realtime/schema.ts';

/** Every table of the platform, for the typed database handle. Modules import their own schema.ts directly. */
export * from '../../modules/accounts/schema.ts';
export * from '../../modules/activities/schema.ts';
export * from '../../modules/courses/schema.ts';
export * from '../../modules/domains/schema.ts';
export * from '../../modules/progress/schema.ts';
export * from '../../modules/settings/schema.ts';
export * from '../access/schema.ts';
export * from '../audit/schema.ts';
export * from '../mail/schema.ts';

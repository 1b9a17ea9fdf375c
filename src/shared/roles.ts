/** Roles of the platform. A role is assigned to a user in a context (platform, domain, course, activity). */
export const ROLES = [
  'admin',
  'domain_admin',
  'manager',
  'designer',
  'trainer',
  'tutor',
  'participant',
  'observer',
] as const;
export type Role = (typeof ROLES)[number];

export const CONTEXT_LEVELS = ['platform', 'domain', 'course', 'activity'] as const;
export type ContextLevel = (typeof CONTEXT_LEVELS)[number];

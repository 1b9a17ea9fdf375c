/** Types of the API, inferred from the shared zod schemas. */
import type { z } from 'zod';
import type {
  AuditEvent as AuditEventSchema,
  MailMessage as MailMessageSchema,
  Page as PageSchema,
} from '../../shared/api.ts';

export type { Domain, Me, Problem, RoleAssignment, User } from '../../shared/api.ts';
export type { ContextLevel, Role } from '../../shared/roles.ts';
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type MailMessage = z.infer<typeof MailMessageSchema>;
export type Page<T> = Omit<z.infer<ReturnType<typeof PageSchema>>, 'items'> & { items: T[] };
export type UserStatus = 'active' | 'suspended';

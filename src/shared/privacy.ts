/** The HTTP contract of the privacy module: a person's export and erasure request, their administration. */
import { z } from 'zod';
import { Uuid } from './api.ts';

export const ErasureStatus = z.enum(['pending', 'approved', 'refused', 'cancelled']);
export type ErasureStatus = z.infer<typeof ErasureStatus>;

const Reason = z.string().trim().min(1).max(1000);

/** A person asks for their account to be deleted: why, and that they understood what it means. */
export const ErasureRequestBody = z.object({
  reason: Reason,
  confirmed: z.literal(true),
});

/** An administrator refuses a request, saying why (the person reads it). */
export const ErasureRefuseBody = z.object({ reason: Reason });

/** A request as its author sees it. */
export const MyErasureRequest = z.object({
  id: Uuid,
  status: ErasureStatus,
  reason: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
});
export type MyErasureRequest = z.infer<typeof MyErasureRequest>;

/** A request as the administrators who decide see it: who asks, from which domain, who decided. */
export const ErasureRequest = MyErasureRequest.extend({
  userId: Uuid,
  firstName: z.string(),
  lastName: z.string(),
  /** Null once the account is erased. */
  email: z.string().nullable(),
  domainId: Uuid,
  domainName: z.string(),
  decidedByName: z.string().nullable(),
});
export type ErasureRequest = z.infer<typeof ErasureRequest>;

export const ErasureListQuery = z.object({
  status: ErasureStatus.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

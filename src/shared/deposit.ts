/**
 * The deposit space's HTTP contract (`/api/activities/:id/deposit…`): what a reader gets of the space —
 * her own deposit, the others' she may see, their files and comments — and what she sends.
 */
import { z } from 'zod';
import { FolderFile, Uuid } from './api.ts';

export const DepositPerson = z.object({ id: Uuid, name: z.string() });
export type DepositPerson = z.infer<typeof DepositPerson>;

export const DepositComment = z.object({
  id: Uuid,
  author: DepositPerson,
  /** Sanitised rich text. */
  body: z.string(),
  /** Hidden by a trainer: only the trainers (and its author) still see it. */
  hidden: z.boolean(),
  mine: z.boolean(),
  createdAt: z.string(),
});
export type DepositComment = z.infer<typeof DepositComment>;

export const DepositEntry = z.object({
  id: Uuid,
  author: DepositPerson,
  /** Sanitised rich text. */
  description: z.string(),
  hidden: z.boolean(),
  mine: z.boolean(),
  /** Sent back in `If-Match` to change or withdraw it. */
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  files: z.array(FolderFile),
  comments: z.array(DepositComment),
});
export type DepositEntry = z.infer<typeof DepositEntry>;

export const DepositSpace = z.object({
  /** The reader's own deposit, if she made one. */
  mine: DepositEntry.nullable(),
  /** The others' deposits she may see, newest first. */
  entries: z.array(DepositEntry),
  may: z.object({ submit: z.boolean(), comment: z.boolean(), moderate: z.boolean() }),
});
export type DepositSpace = z.infer<typeof DepositSpace>;

export const DepositBody = z.object({ description: z.string().max(100_000) });
export const DepositCommentBody = z.object({
  body: z.string().trim().min(1, { error: 'errors.required' }).max(10_000),
});
export const DepositModeration = z.object({ hidden: z.boolean() });

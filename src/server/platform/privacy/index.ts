/**
 * What a module holds of one person, for the GDPR (the rights of access and to erasure): each module that
 * keeps people's data gives one holder in its public face, and the privacy module composes them — the
 * export reads every holder, an approved erasure runs every holder's `erase` in one transaction. A module
 * reads and erases only its own tables; what it keeps on purpose (for the training's records) its holder
 * says, and the privacy module's README lists.
 */
import type { Tx } from '../db/index.ts';
import type { Files } from '../files/index.ts';

export type PersonalDataCtx = { tx: Tx; files: Files; now: Date };

export type PersonalDataHolder = {
  /** Its part's key in the export (`enrolments`, `completion`…), unique among holders. */
  key: string;
  /** The person's data, as plain JSON for the export: never a password, a token or a session id. */
  export: (ctx: PersonalDataCtx, userId: string) => Promise<unknown>;
  /** Removes (or anonymises) the person's data, in the caller's transaction. */
  erase: (ctx: PersonalDataCtx, userId: string) => Promise<void>;
};

/**
 * Close codes the server uses (4000–4999 are the application's) — without zod, which the web app's first
 * pages do not load.
 */
export const CLOSE = {
  /** The session ended (logout, expiry, account disabled): reconnecting needs a new login. */
  sessionEnded: 4001,
  /** Too many messages, bad messages or refused subscriptions: a misbehaving client. */
  policy: 1008,
  /** The client did not read fast enough and the server stopped buffering for it. */
  slow: 4008,
} as const;

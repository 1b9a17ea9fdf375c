// Without zod: the header of every page reads it.
/** The realtime message on `user:<id>` when that person's unread count moved. */
export const UNREAD_CHANGED = 'messaging.unread_changed';

// Without zod: the bell, on every page, reads these.

/** How a person wants to hear of one type: the bell only, the bell and a mail at once, a daily mail, nothing. */
export const CHANNELS = ['app', 'email', 'digest', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Past this many unread, the bell says "99+": counting further would cost a read per page view. */
export const UNREAD_CAP = 99;

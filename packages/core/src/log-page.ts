import { z } from 'zod/mini';

/**
 * A page of a log (send log, audit log), newest first. `next` is the cursor of the following
 * (older) page, null on the last one: keyset paging on the entry id, so a page costs the same
 * however long the log grows.
 */
export interface LogPage<T> {
  entries: T[];
  next: number | null;
}

/** Entries per page of the logs. */
export const LOG_PAGE_SIZE = 50;

const userCode = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));

/** Query fields every log shares: the cursor, a user's code, and a time range [from, to) in ISO 8601. */
export const logQueryFields = {
  before: z.optional(z.coerce.number().check(z.int(), z.positive())),
  user: z.optional(userCode),
  from: z.optional(z.iso.datetime({ offset: true })),
  to: z.optional(z.iso.datetime({ offset: true })),
};

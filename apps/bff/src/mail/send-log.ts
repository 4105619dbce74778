import { isSendRefusal, tlsModes, type SendLogRoute, type SendRefusal } from '@saatja/core';
import type { Db } from '../db/database';
import { insertJsonRows, jsonRowsInsert } from '../db/json-rows';
import type { SendLogTable } from '../db/schema';
import { AppError } from '../http/app-error';

/** The columns added for diagnostics are optional, so every sender can record without knowing them. */
export type SendLogEntry = Omit<SendLogTable, 'id' | 'actor_user_id' | 'failure_class'> &
  Partial<Pick<SendLogTable, 'actor_user_id' | 'failure_class'>>;

/** The statement storing entries (at least one), for a writer that stores them with something else in one statement. */
export const sendLogInsert = (entries: readonly SendLogEntry[]) => jsonRowsInsert('send_log', entries);

export function createSendLog(db: Db) {
  /** Several attempts in one statement: a busy outbox writes what a few milliseconds of sending produced. */
  const recordMany = (entries: readonly SendLogEntry[]): Promise<void> => insertJsonRows(db, 'send_log', entries);
  return {
    recordMany,
    record: (entry: SendLogEntry) => recordMany([entry]),
  };
}
export type SendLog = ReturnType<typeof createSendLog>;

/** Why a send was refused before any connection opened (a `refused` entry's code), or null for any other error. */
export function refusalOf(error: unknown): SendRefusal | null {
  if (!(error instanceof AppError)) return null;
  if (error.code === 'rateLimited') return 'rateLimited';
  const detail = error.code === 'sendFailed' ? error.options.detail : null;
  return isSendRefusal(detail) ? detail : null;
}

/** The route is stored as JSON in the text column; entries from before are shown as they were written. */
export const writeRoute = (route: Exclude<SendLogRoute, { kind: 'other' }>): string => JSON.stringify(route);

export function readRoute(text: string): SendLogRoute {
  if (!text.startsWith('{')) return { kind: 'other', text };
  try {
    const route = JSON.parse(text) as Partial<Record<string, unknown>>;
    const security = tlsModes.find((mode) => mode === route.security);
    const str = (value: unknown) => (typeof value === 'string' ? value : null);
    const owner = route.owner === 'own' || route.owner === 'global' ? route.owner : null;
    const host = str(route.host);
    const port = typeof route.port === 'number' ? route.port : null;
    if (route.kind === 'relay' && host && port !== null && security) return { kind: 'relay', host, port, security };
    if (route.kind === 'smtp' && host && port !== null && security)
      return { kind: 'smtp', host, port, security, user: str(route.user), owner };
    if (route.kind === 'm365' && str(route.user) && owner) return { kind: 'm365', user: str(route.user)!, owner };
  } catch {
    // Not JSON after all: shown as written.
  }
  return { kind: 'other', text };
}

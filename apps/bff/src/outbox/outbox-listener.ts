import pg from 'pg';
import type { Logger } from 'pino';
import { OUTBOX_CHANNEL } from './outbox-store';

/** Wait this long before connecting again after the listening connection broke, ms (doubling, capped). */
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/**
 * LISTEN on the outbox channel over a connection of its own (a pooled one would lose it), calling
 * `onNotify` for each NOTIFY and after every reconnect (what was announced meanwhile is due too).
 * A restarted database only delays wake-ups: the worker's poll timer covers the gap.
 */
export function listenForOutbox(url: string, onNotify: (accountKey?: string) => void, logger: Logger): { close(): Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let delay = RECONNECT_MIN_MS;
  let retry: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (notification) => onNotify(notification.payload || undefined));
    next.on('error', (error) => {
      logger.warn({ err: error }, 'outbox listener lost its connection');
      reconnect(next);
    });
    next.on('end', () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      logger.warn({ err: error }, 'outbox listener could not connect; retrying');
      reconnect(next);
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    delay = RECONNECT_MIN_MS;
    onNotify();
  }

  function reconnect(broken: pg.Client): void {
    if (closed || (client !== null && client !== broken) || retry) return;
    client = null;
    void broken.end().catch(() => {});
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    delay = Math.min(RECONNECT_MAX_MS, delay * 2);
  }

  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}

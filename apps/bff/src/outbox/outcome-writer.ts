import type { SendLogEntry } from '../mail/send-log';
import type { OutboxClaims, Outcome } from './outbox-claims';

/**
 * Attempts ended within this long of each other are written together, ms: one statement for all of
 * them instead of two per message, which is most of what a busy sender costs besides SMTP.
 */
const GATHER_MS = 50;
/** Written at once when this many are waiting, without waiting out GATHER_MS. */
const GATHER_MAX = 100;

export interface Ended {
  id: string;
  outcome: Outcome;
  entry: SendLogEntry | null;
}

export interface OutcomeWriterDeps {
  claims: Pick<OutboxClaims, 'settleMany'>;
  holder: string;
  /** Keep trying a write this long (the lease), then give up: the messages come back after their lease. */
  giveUpMs: number;
  retryMs: number;
  /** The messages whose outcome is stored: the sender no longer holds them. */
  written(ids: readonly string[]): void;
  failed(error: unknown): void;
}

/**
 * The sender's write-behind: each ended attempt's send-log entry and its outcome, stored together (a
 * message is marked sent exactly when its entry is stored). Until written, a message stays `sending`
 * under the sender's lease, so a crash in between sends it again (at least once), never loses it.
 */
export function createOutcomeWriter(deps: OutcomeWriterDeps) {
  let waiting: Ended[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> | null = null;

  let broken = false;

  async function persistently(write: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await write();
      } catch (error) {
        if (attempt * deps.retryMs > deps.giveUpMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, deps.retryMs));
      }
    }
  }

  /** One batch: what arrives meanwhile gathers for the next. */
  async function writeWaiting(): Promise<void> {
    const batch = waiting;
    waiting = [];
    const entries = batch.flatMap((ended) => (ended.entry ? [ended.entry] : []));
    await persistently(() => deps.claims.settleMany(deps.holder, batch, entries));
    deps.written(batch.map((ended) => ended.id));
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    writing ??= writeWaiting()
      .catch((error: unknown) => {
        // What is not written stays `sending` and comes back after its lease; the sender stops.
        broken = true;
        waiting = [];
        deps.failed(error);
      })
      .finally(() => {
        writing = null;
        if (waiting.length > 0) schedule();
      });
    return writing;
  }

  function schedule(): void {
    if (writing) return;
    if (waiting.length >= GATHER_MAX) void flush();
    else timer ??= setTimeout(() => void flush(), GATHER_MS);
  }

  return {
    add(ended: Ended): void {
      if (broken) return;
      waiting.push(ended);
      schedule();
    },
    /** Write everything waiting now, and what arrives meanwhile. */
    async close(): Promise<void> {
      while (writing || waiting.length > 0) await flush();
    },
  };
}
export type OutcomeWriter = ReturnType<typeof createOutcomeWriter>;

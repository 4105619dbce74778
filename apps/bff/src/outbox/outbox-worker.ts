import { randomUUID } from 'node:crypto';
import { limitsForAccount, type SendingLimits, type ServerLimitOverride } from '@saatja/core';
import type { Logger } from 'pino';
import type { ConnectionLeases } from './connection-leases';
import type { Delivery } from './deliver';
import type { OutboxClaims } from './outbox-claims';
import type { OutboxSettings } from '../config/outbox-settings';
import { startSender, type Sender } from './sender';

export interface OutboxWorkerDeps {
  claims: OutboxClaims;
  leases: ConnectionLeases;
  delivery: Delivery;
  serverLimits: () => Promise<ServerLimitOverride[]>;
  settings: OutboxSettings;
  logger: Logger;
  now: () => Date;
}

/**
 * A wake-up for an account this instance already sends for runs the round (its queries) at most this
 * much later, ms: under a steady stream of submissions the sender takes them, one round covers many.
 */
const ROUND_COALESCE_MS = 100;

/**
 * The outbox worker every instance runs: on a wake-up (NOTIFY), on its poll timer and when the
 * earliest waiting message comes due, it re-queues messages of vanished workers and starts a
 * sender for each account with due messages, as far as the account's connection slots allow.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps) {
  const instance = randomUUID();
  const senders = new Map<string, Sender>();
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let ticking: Promise<void> | null = null;
  let again = false;
  let coalesced: NodeJS.Timeout | null = null;
  let sequence = 0;
  /** Senders being started ahead of a batch (prepare): stopping waits for them. */
  const preparing = new Set<Promise<void>>();
  const nowMs = () => deps.now().getTime();
  const localSenders = (accountKey: string) => [...senders].filter(([id]) => id.startsWith(`${accountKey}\n`));

  function schedule(ms: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(wake, Math.max(0, Math.min(ms, deps.settings.pollMs)));
  }

  /** Senders for the account's free connection slots (as far as this instance may run more); `warmFor`: see startSender. */
  async function startSenders(accountKey: string, limits: SendingLimits, now: number, warmFor?: number): Promise<void> {
    for (let n = localSenders(accountKey).length; n < limits.maxConnections && senders.size < deps.settings.maxSenders; n += 1) {
      const holder = `${instance}/${(sequence += 1)}`;
      const slot = await deps.leases.acquire({ accountKey, cap: limits.maxConnections, holder, now, leaseMs: deps.settings.leaseMs });
      if (slot === null) break;
      if (!running) {
        // Stopped meanwhile: what is stopping waits for this, and no sender may start now.
        await deps.leases.release(accountKey, slot, holder);
        break;
      }
      const id = `${accountKey}\n${holder}`;
      const sender = startSender(deps, { key: accountKey, limits, slot, holder }, warmFor);
      senders.set(id, sender);
      void sender.done.then(() => {
        senders.delete(id);
        // Its messages may not all be done (a back-off, a lost slot): look again soon.
        wake();
      });
    }
  }

  async function tick(): Promise<void> {
    const now = nowMs();
    await deps.claims.sweepExpired(now);
    const accounts = await deps.claims.dueAccounts();
    const overrides = accounts.length > 0 ? await deps.serverLimits() : [];
    let nextDue = Infinity;
    for (const { accountKey, dueAt } of accounts) {
      if (dueAt > now) {
        nextDue = Math.min(nextDue, dueAt);
        continue;
      }
      for (const [, sender] of localSenders(accountKey)) sender.wake();
      await startSenders(accountKey, limitsForAccount(accountKey, overrides, deps.settings.relayLimits), now);
    }
    schedule(nextDue === Infinity ? deps.settings.pollMs : nextDue - nowMs());
  }

  /**
   * A message may be due (for `accountKey`, when known). A sender of that account here takes it at
   * once and the round follows shortly; otherwise the round runs now, or right after the one in progress.
   */
  function wake(accountKey?: string): void {
    if (!running) return;
    if (accountKey !== undefined) {
      const local = localSenders(accountKey);
      if (local.length > 0) {
        for (const [, sender] of local) sender.wake();
        coalesced ??= setTimeout(() => {
          coalesced = null;
          wake();
        }, ROUND_COALESCE_MS);
        return;
      }
    }
    if (ticking) {
      again = true;
      return;
    }
    ticking = tick()
      .catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'outbox round failed; retrying');
        schedule(deps.settings.pollMs);
      })
      .finally(() => {
        ticking = null;
        if (again) {
          again = false;
          wake();
        }
      });
  }

  return {
    instance,
    /**
     * A batch of `userId` is being stored for `accountKey`: start its senders now, so their
     * connections open (and the server's greeting comes) while the rows go in, not after.
     */
    prepare(accountKey: string, userId: number): void {
      if (!running || localSenders(accountKey).length > 0) return;
      const now = nowMs();
      const starting = deps
        .serverLimits()
        .then((overrides) => startSenders(accountKey, limitsForAccount(accountKey, overrides, deps.settings.relayLimits), now, userId))
        .catch((error: unknown) =>
          deps.logger.warn({ err: error, account: accountKey }, 'outbox senders not started ahead; the round starts them'),
        )
        .finally(() => preparing.delete(starting));
      preparing.add(starting);
    },
    start(): void {
      running = true;
      wake();
    },
    wake,
    /** Stop claiming; the senders finish the messages in hand and give back their slots. */
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      if (coalesced) clearTimeout(coalesced);
      await ticking;
      await Promise.all(preparing);
      for (const sender of senders.values()) sender.stop();
      await Promise.all([...senders.values()].map((sender) => sender.done));
    },
  };
}
export type OutboxWorker = ReturnType<typeof createOutboxWorker>;

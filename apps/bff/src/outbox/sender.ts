import type { SendingLimits } from '@saatja/core';
import type { Logger } from 'pino';
import type { ConnectionLeases } from './connection-leases';
import { createAccountConnection } from './account-connection';
import type { Deliver, Delivered, Delivery } from './deliver';
import type { ClaimedMessage, OutboxClaims } from './outbox-claims';
import { createOutcomeWriter } from './outcome-writer';
import type { OutboxSettings } from '../config/outbox-settings';

/**
 * With nothing due, a sender keeps its connection and slot this long for what comes next (a NOTIFY
 * wakes it), ms: a steady trickle of submissions then shares one connection instead of a new one each.
 */
const IDLE_LINGER_MS = 2_000;

export interface SenderDeps {
  claims: OutboxClaims;
  leases: ConnectionLeases;
  delivery: Delivery;
  settings: OutboxSettings;
  logger: Logger;
  now: () => Date;
}

export interface Sender {
  readonly done: Promise<void>;
  /** A message may be due: stop waiting and claim. */
  wake(): void;
  /** Finish the messages in hand, then end. */
  stop(): void;
}

/**
 * One connection slot of one account, held by this instance: claims the account's due messages
 * within its rate windows and sends them over one pooled SMTP connection, until none is due.
 * `warmFor`: a user whose batch is being stored; the connection opens for it at once.
 */
export function startSender(
  deps: SenderDeps,
  account: { key: string; limits: SendingLimits; slot: number; holder: string },
  warmFor?: number,
): Sender {
  let stopped = false;
  let backOff = false;
  let interrupt: (() => void) | null = null;
  /** A wake-up that came while not sleeping (mid-claim): the next sleep ends at once. */
  let woken = false;
  /** Claimed and not yet stored as ended: renewed with the slot. */
  const inHand = new Set<string>();
  const sending = new Set<Promise<void>>();
  let unsent = 0;
  /** Called whenever a send ends (see `pause`). */
  let progress: (() => void) | null = null;
  const nowMs = () => deps.now().getTime();

  const connection = createAccountConnection(nowMs);
  const warming =
    warmFor === undefined
      ? null
      : deps.delivery.warm(warmFor, account.key, connection.warm).catch((error: unknown) => {
          // The first attempt meets the same failure and logs it as an attempt.
          deps.logger.debug({ err: error, account: account.key }, 'outbox connection not opened ahead');
        });

  /** Until a wake-up (NOTIFY, stop), `ms` elapsed, or `ready` holds (checked whenever a send ends). */
  const pause = (ms: number, ready: () => boolean = () => false) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, woken || stopped || ready() ? 0 : Math.max(0, ms));
      woken = false;
      function done() {
        clearTimeout(timer);
        interrupt = null;
        progress = null;
        resolve();
      }
      interrupt = done;
      progress = () => {
        if (ready()) done();
      };
    });

  const writer = createOutcomeWriter({
    claims: deps.claims,
    holder: account.holder,
    giveUpMs: deps.settings.leaseMs,
    retryMs: deps.settings.pollMs,
    written: (ids) => ids.forEach((id) => inHand.delete(id)),
    failed: (error) => {
      deps.logger.error({ err: error, account: account.key }, 'outbox outcomes not stored; the messages come back after their lease');
      stopped = true;
      interrupt?.();
    },
  });

  /** Keep the slot and the messages in hand; losing the slot means another instance may use it now. */
  async function renew(): Promise<boolean> {
    const until = nowMs() + deps.settings.leaseMs;
    await deps.claims.renew([...inHand], account.holder, until);
    return deps.leases.renew(account.key, account.slot, account.holder, until);
  }

  async function sendOne(message: ClaimedMessage, memo: Parameters<Deliver>[2]): Promise<void> {
    const delivered = await deps.delivery.attempt(message, connection.source, memo).catch((error: unknown): Delivered => {
      deps.logger.error({ err: error, message: message.id }, 'outbox delivery crashed');
      const nextAt = new Date(nowMs() + deps.settings.leaseMs).toISOString();
      return { outcome: { kind: 'retry', nextAt, reply: null, failureClass: 'unknown' }, entry: null };
    });
    // A refused login may be a changed password: the next claim builds the connection anew.
    if (delivered.outcome.kind !== 'sent') connection.markStale();
    // A struggling server is left alone until the worker's next round, not tried with every message.
    if (delivered.outcome.kind === 'retry') backOff = true;
    writer.add({ id: message.id, ...delivered });
  }

  /** Queue a claimed chunk on the connection; `unsent` counts what the pool has yet to finish. */
  function queue(messages: readonly ClaimedMessage[]): void {
    const memo: Parameters<Deliver>[2] = new Map();
    for (const message of messages) {
      inHand.add(message.id);
      unsent += 1;
      const sent = sendOne(message, memo).finally(() => {
        unsent -= 1;
        sending.delete(sent);
        progress?.();
      });
      sending.add(sent);
    }
  }

  async function run(): Promise<void> {
    try {
      await loop();
    } finally {
      // What was claimed is sent and its outcome stored before the slot is given back.
      await finishSending();
      await writer.close();
    }
  }

  /**
   * Waits for the sends queued on the connection, renewing their leases meanwhile: a slow server can
   * keep one send longer than a lease, and a message whose lease ran out is taken and sent again.
   */
  async function finishSending(): Promise<void> {
    const all = Promise.all([...sending]).then(() => true);
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const lapse = new Promise<false>((resolve) => (timer = setTimeout(resolve, deps.settings.leaseMs / 3, false)));
      const finished = await Promise.race([all, lapse]);
      clearTimeout(timer);
      if (finished) return;
      await renew().catch((error: unknown) => deps.logger.warn({ err: error, account: account.key }, 'outbox lease renewal failed'));
    }
  }

  async function loop(): Promise<void> {
    let lastRenew = nowMs();
    let lastWork = nowMs();
    /**
     * The next chunk is claimed while the last one is still being sent (at most two in hand), so the
     * connection does not wait for the claim's round trips.
     */
    const lowWater = deps.settings.claimBatch;
    while (!stopped && !backOff) {
      if (nowMs() - lastRenew > deps.settings.leaseMs / 3) {
        if (!(await renew())) break;
        lastRenew = nowMs();
      }
      if (unsent > lowWater) {
        await pause(deps.settings.leaseMs / 3, () => unsent <= lowWater);
        continue;
      }
      if (connection.needsRenewal()) {
        // Messages may be queued on the old one: it closes once they are done.
        if (unsent === 0) connection.close();
        else await pause(deps.settings.leaseMs / 3, () => unsent === 0);
        continue;
      }
      let claimed: Awaited<ReturnType<OutboxClaims['claim']>>;
      try {
        claimed = await deps.claims.claim({
          accountKey: account.key,
          limits: account.limits,
          max: deps.settings.claimBatch,
          holder: account.holder,
          leaseMs: deps.settings.leaseMs,
          now: nowMs(),
        });
      } catch (error) {
        deps.logger.warn({ err: error, account: account.key }, 'outbox claim failed; retrying');
        await pause(deps.settings.pollMs);
        continue;
      }
      if (claimed.messages.length > 0) {
        lastWork = nowMs();
        // The pool of one connection sends them in order; queuing them keeps it busy.
        queue(claimed.messages);
      } else if (claimed.waitUntil !== null) {
        await pause(claimed.waitUntil - nowMs());
      } else if (unsent > 0) {
        // Nothing more due yet: look again when these are done, or at a NOTIFY.
        await pause(deps.settings.leaseMs / 3, () => unsent === 0);
        lastWork = nowMs();
      } else {
        const idle = nowMs() - lastWork;
        if (idle >= IDLE_LINGER_MS) break;
        // Woken early by a NOTIFY; at the latest in time to renew the leases.
        await pause(Math.min(IDLE_LINGER_MS - idle, deps.settings.leaseMs / 3));
      }
    }
  }

  const done = run()
    .catch((error: unknown) => deps.logger.error({ err: error, account: account.key }, 'outbox sender stopped'))
    .finally(async () => {
      // A warm-up still under way would open a connection after this close.
      await warming;
      connection.close();
      await deps.leases.release(account.key, account.slot, account.holder).catch(() => {});
    });

  return {
    done,
    wake() {
      if (interrupt) interrupt();
      else woken = true;
    },
    stop() {
      stopped = true;
      interrupt?.();
    },
  };
}

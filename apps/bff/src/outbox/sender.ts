import type { SendingLimits } from '@saatja/core';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { Logger } from 'pino';
import type { ConnectionLeases } from './connection-leases';
import type { AccountConnection, ConnectionSource, Deliver } from './deliver';
import type { OutboxClaims, Outcome } from './outbox-claims';
import type { OutboxSettings } from '../config/outbox-settings';

/**
 * A background sender is not interactive: RFC 5321 §4.5.3.2's client timeouts (greeting 5 min, the
 * final dot 10 min) rather than the card's short ones, ms.
 */
const BACKGROUND_TIMEOUTS = { connectionTimeout: 60_000, greetingTimeout: 300_000, socketTimeout: 600_000 };
/** Rebuild the connection this often, ms: a Microsoft 365 access token lives about an hour. */
const CONNECTION_MAX_AGE_MS = 10 * 60_000;
/**
 * With nothing due, a sender keeps its connection and slot this long for what comes next (a NOTIFY
 * wakes it), ms: a steady trickle of submissions then shares one connection instead of a new one each.
 */
const IDLE_LINGER_MS = 2_000;

export interface SenderDeps {
  claims: OutboxClaims;
  leases: ConnectionLeases;
  deliver: Deliver;
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
 */
export function startSender(deps: SenderDeps, account: { key: string; limits: SendingLimits; slot: number; holder: string }): Sender {
  let stopped = false;
  let backOff = false;
  let interrupt: (() => void) | null = null;
  /** A wake-up that came while not sleeping (mid-claim): the next sleep ends at once. */
  let woken = false;
  let connection: AccountConnection | null = null;
  let connectedAt = 0;
  let stale = false;
  const inHand = new Set<string>();
  const nowMs = () => deps.now().getTime();

  let building: Promise<AccountConnection> | null = null;
  const source: ConnectionSource = (build) => {
    building ??= build().then((transport) => {
      const options: SMTPPool.Options = {
        ...transport.options,
        ...BACKGROUND_TIMEOUTS,
        pool: true,
        maxConnections: 1,
        maxMessages: Infinity,
      };
      const transporter = nodemailer.createTransport(options);
      connection = { transport, transporter };
      connectedAt = nowMs();
      return connection;
    });
    return building.catch((error: unknown) => {
      building = null;
      throw error;
    });
  };
  /** Between claims only (messages may be queued in the pool): drop a stale or old connection. */
  function refreshConnection(): void {
    if (!connection || (!stale && nowMs() - connectedAt < CONNECTION_MAX_AGE_MS)) return;
    connection.transporter.close();
    connection = null;
    building = null;
    stale = false;
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, woken ? 0 : Math.max(0, ms));
      woken = false;
      function done() {
        clearTimeout(timer);
        interrupt = null;
        resolve();
      }
      interrupt = done;
    });

  /** Keep the slot and the messages in hand; losing the slot means another instance may use it now. */
  async function renew(): Promise<boolean> {
    const until = nowMs() + deps.settings.leaseMs;
    await deps.claims.renew([...inHand], account.holder, until);
    return deps.leases.renew(account.key, account.slot, account.holder, until);
  }

  /** The outcome must reach the database, or the message would be sent again after its lease. */
  async function settle(id: string, outcome: Outcome): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await deps.claims.settle(id, account.holder, outcome);
        return;
      } catch (error) {
        if (attempt * deps.settings.pollMs > deps.settings.leaseMs) throw error;
        await sleep(deps.settings.pollMs);
      }
    }
  }

  async function sendOne(
    message: Awaited<ReturnType<OutboxClaims['claim']>>['messages'][number],
    memo: Parameters<Deliver>[2],
  ): Promise<void> {
    const outcome = await deps.deliver(message, source, memo).catch((error: unknown): Outcome => {
      deps.logger.error({ err: error, message: message.id }, 'outbox delivery crashed');
      return { kind: 'retry', nextAt: new Date(nowMs() + deps.settings.leaseMs).toISOString(), reply: null, failureClass: 'unknown' };
    });
    // A refused login may be a changed password: the next claim builds the connection anew.
    if (outcome.kind !== 'sent') stale = true;
    // A struggling server is left alone until the worker's next round, not tried with every message.
    if (outcome.kind === 'retry') backOff = true;
    await settle(message.id, outcome);
    inHand.delete(message.id);
  }

  async function run(): Promise<void> {
    let lastRenew = nowMs();
    let lastWork = nowMs();
    while (!stopped && !backOff) {
      if (nowMs() - lastRenew > deps.settings.leaseMs / 3) {
        if (!(await renew())) break;
        lastRenew = nowMs();
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
        await sleep(deps.settings.pollMs);
        continue;
      }
      if (claimed.messages.length === 0) {
        if (claimed.waitUntil !== null) {
          await sleep(claimed.waitUntil - nowMs());
          continue;
        }
        const idle = nowMs() - lastWork;
        if (idle >= IDLE_LINGER_MS) break;
        // Woken early by a NOTIFY; at the latest in time to renew the leases.
        await sleep(Math.min(IDLE_LINGER_MS - idle, deps.settings.leaseMs / 3));
        continue;
      }
      lastWork = nowMs();
      for (const message of claimed.messages) inHand.add(message.id);
      // The pool of one connection sends them in order; queuing them all keeps it busy.
      const memo: Parameters<Deliver>[2] = new Map();
      await Promise.all(claimed.messages.map((message) => sendOne(message, memo)));
      refreshConnection();
    }
  }

  const done = run()
    .catch((error: unknown) => deps.logger.error({ err: error, account: account.key }, 'outbox sender stopped'))
    .finally(async () => {
      connection?.transporter.close();
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

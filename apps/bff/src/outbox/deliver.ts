import { accountKey, classifySendFailure, diagnoseFailure, nextAttemptAt, readableReply, type RetryPolicy } from '@saatja/core';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config';
import { AppError } from '../http/app-error';
import { refusalOf, writeRoute, type SendLogEntry } from '../mail/send-log';
import { toSmtpFailure } from '../mail/send-mail';
import { sendContext } from '../mail/transport-target';
import type { UserRoute, UserTransport, UserTransports } from '../mail/user-transport';
import { allRecipients, composeMail } from './compose';
import type { ClaimedMessage, Outcome } from './outbox-claims';

/** A sender's connection: nodemailer's pool of one, built from the first message's configuration. */
export interface AccountConnection {
  transporter: Transporter;
  transport: UserTransport;
  /** A server may echo the credentials it was sent: every reply goes through this before anything keeps it. */
  scrub: (reply: string) => string;
}

export interface DeliverDeps {
  config: Pick<Config, 'companyName' | 'eventDomain'>;
  userTransport: UserTransports;
  retry: RetryPolicy;
  now: () => Date;
  random: () => number;
}

type Resolved = NonNullable<Awaited<ReturnType<UserTransports['effectiveOfUser']>>>;

/** The sender's open connection, or a new one from this message's configuration (`build`). */
export type ConnectionSource = (build: () => Promise<UserTransport>) => Promise<AccountConnection>;

/** Refusals before any connection: only a Microsoft 365 outage passes; the rest need the user. */
const TEMPORARY_PRE_SEND = new Set(['m365Unavailable']);

/** An attempt's end: the outcome to store, and its send-log entry (none when nothing was tried). */
export interface Delivered {
  outcome: Outcome;
  entry: SendLogEntry | null;
}

/**
 * A sender's delivery: `attempt` is one attempt of one message, through the account's connection: the
 * outcome to store, and an entry for the send log (SPEC §5: every attempt), whose Message-ID lets the
 * events module match bounces. The sender writes both together, in one statement (outcome-writer).
 */
export function createDeliver(deps: DeliverDeps) {
  /** A connection's route as the send log stores it, worked out once per connection, not per message. */
  const routeTexts = new WeakMap<UserRoute, string>();
  function routeText(route: UserRoute): string {
    let text = routeTexts.get(route);
    if (text === undefined) {
      text = writeRoute(route);
      routeTexts.set(route, text);
    }
    return text;
  }

  /** The user and their configuration as it is now (one query); `memo` holds it for the rest of one claimed chunk. */
  async function configurationOf(userId: number, memo: Map<number, Promise<Resolved | null>>): Promise<Resolved | null> {
    let entry = memo.get(userId);
    if (!entry) {
      entry = deps.userTransport.effectiveOfUser({ id: userId });
      memo.set(userId, entry);
    }
    return entry;
  }

  /**
   * Opens `accountKey`'s connection for the user's coming messages before they are claimed (a batch
   * being stored). Whatever fails here is left to the first attempt, which meets it again and logs it.
   */
  async function warm(userId: number, key: string, open: (build: () => Promise<UserTransport>) => Promise<void>): Promise<void> {
    const found = await deps.userTransport.effectiveOfUser({ id: userId });
    if (!found) return;
    const { user, ...resolved } = found;
    if (accountKey(resolved.effective.transport) !== key) return;
    await open(() => deps.userTransport.transportFor(user, resolved));
  }

  async function attempt(
    message: ClaimedMessage,
    connection: ConnectionSource,
    memo: Map<number, Promise<Resolved | null>>,
  ): Promise<Delivered> {
    const started = deps.now();
    const found = await configurationOf(message.user_id, memo);
    if (!found) return { outcome: { kind: 'failed', at: started.toISOString(), reply: null, failureClass: 'userGone' }, entry: null };
    const { user, ...resolved } = found;
    const key = accountKey(resolved.effective.transport);
    if (key !== message.account_key) return { outcome: { kind: 'moved', accountKey: key }, entry: null };

    let connected: AccountConnection;
    try {
      connected = await connection(() => deps.userTransport.transportFor(user, resolved));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Refused before any connection, logged as the test mail logs it: the send log words the code.
      const reason = refusalOf(error) ?? error.options.detail ?? error.code;
      const entry = log(message, started, {
        route: deps.userTransport.routeOf(resolved.effective),
        result: 'refused',
        reply: null,
        errorCode: reason,
        failureClass: null,
      });
      const outcome: Outcome = TEMPORARY_PRE_SEND.has(reason)
        ? retryOrFail(message, started, null, reason)
        : { kind: 'failed', at: started.toISOString(), reply: null, failureClass: reason };
      return { outcome, entry };
    }

    const { scrub } = connected;
    try {
      const info = (await connected.transporter.sendMail(composeMail(message, resolved.effective, deps.config))) as { response?: string };
      const reply = readableReply(info.response === undefined ? null : scrub(info.response));
      const entry = log(message, started, { route: connected.transport.route, result: 'sent', reply, errorCode: null, failureClass: null });
      return { outcome: { kind: 'sent', at: deps.now().toISOString(), reply }, entry };
    } catch (error) {
      const failure = toSmtpFailure(error);
      const diagnosis = diagnoseFailure(failure, sendContext(connected.transport.options));
      const reply = readableReply(failure.response === null ? null : scrub(failure.response));
      const entry = log(message, started, {
        route: connected.transport.route,
        result: 'failed',
        reply,
        errorCode: failure.code,
        failureClass: diagnosis.failureClass,
      });
      const outcome: Outcome =
        classifySendFailure(failure) === 'permanent'
          ? { kind: 'failed', at: deps.now().toISOString(), reply, failureClass: diagnosis.failureClass }
          : retryOrFail(message, started, reply, diagnosis.failureClass);
      return { outcome, entry };
    }
  }

  return { attempt, warm };

  function retryOrFail(message: ClaimedMessage, at: Date, reply: string | null, failureClass: string): Outcome {
    const next = nextAttemptAt(
      { now: at.getTime(), deadline: Date.parse(message.deadline_at), attempts: message.attempts },
      deps.retry,
      deps.random(),
    );
    if (next === null) return { kind: 'failed', at: at.toISOString(), reply, failureClass };
    return { kind: 'retry', nextAt: new Date(next).toISOString(), reply, failureClass };
  }

  /** The attempt's send-log entry, written by the sender with others (SendLog.recordMany). */
  function log(
    message: ClaimedMessage,
    started: Date,
    entry: {
      route: UserRoute;
      result: 'sent' | 'failed' | 'refused';
      reply: string | null;
      errorCode: string | null;
      failureClass: string | null;
    },
  ): SendLogEntry {
    return {
      user_id: message.user_id,
      at: started.toISOString(),
      kind: 'send',
      transport: routeText(entry.route),
      recipient: allRecipients(message),
      result: entry.result,
      server_reply: entry.reply,
      error_code: entry.errorCode,
      failure_class: entry.failureClass,
      duration_ms: deps.now().getTime() - started.getTime(),
      message_id: message.message_id,
    };
  }
}
export type Delivery = ReturnType<typeof createDeliver>;
export type Deliver = Delivery['attempt'];

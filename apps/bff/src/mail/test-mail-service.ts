import { diagnoseFailure, readableReply, type EffectiveConfig, type TestMailInput } from '@saatja/core';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { UserRow } from '../auth/user-repository';
import type { Config } from '../config';
import { AppError } from '../http/app-error';
import type { RateLimiter } from '../http/rate-limiter';
import { describeRoute } from './build-transport';
import { sendContext } from './transport-target';
import { eventMailboxIdentity } from './event-mailbox-identity';
import { refusalOf, writeRoute, type SendLog } from './send-log';
import { sendMail, type SendResult } from './send-mail';
import type { UserRoute, UserTransports } from './user-transport';

export interface TestMailDeps {
  config: Pick<Config, 'eventDomain' | 'companyName' | 'vendorName'>;
  userTransport: UserTransports;
  sendLog: SendLog;
  limiter: RateLimiter;
  now: () => Date;
}

export function createTestMailService(deps: TestMailDeps) {
  return {
    effectiveConfigOf: async (user: UserRow) => (await deps.userTransport.effectiveOf(user)).effective,

    prepare,
    deliver,
    record,

    async send(actor: UserRow, user: UserRow, input: TestMailInput) {
      const prepared = await prepare(actor, user, input);
      const started = deps.now();
      const result = await deliver(prepared, started);
      const diagnosis = result.ok ? null : diagnoseFailure(result.failure, sendContext(prepared.options));
      await record(prepared, {
        kind: 'test',
        started,
        result: result.ok ? 'sent' : 'failed',
        reply: result.ok ? result.response : result.failure.response,
        errorCode: result.ok ? null : result.failure.code,
        failureClass: diagnosis?.failureClass ?? null,
        messageId: result.ok ? result.messageId : null,
      });
      if (!result.ok) throw new AppError('sendFailed', { extra: { smtp: result.failure, diagnosis } });
      return { messageId: result.messageId, to: prepared.to, response: result.response };
    },
  };

  /**
   * Everything before a connection opens: who may send where, the rate limit, and the transport of
   * the card as saved. A refusal here is a plain API error.
   */
  async function prepare(actor: UserRow, user: UserRow, input: TestMailInput, kind: Attempt['kind'] = 'test'): Promise<PreparedSend> {
    if (input.to && input.to !== user.email && actor.role !== 'admin') throw new AppError('forbidden');
    const resolved = await deps.userTransport.effectiveOf(user);
    const { effective } = resolved;
    const to = input.to ?? user.email;
    const route = deps.userTransport.routeOf(effective);
    const started = deps.now();
    try {
      if (!(await deps.limiter.take(`${actor.id}`))) throw new AppError('rateLimited');
      const { options } = await deps.userTransport.transportFor(user, resolved);
      return { actor, user, effective, options, to, route };
    } catch (error) {
      // A refusal is an attempt too (SPEC §5): logged with its reason, then answered as before.
      const reason = refusalOf(error);
      if (reason) {
        const refused = { kind, started, result: 'refused', reply: null, errorCode: reason, failureClass: null, messageId: null } as const;
        await record({ actor, user, to, route }, refused);
      }
      throw error;
    }
  }

  /** The test mail itself, through nodemailer as every send goes. */
  function deliver(prepared: PreparedSend, at: Date): Promise<SendResult> {
    return sendMail(prepared.options, {
      ...eventMailboxIdentity(prepared.effective, deps.config),
      from: prepared.effective.from,
      replyTo: prepared.effective.replyTo,
      to: prepared.to,
      subject: `${deps.config.vendorName}: testkiri / test mail`,
      text: `Saatja test mail sent ${at.toISOString()} via ${describeRoute(prepared.route)}.`,
    });
  }

  /** One send log entry per attempt (SPEC §5): who, when, through what, the outcome; never a secret. */
  async function record(prepared: Pick<PreparedSend, 'actor' | 'user' | 'to' | 'route'>, attempt: Attempt): Promise<void> {
    await deps.sendLog.record({
      user_id: prepared.user.id,
      actor_user_id: prepared.actor.id,
      at: attempt.started.toISOString(),
      kind: attempt.kind,
      transport: writeRoute(prepared.route),
      recipient: prepared.to,
      result: attempt.result,
      server_reply: readableReply(attempt.reply),
      error_code: attempt.errorCode,
      failure_class: attempt.failureClass,
      duration_ms: deps.now().getTime() - attempt.started.getTime(),
      message_id: attempt.messageId,
    });
  }
}
export type TestMailService = ReturnType<typeof createTestMailService>;

/** A test mail or check, cleared to go: the nodemailer options hold the password, so it stays in memory. */
export interface PreparedSend {
  actor: UserRow;
  user: UserRow;
  effective: EffectiveConfig;
  options: SMTPTransport.Options;
  to: string;
  /** Where the mail goes, for the log and the mail's text. */
  route: UserRoute;
}

export interface Attempt {
  kind: 'test' | 'check';
  started: Date;
  result: 'sent' | 'checked' | 'failed' | 'refused';
  reply: string | null;
  errorCode: string | null;
  failureClass: string | null;
  messageId: string | null;
}

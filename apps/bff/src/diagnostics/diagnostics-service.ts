import {
  diagnoseFailure,
  type CheckEvent,
  type CheckInput,
  type CheckMode,
  type EffectiveConfig,
  type FailureContext,
  type SmtpFailure,
  type StepEvent,
} from '@saatja/core';
import type { UserRow } from '../auth/user-repository';
import type { PreparedSend, TestMailService } from '../mail/test-mail-service';
import { transportTarget } from '../mail/transport-target';
import { SmtpCheckError } from './check-error';
import { CHECK_TIMEOUTS, runCheck, type CheckTimeouts } from './run-check';
import { createStepper } from './stepper';

export interface DiagnosticsDeps {
  testMail: TestMailService;
  now: () => Date;
  timeouts?: CheckTimeouts;
  /** A step after a working connection, e.g. whether receivers will accept the user's address (SPEC §11). */
  finalStep?: (effective: EffectiveConfig, emit: (event: StepEvent) => void) => Promise<void>;
}

type Emit = (event: CheckEvent) => void;

/**
 * "Check connection" and "Send test mail" with each step shown as it runs (SPEC §5). The steps
 * run on the check's own SMTP client; the test mail itself goes through nodemailer, like every send.
 */
export function createDiagnosticsService(deps: DiagnosticsDeps) {
  const timeouts = deps.timeouts ?? CHECK_TIMEOUTS;

  /** Logs the attempt, then tells the browser, so the log already holds what the verdict says. */
  async function fail(
    prepared: PreparedSend,
    mode: CheckMode,
    started: Date,
    failed: { failure: SmtpFailure; context: FailureContext },
    emit: Emit,
  ) {
    const diagnosis = diagnoseFailure(failed.failure, failed.context);
    await deps.testMail.record(prepared, {
      kind: mode === 'dryRun' ? 'check' : 'test',
      started,
      result: 'failed',
      reply: failed.failure.response,
      errorCode: failed.failure.code,
      failureClass: diagnosis.failureClass,
      messageId: null,
    });
    emit({ type: 'verdict', ok: false, mode, to: prepared.to, diagnosis });
  }

  async function dryRun(prepared: PreparedSend, emit: Emit): Promise<void> {
    const started = deps.now();
    let lastReply: string | null = null;
    const target = transportTarget(prepared.options);
    const envelope = { from: prepared.effective.from.address, to: prepared.to };
    const outcome = await runCheck({ target, envelope, timeouts }, (event) => {
      if (event.status !== 'running' && event.detail.reply) lastReply = event.detail.reply;
      emit(event);
    });
    if (!outcome.ok) return fail(prepared, 'dryRun', started, outcome, emit);
    const attempt = {
      kind: 'check',
      started,
      result: 'checked',
      reply: lastReply,
      errorCode: null,
      failureClass: null,
      messageId: null,
    } as const;
    await deps.testMail.record(prepared, attempt);
    await deps.finalStep?.(prepared.effective, emit);
    emit({ type: 'verdict', ok: true, mode: 'dryRun', to: prepared.to, messageId: null });
  }

  async function sendTest(prepared: PreparedSend, emit: Emit): Promise<void> {
    const started = deps.now();
    const outcome = await runCheck({ target: transportTarget(prepared.options), envelope: null, timeouts }, emit);
    if (!outcome.ok) return fail(prepared, 'send', started, outcome, emit);
    const deliver = async () => {
      const result = await deps.testMail.deliver(prepared, started);
      if (!result.ok) throw new SmtpCheckError(result.failure);
      return result;
    };
    try {
      const sent = await createStepper(emit).run('send', deliver, (result) => ({ reply: result.response, messageId: result.messageId }));
      const attempt = {
        kind: 'test',
        started,
        result: 'sent',
        reply: sent.response,
        errorCode: null,
        failureClass: null,
        messageId: sent.messageId,
      } as const;
      await deps.testMail.record(prepared, attempt);
      await deps.finalStep?.(prepared.effective, emit);
      emit({ type: 'verdict', ok: true, mode: 'send', to: prepared.to, messageId: sent.messageId });
    } catch (error) {
      if (!(error instanceof SmtpCheckError)) throw error;
      await fail(prepared, 'send', started, { failure: error.failure, context: outcome.context }, emit);
    }
  }

  return {
    /**
     * Permission, rate limit and the transport come first, so a refusal is a plain API error; the
     * returned function then runs the check, reporting to `emit`.
     */
    async start(actor: UserRow, user: UserRow, input: CheckInput): Promise<(emit: Emit) => Promise<void>> {
      const prepared = await deps.testMail.prepare(actor, user, { to: input.to }, input.mode === 'dryRun' ? 'check' : 'test');
      return (emit) => (input.mode === 'dryRun' ? dryRun(prepared, emit) : sendTest(prepared, emit));
    },
  };
}
export type DiagnosticsService = ReturnType<typeof createDiagnosticsService>;

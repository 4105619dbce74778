import { emptyContext, type FailureContext, type SmtpFailure, type StepEvent } from '@saatja/core';
import { SmtpCheckError, replyError } from './check-error';
import { describeTls } from './certificate';
import { explainFailure } from './explain-failure';
import type { TransportTarget } from '../mail/transport-target';
import { connectAny, handshake, resolveHost } from './network';
import { authenticate, envelopeAddress, envelopeCommand, sayEhlo, wantedMechanism, type Ehlo } from './smtp-commands';
import { replyScrubber } from '../mail/reply-scrubber';
import { SmtpSession } from './smtp-session';
import { createStepper, type Stepper } from './stepper';

/** The check connects to exactly what the send would (mail/transport-target.ts). */
export type CheckTarget = TransportTarget;

/** ms; an interactive check gives up sooner than a background send. */
export interface CheckTimeouts {
  dnsMs: number;
  connectMs: number;
  greetingMs: number;
  tlsMs: number;
  commandMs: number;
  /** The extra connections that explain a failure (TLS probe, certificate read). */
  probeMs: number;
}

export const CHECK_TIMEOUTS: CheckTimeouts = {
  dnsMs: 10_000,
  connectMs: 10_000,
  greetingMs: 10_000,
  tlsMs: 10_000,
  commandMs: 30_000,
  probeMs: 5_000,
};

export interface CheckPlan {
  target: CheckTarget;
  /** Dry run: MAIL FROM, RCPT TO, DATA → 354, then abort. Null: stop after AUTH (a send follows). */
  envelope: { from: string; to: string } | null;
  timeouts: CheckTimeouts;
}

export type CheckOutcome = { ok: true; context: FailureContext } | { ok: false; failure: SmtpFailure; context: FailureContext };

interface Run {
  plan: CheckPlan;
  steps: Stepper;
  context: FailureContext;
  /** The address the TCP step connected to; the failure explanations connect there again. */
  address: string | null;
}

/** DNS → TCP → TLS → greeting → EHLO → AUTH (→ MAIL FROM → RCPT TO → DATA), each step reported as it runs. */
export async function runCheck(plan: CheckPlan, emit: (event: StepEvent) => void): Promise<CheckOutcome> {
  const { target } = plan;
  const run: Run = {
    plan,
    steps: createStepper(emit),
    context: emptyContext({ ...target, user: target.auth?.user ?? null }),
    address: null,
  };
  let session: SmtpSession | null = null;
  try {
    session = await connectSession(run);
    const ehlo = await negotiate(run, session);
    await login(run, session, ehlo);
    if (plan.envelope) await dryRun(run, session, plan.envelope);
    return { ok: true, context: run.context };
  } catch (error) {
    if (!(error instanceof SmtpCheckError)) throw error;
    session?.abort();
    session = null;
    await explainFailure(error.failure, { target, address: run.address, context: run.context, timeouts: plan.timeouts });
    return { ok: false, failure: error.failure, context: run.context };
  } finally {
    // A dry run ends inside DATA: dropping the connection is what aborts the message.
    if (plan.envelope) session?.abort();
    else session?.quit();
  }
}

async function connectSession(run: Run): Promise<SmtpSession> {
  const {
    plan: { target, timeouts },
    steps,
    context,
  } = run;
  const resolve = () => (target.address ? Promise.resolve([target.address]) : resolveHost(target.host, timeouts.dnsMs));
  const addresses = await steps.run('dns', resolve, (found) => ({ addresses: found }), timeouts.dnsMs);
  const { socket, address } = await steps.run(
    'tcp',
    () => connectAny(addresses, target.port, timeouts.connectMs),
    (tcp) => ({ address: tcp.address }),
    timeouts.connectMs,
  );
  run.address = address;
  let session: SmtpSession;
  if (target.security === 'ssl') {
    const secure = await steps.run(
      'tls',
      () => handshake(socket, target.host, target.tls, timeouts.tlsMs, 'CONN'),
      describeTls,
      timeouts.tlsMs,
    );
    context.secure = true;
    session = new SmtpSession(secure, replyScrubber(target.auth));
  } else {
    session = new SmtpSession(socket, replyScrubber(target.auth));
    context.secure = false;
  }
  // A STARTTLS client at an implicit-TLS port waits here for the whole limit: the browser shows it counting.
  await steps.run(
    'greeting',
    () => greet(session, timeouts.greetingMs),
    (reply) => ({ greeting: reply.text }),
    timeouts.greetingMs,
  );
  return session;
}

async function greet(session: SmtpSession, timeoutMs: number) {
  const reply = await session.read('CONN', timeoutMs, 'GREETING_TIMEOUT');
  if (reply.code !== 220) throw replyError('EPROTOCOL', 'CONN', reply);
  return reply;
}

/** STARTTLS unless None was chosen (then never, as the send does not use it either), then EHLO. */
async function negotiate({ plan: { target, timeouts }, steps, context }: Run, session: SmtpSession): Promise<Ehlo> {
  let ehlo: Ehlo | null = null;
  if (target.security !== 'ssl') {
    const upgraded = await steps.run(
      'tls',
      async () => {
        const first = await sayEhlo(session, timeouts.commandMs);
        if (target.security === 'none') return first;
        // STARTTLS mode asks even when it is not offered, like nodemailer's requireTLS: the reply says why.
        const reply = await session.send('STARTTLS', 'STARTTLS', timeouts.commandMs);
        if (reply.code !== 220) throw replyError('ETLS', 'STARTTLS', reply);
        return session.upgrade((plain) => handshake(plain, target.host, target.tls, timeouts.tlsMs, 'STARTTLS'));
      },
      (result) => ('extensions' in result ? { skipped: 'plainText' } : describeTls(result)),
    );
    if ('extensions' in upgraded) ehlo = upgraded;
    else context.secure = true;
  }
  const known = ehlo;
  const final = await steps.run(
    'ehlo',
    () => (known ? Promise.resolve(known) : sayEhlo(session, timeouts.commandMs)),
    (found) => ({
      extensions: found.extensions,
      authMechanisms: found.authMechanisms,
    }),
  );
  context.authOffered = final.authMechanisms;
  return final;
}

async function login({ plan: { target, timeouts }, steps, context }: Run, session: SmtpSession, ehlo: Ehlo): Promise<void> {
  const auth = target.auth;
  if (!auth) return steps.skip('auth', 'noCredentials');
  context.authWanted = wantedMechanism(auth, ehlo.authMechanisms);
  const onChallenge = (text: string) => {
    context.challenge = text;
  };
  await steps.run(
    'auth',
    () => authenticate(session, auth, ehlo.authMechanisms, timeouts.commandMs, onChallenge),
    (mechanism) => ({ mechanism, user: auth.user }),
  );
}

async function dryRun({ plan: { timeouts }, steps }: Run, session: SmtpSession, envelope: { from: string; to: string }): Promise<void> {
  const ms = timeouts.commandMs;
  const reply = (found: { text: string }) => ({ reply: found.text });
  await steps.run('mailFrom', () => envelopeCommand(session, `MAIL FROM:${envelopeAddress(envelope.from)}`, 'MAIL FROM', [250], ms), reply);
  await steps.run('rcptTo', () => envelopeCommand(session, `RCPT TO:${envelopeAddress(envelope.to)}`, 'RCPT TO', [250, 251], ms), reply);
  await steps.run('data', () => envelopeCommand(session, 'DATA', 'DATA', [354], ms), reply);
}

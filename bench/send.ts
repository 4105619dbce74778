import type { Child } from './child';
import {
  BENCH_PASSWORD,
  BENCH_USERS_PER_TARGET,
  benchUserCode,
  OWN_SMTP,
  TEST_MAILS_PER_USER,
  type BffReady,
  type SendTarget,
} from './protocol';
import { connectM365 } from './m365-connect';
import { expectOk, signIn, type Session } from './session';
import { median } from './stats';

export interface SendResult {
  target: SendTarget;
  /** ms per mail, median over the measured sends. */
  bff: number;
  bare: number;
  sends: number;
  /** M365 only: identity-provider calls during all of the BFF's sends (warm-up included). */
  identity?: { requests: number; tokenRequests: number; sends: number };
}

/** Sends per target and path that are not measured (JIT, first TLS context, first DB reads). */
const WARMUP_SENDS = 1;

/** Sign in the target's bench users and give them the card whose effective configuration is measured. */
async function prepareUsers(bff: Child<BffReady>, target: SendTarget): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let index = 0; index < BENCH_USERS_PER_TARGET; index++) {
    const code = benchUserCode(target, index);
    const session = await signIn(bff.ready.url, code, BENCH_PASSWORD);
    const mailbox = bff.ready.m365?.mailboxes[index % bff.ready.m365.mailboxes.length];
    const mailSender = {
      relay: { mode: 'default' },
      smtp: {
        mode: 'smtp',
        smtp: { host: 'localhost', port: bff.ready.ownSmtpPort, security: 'starttls', ...OWN_SMTP, clearPassword: false },
      },
      m365: { mode: 'm365', m365: { user: mailbox?.email } },
    }[target];
    // Microsoft 365 sends only as the signed-in mailbox (Send As), so its card's e-mail is the mailbox's.
    const email = target === 'm365' ? mailbox!.email : `${code.toLowerCase()}@firma.ee`;
    await expectOk(session, 'PUT', '/card', { name: `Bench ${code}`, email, mailSender });
    if (target === 'm365') await connectM365(bff.ready, session, mailbox!);
    sessions.push(session);
  }
  return sessions;
}

async function bffSend(session: Session): Promise<number> {
  const started = performance.now();
  await expectOk(session, 'POST', '/card/test-mail', {});
  return performance.now() - started;
}

async function identityCalls(bff: Child<BffReady>): Promise<{ requests: number; tokenRequests: number }> {
  const reply = await bff.request({ kind: 'idp-calls' });
  if (reply.kind !== 'idp-calls') throw new Error(`unexpected reply ${reply.kind}`);
  return reply;
}

async function bareSend(bff: Child<BffReady>, target: SendTarget): Promise<number> {
  const reply = await bff.request({ kind: 'bare-send', target });
  if (reply.kind !== 'bare-send') throw new Error(`unexpected reply ${reply.kind}`);
  return reply.ms;
}

/**
 * The BFF's test mail (HTTP, session, effective configuration, transport, send log) against a bare
 * nodemailer send from inside the BFF's own process to the same server, alternating one with the
 * other so both see the same background load. Each user stays within the production test-mail limit.
 */
export async function measureSend(bff: Child<BffReady>, target: SendTarget): Promise<SendResult> {
  const sessions = await prepareUsers(bff, target);
  const bffTimes: number[] = [];
  const bareTimes: number[] = [];
  const total = sessions.length * TEST_MAILS_PER_USER;
  // The bare M365 send takes its token at its first send: do that now, outside the count.
  if (target === 'm365') await bareSend(bff, target);
  const identityBefore = target === 'm365' ? await identityCalls(bff) : null;
  for (let i = 0; i < total; i++) {
    const viaBff = await bffSend(sessions[Math.floor(i / TEST_MAILS_PER_USER)]!);
    const bare = await bareSend(bff, target);
    if (i < WARMUP_SENDS) continue;
    bffTimes.push(viaBff);
    bareTimes.push(bare);
  }
  const result: SendResult = { target, bff: median(bffTimes), bare: median(bareTimes), sends: bffTimes.length };
  if (identityBefore) {
    // The bare sends' token was taken before `identityBefore`, so every call counted is the BFF's.
    const after = await identityCalls(bff);
    result.identity = {
      requests: after.requests - identityBefore.requests,
      tokenRequests: after.tokenRequests - identityBefore.tokenRequests,
      sends: total,
    };
  }
  return result;
}

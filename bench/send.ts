import type { Child } from './child';
import { BENCH_PASSWORD, BENCH_USERS_PER_TARGET, benchUserCode, OWN_SMTP, TEST_MAILS_PER_USER, type BffReady, type SendTarget } from './protocol';
import { expectOk, signIn, type Session } from './session';
import { median } from './stats';

export interface SendResult {
  target: SendTarget;
  /** ms per mail, median over the measured sends. */
  bff: number;
  bare: number;
  sends: number;
}

/** Sends per target and path that are not measured (JIT, first TLS context, first DB reads). */
const WARMUP_SENDS = 1;

/** Sign in the target's bench users and give them the card whose effective configuration is measured. */
async function prepareUsers(bff: Child<BffReady>, target: SendTarget): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let index = 0; index < BENCH_USERS_PER_TARGET; index++) {
    const code = benchUserCode(target, index);
    const session = await signIn(bff.ready.url, code, BENCH_PASSWORD);
    const smtp = { host: 'localhost', port: bff.ready.ownSmtpPort, security: 'starttls', ...OWN_SMTP, clearPassword: false };
    const mailSender = target === 'relay' ? { mode: 'default' } : { mode: 'smtp', smtp };
    await expectOk(session, 'PUT', '/card', { name: `Bench ${code}`, email: `${code.toLowerCase()}@firma.ee`, mailSender });
    sessions.push(session);
  }
  return sessions;
}

async function bffSend(session: Session): Promise<number> {
  const started = performance.now();
  await expectOk(session, 'POST', '/card/test-mail', {});
  return performance.now() - started;
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
  for (let i = 0; i < total; i++) {
    const viaBff = await bffSend(sessions[Math.floor(i / TEST_MAILS_PER_USER)]!);
    const bare = await bareSend(bff, target);
    if (i < WARMUP_SENDS) continue;
    bffTimes.push(viaBff);
    bareTimes.push(bare);
  }
  return { target, bff: median(bffTimes), bare: median(bareTimes), sends: bffTimes.length };
}

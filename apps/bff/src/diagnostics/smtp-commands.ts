import { hostname } from 'node:os';
import type { TransportAuth as CheckAuth } from '../mail/transport-target';
import { checkError, replyError } from './check-error';
import type { SmtpReply, SmtpSession } from './smtp-session';

/** Password or OAuth 2.0 access token, as buildTransport gives them to nodemailer. Never logged. */

export interface Ehlo {
  /** The extension lines as offered, e.g. "SIZE 10485760", "AUTH PLAIN LOGIN". */
  extensions: string[];
  authMechanisms: string[];
  startTls: boolean;
}

/** Like nodemailer: the machine's name when it is fully qualified, otherwise an address literal. */
function clientName(): string {
  const name = hostname();
  return name.includes('.') ? name : '[127.0.0.1]';
}

export function parseEhlo(reply: SmtpReply): Ehlo {
  const extensions = reply.lines.slice(1).map((line) => line.slice(4).trim());
  const keyword = (line: string) => (line.split(/[\s=]/)[0] ?? '').toUpperCase();
  const authMechanisms = extensions
    .filter((line) => keyword(line) === 'AUTH')
    .flatMap((line) => line.slice(5).trim().split(/\s+/))
    .filter(Boolean)
    .map((mechanism) => mechanism.toUpperCase());
  return { extensions, authMechanisms: [...new Set(authMechanisms)], startTls: extensions.some((line) => keyword(line) === 'STARTTLS') };
}

export async function sayEhlo(session: SmtpSession, timeoutMs: number): Promise<Ehlo> {
  const reply = await session.send(`EHLO ${clientName()}`, 'EHLO', timeoutMs);
  if (reply.code !== 250) throw replyError('EPROTOCOL', 'EHLO', reply);
  return parseEhlo(reply);
}

/** The mechanism the credentials need: XOAUTH2 for a token; PLAIN, else LOGIN, for a password. */
export function wantedMechanism(auth: CheckAuth, offered: readonly string[]): string {
  if ('accessToken' in auth) return 'XOAUTH2';
  return offered.includes('PLAIN') || !offered.includes('LOGIN') ? 'PLAIN' : 'LOGIN';
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * AUTH with the mechanism the configuration needs. The credential lines are written to the socket
 * only; errors carry the command name and the server's reply, never what was sent.
 */
export async function authenticate(
  session: SmtpSession,
  auth: CheckAuth,
  offered: readonly string[],
  timeoutMs: number,
  onChallenge: (text: string) => void,
): Promise<string> {
  const mechanism = wantedMechanism(auth, offered);
  const command = `AUTH ${mechanism}`;
  if (!offered.includes(mechanism)) throw checkError('EAUTH', 'AUTH');
  let reply: SmtpReply;
  if ('accessToken' in auth) {
    reply = await session.send(
      `AUTH XOAUTH2 ${base64(`user=${auth.user}\x01auth=Bearer ${auth.accessToken}\x01\x01`)}`,
      command,
      timeoutMs,
    );
  } else if (mechanism === 'PLAIN') {
    reply = await session.send(`AUTH PLAIN ${base64(`\0${auth.user}\0${auth.pass}`)}`, command, timeoutMs);
  } else {
    reply = await login(session, auth, timeoutMs);
  }
  if (reply.code === 334) {
    // A challenge instead of a verdict (RFC 7628): an empty line asks the server for its final reply.
    onChallenge(reply.text);
    reply = await session.send(mechanism === 'XOAUTH2' ? '' : '*', command, timeoutMs);
  }
  if (reply.code !== 235) throw replyError('EAUTH', command, reply);
  return mechanism;
}

async function login(session: SmtpSession, auth: { user: string; pass: string }, timeoutMs: number): Promise<SmtpReply> {
  const start = await session.send('AUTH LOGIN', 'AUTH LOGIN', timeoutMs);
  if (start.code !== 334) return start;
  const user = await session.send(base64(auth.user), 'AUTH LOGIN', timeoutMs);
  if (user.code !== 334) return user;
  return session.send(base64(auth.pass), 'AUTH LOGIN', timeoutMs);
}

/** An address for MAIL FROM / RCPT TO; nothing that could end the command line early. */
export function envelopeAddress(address: string): string {
  if (/[\s<>]/.test(address) || !address.includes('@')) throw new Error('unsafe envelope address');
  return `<${address}>`;
}

/** One envelope command of the dry run; its reply must be one of `expected`. */
export async function envelopeCommand(
  session: SmtpSession,
  line: string,
  command: 'MAIL FROM' | 'RCPT TO' | 'DATA',
  expected: readonly number[],
  timeoutMs: number,
): Promise<SmtpReply> {
  const reply = await session.send(line, command, timeoutMs);
  if (!expected.includes(reply.code)) throw replyError(command === 'DATA' ? 'EMESSAGE' : 'EENVELOPE', command, reply);
  return reply;
}

import type { SmtpFailure } from '@saatja/core';

/** A failed step, described in nodemailer's error vocabulary so the one classifier reads it. */
export class SmtpCheckError extends Error {
  constructor(readonly failure: SmtpFailure) {
    super(`${failure.code ?? 'EUNKNOWN'} during ${failure.command ?? 'the check'}`);
  }
}

type FailureFields = Partial<Omit<SmtpFailure, 'code' | 'command'>>;

export function checkError(code: string, command: string, fields: FailureFields = {}): SmtpCheckError {
  return new SmtpCheckError({ originalCode: null, responseCode: null, response: null, timeoutType: null, ...fields, code, command });
}

/** A system or TLS error on the socket: its own code becomes `originalCode`, as nodemailer does. */
export function socketError(error: unknown, code: 'ESOCKET' | 'ETLS' | 'EDNS', command: string): SmtpCheckError {
  if (error instanceof SmtpCheckError) return error;
  const originalCode = (error as { code?: unknown } | null)?.code;
  return checkError(code, command, { originalCode: typeof originalCode === 'string' ? originalCode : null });
}

export function timeoutError(
  timeoutType: 'CONNECT_TIMEOUT' | 'GREETING_TIMEOUT' | 'UPGRADE_TIMEOUT' | 'SOCKET_TIMEOUT',
  command: string,
): SmtpCheckError {
  return checkError('ETIMEDOUT', command, { timeoutType });
}

/** A reply that ends the check; `code` is nodemailer's for that command (EAUTH, EENVELOPE, …). */
export function replyError(code: string, command: string, reply: { code: number; text: string }): SmtpCheckError {
  return checkError(code, command, { responseCode: reply.code, response: reply.text });
}

/** Rejects after `ms` with `onTimeout()`, clearing the timer whichever comes first. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

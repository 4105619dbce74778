import { CERTIFICATE_ERRORS, type FailureContext, type SmtpFailure } from '@saatja/core';
import { SmtpCheckError } from './check-error';
import { readPresentedCertificate } from './certificate';
import { connectOne, handshake } from './network';
import { sayEhlo } from './smtp-commands';
import { replyScrubber } from '../mail/reply-scrubber';
import { SmtpSession } from './smtp-session';
import type { CheckTarget, CheckTimeouts } from './run-check';

interface Failed {
  target: CheckTarget;
  /** Where the TCP step connected; null when the failure came before that. */
  address: string | null;
  context: FailureContext;
  timeouts: CheckTimeouts;
}

/**
 * Finds out what the classifier needs beyond the failure itself: the certificate a server presented
 * when its verification failed, and whether a port that stayed silent speaks implicit TLS.
 */
export async function explainFailure(failure: SmtpFailure, failed: Failed): Promise<void> {
  const { target, address, context, timeouts } = failed;
  if (address === null) return;
  if (failure.originalCode && CERTIFICATE_ERRORS[failure.originalCode]) {
    context.certificate = await inspectCertificate(target, address, timeouts.probeMs);
  } else if (failure.timeoutType === 'GREETING_TIMEOUT' && target.security !== 'ssl' && target.port !== 465) {
    context.tlsProbe = await speaksTls(target, address, timeouts.probeMs);
  }
}

/** A second connection, up to where TLS starts, to read the certificate presented there. */
async function inspectCertificate(target: CheckTarget, address: string, timeoutMs: number) {
  let socket = await connectOne(address, target.port, timeoutMs).catch(() => null);
  if (!socket) return null;
  try {
    if (target.security !== 'ssl') {
      const session = new SmtpSession(socket, replyScrubber(target.auth));
      await session.read('CONN', timeoutMs, 'GREETING_TIMEOUT');
      await sayEhlo(session, timeoutMs);
      if ((await session.send('STARTTLS', 'STARTTLS', timeoutMs)).code !== 220) return null;
      socket = session.release();
    }
    return await readPresentedCertificate(socket, target.host, timeoutMs);
  } catch {
    return null;
  } finally {
    socket.destroy();
  }
}

/** Whether a TLS server answers on the port: a completed handshake, or one that failed only on its certificate. */
async function speaksTls(target: CheckTarget, address: string, timeoutMs: number): Promise<boolean> {
  const socket = await connectOne(address, target.port, timeoutMs).catch(() => null);
  if (!socket) return false;
  try {
    (await handshake(socket, target.host, target.tls, timeoutMs, 'CONN')).destroy();
    return true;
  } catch (error) {
    const originalCode = error instanceof SmtpCheckError ? error.failure.originalCode : null;
    return originalCode !== null && CERTIFICATE_ERRORS[originalCode] !== undefined;
  } finally {
    socket.destroy();
  }
}

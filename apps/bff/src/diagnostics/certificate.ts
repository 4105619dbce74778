import type { X509Certificate } from 'node:crypto';
import type { Socket } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import type { CertificateSummary } from '@saatja/core';
import { tlsTarget } from './network';

const toIso = (date: string) => new Date(date).toISOString();

/** What the user is shown of a certificate: who it is for, who signed it, until when. */
export function summarize(certificate: X509Certificate): CertificateSummary {
  return {
    subject: certificate.subject.split('\n').join(', '),
    issuer: certificate.issuer.split('\n').join(', '),
    altNames: certificate.subjectAltName ? certificate.subjectAltName.split(', ') : [],
    validFrom: toIso(certificate.validFrom),
    validTo: toIso(certificate.validTo),
    fingerprint256: certificate.fingerprint256,
  };
}

export function describeTls(socket: TLSSocket): { protocol?: string; certificate?: CertificateSummary } {
  const certificate = socket.getPeerX509Certificate();
  return { protocol: socket.getProtocol() ?? undefined, certificate: certificate ? summarize(certificate) : undefined };
}

/**
 * Reads the certificate a server presents, only to show the user what is wrong with it after the
 * verified handshake failed (SPEC §5: "show its subject and names"). This one handshake is not
 * verified, so the socket is destroyed the moment it completes: no SMTP command, credential or
 * message is ever written to it. Nothing else may use this function.
 */
export function readPresentedCertificate(socket: Socket, host: string, timeoutMs: number): Promise<CertificateSummary | null> {
  const inspect = connectTls({ socket, ...tlsTarget(host), rejectUnauthorized: false });
  return new Promise((resolve) => {
    const done = (summary: CertificateSummary | null) => {
      clearTimeout(timer);
      inspect.destroy();
      resolve(summary);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    inspect.on('error', () => done(null));
    inspect.once('secureConnect', () => {
      const certificate = inspect.getPeerX509Certificate();
      done(certificate ? summarize(certificate) : null);
    });
  });
}

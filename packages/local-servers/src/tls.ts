import { isIP } from 'node:net';
import { generate } from 'selfsigned';

/** PEM-encoded TLS material: the server's key and certificate, and the CA a client must trust. */
export interface TlsMaterial {
  key: string;
  cert: string;
  ca: string;
}

const DEFAULT_NAMES = ['localhost', '127.0.0.1', '::1'];
const CA_VALIDITY_DAYS = 3650;
const SERVER_VALIDITY_DAYS = 825; // the longest lifetime macOS/iOS accept for a server certificate
const DAY_MS = 24 * 60 * 60 * 1000;

// EC P-256 keys generate in milliseconds, unlike RSA, so tests can afford a fresh CA each run.
const KEY_OPTIONS = { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' } as const;

export interface LocalTlsOptions {
  /** Host names and IPs the server certificate is for; default localhost, 127.0.0.1 and ::1. */
  names?: string[];
  /** A server certificate that expired yesterday, signed by a valid CA: tests of expiry diagnostics. */
  expired?: boolean;
  /** A self-signed server certificate and no CA (`ca` is the certificate itself): tests of untrusted servers. */
  selfSigned?: boolean;
}

/**
 * Makes a throwaway CA and a server certificate signed by it. The CA's private key is dropped on
 * return, so trusting `ca` cannot let anything else be signed by it later.
 */
export async function createLocalTls(options: LocalTlsOptions = {}): Promise<TlsMaterial> {
  const names = options.names ?? DEFAULT_NAMES;
  if (names.length === 0) throw new Error('createLocalTls: names must list at least one host name or IP');
  const now = new Date();
  if (options.selfSigned) return selfSignedTls(names, now);
  const ca = await generate([{ name: 'commonName', value: 'Saatja local development CA' }], {
    ...KEY_OPTIONS,
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: names[0] ?? 'localhost' }], {
    ...KEY_OPTIONS,
    ...serverValidity(now, options.expired ?? false),
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map(toAltName) },
    ],
  });
  return { key: server.private, cert: server.cert, ca: ca.cert };
}

function toAltName(name: string): { type: 2; value: string } | { type: 7; ip: string } {
  return isIP(name) === 0 ? { type: 2, value: name } : { type: 7, ip: name };
}

function serverValidity(now: Date, expired: boolean): { notBeforeDate: Date; notAfterDate: Date } {
  if (!expired) return { notBeforeDate: now, notAfterDate: new Date(now.getTime() + SERVER_VALIDITY_DAYS * DAY_MS) };
  return { notBeforeDate: new Date(now.getTime() - 30 * DAY_MS), notAfterDate: new Date(now.getTime() - DAY_MS) };
}

async function selfSignedTls(names: string[], now: Date): Promise<TlsMaterial> {
  const server = await generate([{ name: 'commonName', value: names[0] ?? 'localhost' }], {
    ...KEY_OPTIONS,
    ...serverValidity(now, false),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map(toAltName) },
    ],
  });
  return { key: server.private, cert: server.cert, ca: server.cert };
}

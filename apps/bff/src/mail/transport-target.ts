import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { emptyContext, type FailureContext, type TlsMode } from '@saatja/core';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export type TlsSettings = Pick<ConnectionOptions, 'ca' | 'minVersion' | 'secureContext'>;
export type TransportAuth = { user: string; pass: string } | { user: string; accessToken: string };

/** Where a send connects and how: what the connection check walks through step by step. */
export interface TransportTarget {
  host: string;
  /** The address the target guard resolved and pinned; the DNS step reports it instead of asking again. */
  address?: string | undefined;
  port: number;
  security: TlsMode;
  tls: TlsSettings;
  auth: TransportAuth | null;
}

/**
 * The check connects exactly as the send would: its target is read from the nodemailer options
 * buildTransport made, so there is one place that decides host, port, TLS, trust and credentials.
 */
export function transportTarget(options: SMTPTransport.Options): TransportTarget {
  const security: TlsMode = options.secure ? 'ssl' : options.requireTLS ? 'starttls' : 'none';
  const tls = options.tls ?? {};
  // buildTransport pins a user-supplied server's address and keeps its name for the certificate;
  // an address typed as such is its own pin. Only the deployment's relay is looked up by name.
  const servername = typeof tls.servername === 'string' ? tls.servername : undefined;
  const host = options.host ?? 'localhost';
  return {
    host: servername ?? host,
    address: servername || isIP(host) ? host : undefined,
    port: Number(options.port ?? (options.secure ? 465 : 587)),
    security,
    tls: { ca: tls.ca, minVersion: tls.minVersion, secureContext: tls.secureContext },
    auth: credentialsOf(options.auth),
  };
}

function credentialsOf(auth: SMTPTransport.Options['auth']): TransportAuth | null {
  if (!auth?.user) return null;
  if ('accessToken' in auth && typeof auth.accessToken === 'string') return { user: auth.user, accessToken: auth.accessToken };
  return { user: auth.user, pass: 'pass' in auth && typeof auth.pass === 'string' ? auth.pass : '' };
}

/** What is known of a send before any step ran; for classifying nodemailer's own failures. */
export function sendContext(options: SMTPTransport.Options): FailureContext {
  const target = transportTarget(options);
  return emptyContext({ host: target.host, port: target.port, security: target.security, user: target.auth?.user ?? null });
}

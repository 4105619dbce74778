import { isIP } from 'node:net';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { assertNever, type EffectiveTransport, type Owner, type SendLogRoute, type TlsMode } from '@saatja/core';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { RelayConfig } from '../config';
import { AppError } from '../http/app-error';
import type { ResolvedTarget } from '../network/target-guard';

/** Interactive sends give up sooner than nodemailer's defaults (2 min / 30 s / 10 min), ms. */
const CONNECTION_TIMEOUT_MS = 15_000;
const GREETING_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;

export interface TransportContext {
  relay: RelayConfig;
  /** Extra trusted CAs (PEM), added to Node's own roots, never replacing them. */
  extraCas: readonly string[];
  /** The saved SMTP password of the card that owns the credentials. */
  password(owner: Owner): Promise<string>;
  /**
   * The target policy for user-supplied servers (open ports, public addresses or the allow-list):
   * refuses, or pins the one address every step connects to.
   */
  guardTarget(host: string, port: number): Promise<ResolvedTarget>;
  /** Microsoft 365's SMTP server (smtp.office365.com:587 unless the deployment says otherwise); null = not set up. */
  m365Smtp: { host: string; port: number } | null;
  /** An SMTP.Send access token of the card that owns the connection, and the mailbox it was issued to. */
  m365AccessToken(owner: Owner, mailbox: string): Promise<{ user: string; accessToken: string }>;
}

/**
 * One TLS context per deployment's CA list: building it parses Node's ~150 root certificates
 * (~30 ms of CPU), far more than the rest of a send. Keyed weakly by the config's own array.
 */
const secureContexts = new WeakMap<readonly string[], SecureContext>();

function secureContextFor(extraCas: readonly string[]): SecureContext {
  let context = secureContexts.get(extraCas);
  if (!context) {
    context = createSecureContext({ ca: extraCas.length > 0 ? [...rootCertificates, ...extraCas] : undefined, minVersion: 'TLSv1.2' });
    secureContexts.set(extraCas, context);
  }
  return context;
}

/** TLS never weakened: SSL is implicit TLS, STARTTLS is required, certificates always verified. */
function tlsOptions(security: TlsMode, extraCas: readonly string[], servername?: string): Partial<SMTPTransport.Options> {
  const tls = {
    secureContext: secureContextFor(extraCas),
    // Connecting to a pinned address: the certificate is still checked against the name.
    ...(servername && isIP(servername) === 0 ? { servername } : {}),
  };
  switch (security) {
    case 'ssl':
      return { secure: true, tls };
    case 'starttls':
      return { secure: false, requireTLS: true, tls };
    case 'none':
      // Plain text as chosen, as mail clients mean None: no STARTTLS even when the server offers it.
      return { secure: false, ignoreTLS: true };
    default:
      return assertNever(security);
  }
}

const base = {
  connectionTimeout: CONNECTION_TIMEOUT_MS,
  greetingTimeout: GREETING_TIMEOUT_MS,
  socketTimeout: SOCKET_TIMEOUT_MS,
  disableFileAccess: true,
  disableUrlAccess: true,
} satisfies SMTPTransport.Options;

/** The one place that turns an effective configuration into nodemailer options. */
export async function buildTransport(transport: EffectiveTransport, context: TransportContext): Promise<SMTPTransport.Options> {
  switch (transport.kind) {
    case 'relay':
      return { ...base, host: context.relay.host, port: context.relay.port, ...tlsOptions(context.relay.security, context.extraCas) };
    case 'smtp': {
      const credentials = transport.credentials;
      const pinned = await context.guardTarget(transport.host, transport.port);
      return {
        ...base,
        host: pinned.address,
        port: transport.port,
        ...tlsOptions(transport.security, context.extraCas, pinned.servername),
        auth: credentials ? { user: credentials.user, pass: await context.password(credentials.owner) } : undefined,
      };
    }
    case 'm365': {
      if (!context.m365Smtp) throw new AppError('sendFailed', { detail: 'm365NotConfigured' });
      // XOAUTH2 as the token's own account (SPEC §2); STARTTLS required, as smtp.office365.com:587 wants.
      const { user, accessToken } = await context.m365AccessToken(transport.owner, transport.user);
      return {
        ...base,
        host: context.m365Smtp.host,
        port: context.m365Smtp.port,
        ...tlsOptions('starttls', context.extraCas),
        auth: { type: 'OAuth2', user, accessToken },
      };
    }
    default:
      return assertNever(transport);
  }
}

/** Where mail goes, for the send log and the test mail's text; never a secret. */
export function sendLogRoute(transport: EffectiveTransport, relay: RelayConfig): Exclude<SendLogRoute, { kind: 'other' }> {
  switch (transport.kind) {
    case 'relay':
      return { kind: 'relay', host: relay.host, port: relay.port, security: relay.security };
    case 'smtp': {
      const { host, port, security, credentials } = transport;
      return { kind: 'smtp', host, port, security, user: credentials?.user ?? null, owner: credentials?.owner ?? null };
    }
    case 'm365':
      return { kind: 'm365', user: transport.user, owner: transport.owner };
    default:
      return assertNever(transport);
  }
}

/** The route in one line, for the test mail's own text. */
export function describeRoute(route: Exclude<SendLogRoute, { kind: 'other' }>): string {
  return route.kind === 'm365'
    ? `Microsoft 365 as ${route.user}`
    : `${route.host}:${route.port} (${route.security})${route.kind === 'smtp' && route.user ? ` as ${route.user}` : ''}`;
}

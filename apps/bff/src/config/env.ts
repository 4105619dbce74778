import { companySlug, DEFAULT_OPEN_PORTS, isHostOrIp, M365_SMTP_SERVER, tlsModes } from '@saatja/core';
import { isIP } from 'node:net';
import { z } from 'zod';

const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

const portList = list(DEFAULT_OPEN_PORTS.join(','))
  .transform((items) => items.map(Number))
  .pipe(z.array(z.number().int().min(1).max(65_535)).min(1, 'list at least one open port'));

function isCidr(item: string): boolean {
  const [address, bits, extra] = item.split('/');
  const max = isIP(address ?? '') === 4 ? 32 : isIP(address ?? '') === 6 ? 128 : -1;
  return extra === undefined && bits !== undefined && /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/** `ip`, `ip:port`, a bare IPv6 address, or `[ipv6]:port`: what Node's resolver accepts. */
function isDnsServer(item: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(item);
  const [address, port] = bracketed
    ? [bracketed[1]!, bracketed[2]]
    : isIP(item) === 6
      ? [item, undefined]
      : [item.split(':')[0]!, item.split(':')[1]];
  if (bracketed && isIP(address) !== 6) return false;
  if (!bracketed && isIP(address) !== 4 && isIP(address) !== 6) return false;
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65_535 && item.split(':').length <= (bracketed ? 9 : 2));
}

const dnsServers = list('').refine(
  (items) => items.every(isDnsServer),
  'comma-separated IP addresses, each optionally with a port: 192.0.2.53, 192.0.2.53:5353, [2001:db8::53]:53',
);

const retentionDays = (fallback: number) => z.coerce.number().int().min(1).max(36_500).default(fallback);

/** Every environment variable Saatja reads; parsed once at start-up, nowhere else. */
export const envSchema = z.object({
  SAATJA_MODE: z.enum(['dev', 'production']).default('dev'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Compared with the browser's Origin header, so kept as an origin: `https://mail.example.com/` → without the slash. */
  SAATJA_PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/, error: 'an http(s) origin, e.g. https://mail.example.com' })
    .refine((url) => ['', '/'].includes(new URL(url).pathname) && !new URL(url).search, 'an origin only: no path or query')
    .transform((url) => new URL(url).origin)
    .optional(),
  SAATJA_DATA_DIR: z.string().default('./data'),
  /** postgres://user:password@host:port/database; unset = an embedded PostgreSQL under <data>/pg. */
  SAATJA_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  /** The built web app; relative to the working directory. */
  SAATJA_WEB_DIST: z.string().default('web'),
  /** ms that requests in flight get to finish after SIGTERM before their connections are cut. */
  SAATJA_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  /** A first admin for containers, created at start only while no admin exists; code, e-mail and password file together. */
  SAATJA_INITIAL_ADMIN_CODE: z.string().optional(),
  SAATJA_INITIAL_ADMIN_NAME: z.string().optional(),
  SAATJA_INITIAL_ADMIN_EMAIL: z.string().optional(),
  SAATJA_INITIAL_ADMIN_PASSWORD_FILE: z.string().optional(),
  SAATJA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SAATJA_VENDOR_NAME: z.string().min(1).default('Directo'),
  SAATJA_COMPANY_NAME: z
    .string()
    .min(1)
    .default('Demo Firma OÜ')
    .refine((name) => companySlug(name) !== '', 'must contain letters or digits: it names the event mailbox'),
  // It goes into From, Sender and Message-ID headers: a plain domain name, nothing else.
  SAATJA_EVENT_DOMAIN: z
    .string()
    .regex(
      /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i,
      'a domain name, e.g. event.data.directo.ee',
    )
    .default('event.data.directo.ee'),
  /** The inbound SMTP listener of the event mailbox (bounces, replies); 0 = a free port. */
  SAATJA_INBOUND_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65_535)]).default(2526),
  /** Days kept before the retention purge removes them (SPEC §9). */
  SAATJA_RETENTION_SEND_LOG_DAYS: retentionDays(365),
  SAATJA_RETENTION_EVENTS_DAYS: retentionDays(365),
  /** Raw inbound mail goes sooner than the events read from it: it may hold whole returned messages. */
  SAATJA_RETENTION_RAW_MAIL_DAYS: retentionDays(30),
  /** Finished outbox messages (sent, failed, cancelled) and their batches; the attempts stay in the send log. */
  SAATJA_RETENTION_OUTBOX_DAYS: retentionDays(30),
  /** The vendor's SPF include domain (e.g. _spf.directo.ee), offered to users' domain admins instead of the IPs. */
  SAATJA_SPF_INCLUDE: z
    .string()
    .regex(/^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i, 'a domain name, e.g. _spf.directo.ee')
    .optional(),
  SAATJA_SENDING_IPS: list('90.190.150.210,90.190.150.211,90.190.150.212,90.190.150.213,90.190.150.219,90.190.150.82'),
  SAATJA_OPEN_PORTS: portList,
  SAATJA_RELAY_HOST: z.string().optional(),
  SAATJA_RELAY_PORT: z.coerce.number().int().min(1).max(65_535).default(25),
  SAATJA_RELAY_SECURITY: z.enum(tlsModes).default('starttls'),
  /**
   * Users' SMTP hosts allowed on non-public addresses, in every mode: names, addresses or CIDR
   * ranges (a company's internal relay; the local servers of tests).
   */
  SAATJA_SMTP_ALLOW_LIST: list('').refine(
    (items) => items.every((item) => isHostOrIp(item.replace(/^\[|\]$/g, '')) || isCidr(item)),
    'comma-separated host names, IP addresses or CIDR ranges, e.g. relay.firma.lan, 10.0.0.25, 10.1.0.0/16',
  ),
  /**
   * Proxies whose X-Forwarded-For is believed for the client address: addresses or CIDR ranges, or a
   * hop count. Empty: none, the client address is the socket's peer.
   */
  SAATJA_TRUST_PROXY: list('').refine(
    (items) => (items.length === 1 && /^\d{1,2}$/.test(items[0]!)) || items.every((item) => isIP(item) !== 0 || isCidr(item)),
    'comma-separated proxy addresses or CIDR ranges (e.g. 10.0.0.5, 10.0.0.0/24), or a number of hops',
  ),
  /** The DNS servers every lookup of a user-supplied host goes to; empty = the system's resolvers. */
  SAATJA_DNS_SERVERS: dnsServers,
  /** ms one DNS query may take before it counts as failed (and the target is refused). */
  SAATJA_DNS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  /** PEM file(s) of extra trusted CAs, comma-separated: a company's internal CA, the local servers' CA. */
  SAATJA_EXTRA_CA_FILES: list(''),
  /** `kid:base64key,…`, 32-byte keys; the first one encrypts, all of them decrypt. */
  SAATJA_SECRETS_KEYS: z.string().optional(),
  /** Microsoft 365 OAuth (SPEC §2): the Entra app registration; all four or none. */
  SAATJA_MS_CLIENT_ID: z.string().min(1).optional(),
  SAATJA_MS_CLIENT_SECRET: z.string().min(1).optional(),
  /** e.g. https://login.microsoftonline.com/<tenant id>; HTTPS only (msal refuses anything else). */
  SAATJA_MS_AUTHORITY: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional(),
  /** The BFF's callback, registered on the app's *Web* platform: https://<public origin>/api/m365/callback. */
  SAATJA_MS_REDIRECT_URI: z.url({ protocol: /^https?$/ }).optional(),
  SAATJA_MS_SMTP_HOST: z.string().min(1).default(M365_SMTP_SERVER.host),
  SAATJA_MS_SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(M365_SMTP_SERVER.port),
  /** The outbox (SPEC §10): how often each instance looks for due mail besides NOTIFY wake-ups, ms. */
  SAATJA_OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  /** How long a worker's claim on a message or connection lasts unless renewed, ms; a crashed worker's mail is due again after it. */
  SAATJA_OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** The first retry's delay after a temporary failure, ms (doubling, with jitter). */
  SAATJA_OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  SAATJA_OUTBOX_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(1_800_000),
  /** Hours after submission a message still failing temporarily is given up as failed. */
  SAATJA_OUTBOX_DEADLINE_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 14)
    .default(48),
  /** The vendor relay's connection cap and rate (messages a minute; empty = no rate limit). */
  SAATJA_RELAY_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(5),
  SAATJA_RELAY_PER_MINUTE: z.coerce.number().int().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

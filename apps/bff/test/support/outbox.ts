import type { CreatedApiToken, TokenScope } from '@saatja/core';
import type { LocalSmtpServer } from '@saatja/local-servers';
import type { OutboxSettings } from '../../src/config/outbox-settings';
import type { Db } from '../../src/db/database';
import { apiClient } from './api-client';

/** Outbox timings for tests: look often, retry soon, a short lease so a crashed worker's mail comes back quickly. */
export const FAST_OUTBOX: Partial<OutboxSettings> = {
  pollMs: 100,
  leaseMs: 3_000,
  retry: { baseDelayMs: 100, maxDelayMs: 400, deadlineMs: 120_000 },
};

export const JAAN_SMTP_PASSWORD = 'Kal4-Maja!secret';

/** An admin (MARI) creates a token through the admin API, as the token page does. */
export async function createToken(baseUrl: string, scope: TokenScope = { kind: 'any' }): Promise<CreatedApiToken> {
  const admin = apiClient(baseUrl);
  await admin.signIn('MARI', 'mari-demo-2026');
  const response = await admin.call('POST', '/admin/tokens', { name: 'ERP', scope });
  if (response.status !== 201) throw new Error(`token not created: ${response.status} ${response.text}`);
  return response.json as unknown as CreatedApiToken;
}

/** An admin (MARI) sets the limits of the tests' SMTP servers (host localhost); a figure left out is the preset's (none). */
export async function setLocalServerLimits(
  baseUrl: string,
  limits: Partial<Record<'perSecond' | 'perMinute' | 'perHour' | 'perDay' | 'maxConnections', number | null>>,
): Promise<void> {
  const admin = apiClient(baseUrl);
  await admin.signIn('MARI', 'mari-demo-2026');
  const none = { perSecond: null, perMinute: null, perHour: null, perDay: null, maxConnections: null };
  const response = await admin.call('PUT', '/admin/server-limits', { host: 'localhost', ...none, ...limits });
  if (response.status !== 200) throw new Error(`limits not set: ${response.status} ${response.text}`);
}

/** JAAN's card sends through `server` (STARTTLS, user jaan): an own server, so mass mail is allowed. */
/** The name and e-mail JAAN's card sends as (the outbox's From for him). */
export const JAAN_CARD = { name: 'Jaan Tamm', email: 'jaan@firma.ee' } as const;

export async function jaanUsesOwnServer(baseUrl: string, server: Pick<LocalSmtpServer, 'port' | 'security'>): Promise<void> {
  const jaan = apiClient(baseUrl);
  await jaan.signIn('JAAN', 'jaan-demo-2026');
  const response = await jaan.call('PUT', '/card', {
    ...JAAN_CARD,
    mailSender: {
      mode: 'smtp',
      smtp: {
        host: 'localhost',
        port: server.port,
        security: server.security,
        user: 'jaan',
        password: JAAN_SMTP_PASSWORD,
        clearPassword: false,
      },
    },
  });
  if (response.status !== 200) throw new Error(`card not saved: ${response.status} ${response.text}`);
}

/** The ERP's side of /api/v1: bearer token, JSON. */
export function sendApi(baseUrl: string, token: string) {
  return async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
}

/** Poll `read` until `done` holds (the outbox works in the background). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`still not done after ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `count` messages of one batch, each with its own recipient so the server's mails can be told apart. */
export function batchOf(count: number, user = 'JAAN') {
  return {
    user,
    name: `Uudiskiri ${count}`,
    messages: Array.from({ length: count }, (_, i) => ({
      to: [`klient${i}@example.ee`],
      subject: `Uudiskiri ${i}`,
      text: `Tere, klient ${i}!`,
    })),
  };
}

/** The Message-IDs of a batch's messages, read from the database. */
export async function batchMessageIds(db: Db, batchId: string): Promise<string[]> {
  const rows = await db.selectFrom('outbox_messages').select('message_id').where('batch_id', '=', batchId).execute();
  return rows.map((row) => row.message_id);
}

/** How often each Message-ID arrived at the server. */
export function arrivals(server: LocalSmtpServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of server.received()) counts.set(mail.headers.messageId ?? '', (counts.get(mail.headers.messageId ?? '') ?? 0) + 1);
  return counts;
}

import { expect } from 'vitest';
import { apiClient } from './api-client';

export const MAILBOX = 'ounapuupoderou@event.data.directo.ee';

export type Client = ReturnType<typeof apiClient>;

/** Sign in, switch the card to Directo-Reply-To, send a test mail; returns its Message-ID. */
export async function sendAsEventMailbox(client: Client, user: { name: string; email: string }, to?: string): Promise<string> {
  const saved = await client.call('PUT', '/card', { ...user, mailSender: { mode: 'replyTo' } });
  expect(saved.status).toBe(200);
  const sent = await client.call('POST', '/card/test-mail', to ? { to } : {});
  expect(sent.status).toBe(200);
  return (sent.json as { messageId: string }).messageId;
}

export async function signedIn(url: string, code: string, password: string): Promise<Client> {
  const client = apiClient(url);
  expect((await client.signIn(code, password)).status).toBe(200);
  return client;
}

export const JAAN = { code: 'JAAN', password: 'jaan-demo-2026', name: 'Jaan Tamm', email: 'jaan@firma.ee' } as const;
export const MARI = { code: 'MARI', password: 'mari-demo-2026', name: 'Mari Maasikas', email: 'mari@firma.ee' } as const;

/** GET /api/events with the given query string; the events list. */
export async function eventsOf(client: Client, query = ''): Promise<Record<string, unknown>[]> {
  const response = await client.call('GET', `/events${query}`);
  expect(response.status).toBe(200);
  return (response.json as { events: Record<string, unknown>[] }).events;
}

import type { EmulatorMailbox } from '@saatja/identity-emulator';
import type { M365AuthResult } from '@saatja/core';
import { expect } from 'vitest';
import type { apiClient } from './api-client';
import { authorizeInBrowser } from './identity-browser';
import type { TestStack } from './stack';

type Client = ReturnType<typeof apiClient>;

export interface CallbackPage {
  status: number;
  headers: Headers;
  html: string;
  /** What the page posts to its opener. */
  result: M365AuthResult;
  /** The same-window fallback's return to the card. */
  fallback: string;
}

/** GET of the redirect URI as the browser of `client` (its session cookie) would load it. */
export async function loadCallback(client: Client, url: URL | string): Promise<CallbackPage> {
  const response = await fetch(url, { headers: client.cookie ? { Cookie: client.cookie } : {}, redirect: 'manual' });
  const html = await response.text();
  const data = /<script nonce="[^"]+">[\s\S]*?\}\)\((\{[\s\S]*\})\);<\/script>/.exec(html)?.[1];
  if (data === undefined) throw new Error(`No result on the callback page (${response.status}):\n${html}`);
  const parsed = JSON.parse(data) as { message: { type: string; result: M365AuthResult }; origin: string; fallback: string };
  expect(parsed.message.type).toBe('saatja:m365');
  return { status: response.status, headers: response.headers, html, result: parsed.message.result, fallback: parsed.fallback };
}

export async function startSignIn(client: Client, user: string, cardPath = '/card'): Promise<string> {
  const started = await client.call('POST', `${cardPath}/m365/start`, { user });
  expect(started.status, started.text).toBe(200);
  return (started.json as { authorizeUrl: string }).authorizeUrl;
}

export interface ConnectOptions {
  /** The card's User; default the mailbox signed in as. */
  cardUser?: string;
  answer?: 'Accept' | 'Cancel';
  cardPath?: string;
}

/** The whole "Authenticate Microsoft 365": start, sign in and consent at the emulator, the callback. */
export async function connectM365(
  stack: TestStack,
  client: Client,
  mailbox: EmulatorMailbox,
  options: ConnectOptions = {},
): Promise<CallbackPage> {
  const authorizeUrl = await startSignIn(client, options.cardUser ?? mailbox.email, options.cardPath);
  const back = await authorizeInBrowser(authorizeUrl, stack.m365!.emulator.ca, mailbox, options.answer);
  return loadCallback(client, back);
}

import { createServer, type Server, type Socket } from 'node:net';
import type { CheckEvent, Diagnosis, StepEvent } from '@saatja/core';
import {
  createLocalTls,
  startSmtpServer,
  type LocalSmtpServer,
  type LocalSmtpServerOptions,
  type TlsMaterial,
} from '@saatja/local-servers';
import { apiClient } from './api-client';
import { startTestStack, type TestStack } from './stack';

export const SMTP_PASSWORD = 'Kal4-Maja!secret';

/** TLS material for every certificate case, each with a CA of its own (the self-signed one has none). */
export interface TlsSet {
  trusted: TlsMaterial;
  expired: TlsMaterial;
  otherName: TlsMaterial;
  selfSigned: TlsMaterial;
}

export async function createTlsSet(): Promise<TlsSet> {
  const [trusted, expired, otherName, selfSigned] = await Promise.all([
    createLocalTls(),
    createLocalTls({ expired: true }),
    createLocalTls({ names: ['mail.other.test'] }),
    createLocalTls({ selfSigned: true }),
  ]);
  return { trusted, expired, otherName, selfSigned };
}

/** A bare TCP server: `onConnection` decides what, if anything, it says. */
export async function rawServer(onConnection: (socket: Socket) => void = () => {}): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {}).on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: taken from the system, then released. */
export async function closedPort(): Promise<number> {
  const server = await rawServer();
  await server.close();
  return server.port;
}

export interface CardSmtp {
  host?: string;
  port: number;
  security: 'none' | 'ssl' | 'starttls';
  user?: string;
  password?: string;
}

export interface Scenario {
  stack: TestStack;
  client: ReturnType<typeof apiClient>;
  /** Runs the check and returns its NDJSON lines, parsed. */
  check(mode: 'dryRun' | 'send', to?: string): Promise<{ status: number; text: string; events: CheckEvent[] }>;
  close(): Promise<void>;
}

/**
 * A Saatja whose deployment opens `port` and trusts the CA of `trust`, with JAAN signed in and his
 * card pointing at the port.
 */
export async function startScenario(trust: TlsMaterial, card: CardSmtp, cleanup: (() => Promise<void>)[] = []): Promise<Scenario> {
  const stack = await startTestStack({ tls: trust, openPorts: [card.port] });
  const client = apiClient(stack.url);
  await client.signIn('JAAN', 'jaan-demo-2026');
  const user = card.user ?? 'jaan';
  const saved = await client.call('PUT', '/card', {
    name: 'Jaan Tamm',
    email: 'jaan@firma.ee',
    mailSender: {
      mode: 'smtp',
      smtp: {
        host: card.host ?? 'localhost',
        port: card.port,
        security: card.security,
        user,
        password: user ? (card.password ?? SMTP_PASSWORD) : '',
        clearPassword: false,
      },
    },
  });
  if (saved.status !== 200) throw new Error(`saving the card failed: ${saved.text}`);
  return {
    stack,
    client,
    async check(mode, to) {
      const response = await fetch(`${stack.url}/api/card/check`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: client.cookie, 'Sec-Fetch-Site': 'same-origin' },
        body: JSON.stringify({ mode, ...(to ? { to } : {}) }),
      });
      const text = await response.text();
      const events =
        response.status === 200
          ? text
              .trim()
              .split('\n')
              .map((line) => JSON.parse(line) as CheckEvent)
          : [];
      return { status: response.status, text, events };
    },
    async close() {
      await stack.close();
      await Promise.all(cleanup.map((stop) => stop()));
    },
  };
}

export async function smtpServer(tls: TlsMaterial, options: Omit<LocalSmtpServerOptions, 'tls'>): Promise<LocalSmtpServer> {
  return startSmtpServer({ tls, ...options });
}

export function verdictOf(events: CheckEvent[]) {
  const verdict = events.at(-1);
  if (verdict?.type !== 'verdict') throw new Error(`the stream did not end in a verdict: ${JSON.stringify(events)}`);
  return verdict;
}

export function diagnosisOf(events: CheckEvent[]): Diagnosis {
  const verdict = verdictOf(events);
  if (verdict.ok) throw new Error('expected the check to fail');
  return verdict.diagnosis;
}

/** Each step's final status, in the order the steps finished. */
export function stepResults(events: CheckEvent[]): [string, string][] {
  return events
    .filter((event): event is Extract<StepEvent, { detail: unknown }> => event.type === 'step' && event.status !== 'running')
    .map((event) => [event.step, event.status]);
}

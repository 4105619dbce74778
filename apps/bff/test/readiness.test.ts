import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type RunningBff } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { generateKeySpec } from '../src/secrets/secret-box';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let database: TestDatabase;
let proxy: TcpProxy;
let bff: RunningBff;

beforeAll(async () => {
  database = await createTestDatabase();
  const url = new URL(database.url);
  // The BFF reaches the run's PostgreSQL only through this proxy, which the test can cut.
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
  url.port = String(proxy.port);
  const config = loadConfig({
    SAATJA_MODE: 'production',
    PORT: '0',
    SAATJA_INBOUND_PORT: '0',
    SAATJA_DATABASE_URL: url.toString(),
    SAATJA_PUBLIC_ORIGIN: 'https://mail.example.com',
    SAATJA_RELAY_HOST: 'relay.example.com',
    SAATJA_SECRETS_KEYS: generateKeySpec('r1'),
    SAATJA_LOG_LEVEL: 'silent',
  });
  bff = await startBff(config, createLogger('silent'));
});

afterAll(async () => {
  await bff.close(0);
  await proxy.restore().catch(() => undefined);
  await database.drop();
});

const readyz = async () => {
  const response = await fetch(`${bff.url}/readyz`);
  return { status: response.status, body: (await response.json()) as unknown };
};

/** The pool reconnects on its next query; give the restored database a few tries. */
async function eventually(check: () => Promise<boolean>, tries = 50): Promise<boolean> {
  for (let attempt = 0; attempt < tries; attempt++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('health and readiness', () => {
  it('when the process runs, then /healthz answers without a session, whatever the database does', async () => {
    const response = await fetch(`${bff.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('when the database becomes unreachable, then /readyz answers 503 with a short reason, and 200 again once it is back', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready' } });

    await proxy.cut();
    // Only the reason: no host, port, driver message or stack for whoever asks.
    expect(await readyz()).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database unreachable' } });
    expect((await fetch(`${bff.url}/healthz`)).status).toBe(200);

    await proxy.restore();
    expect(await eventually(async () => (await readyz()).status === 200)).toBe(true);
  });

  it('when the database lacks a migration this build has, then /readyz says migrations are pending', async () => {
    await sql`delete from kysely_migration`.execute(bff.db);
    expect(await readyz()).toEqual({ status: 503, body: { status: 'unavailable', reason: 'migrations pending' } });
  });
});

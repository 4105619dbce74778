import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestLog, SLOW_MS } from '../src/http/request-log';
import { createLogger } from '../src/logger';

const lines: Record<string, unknown>[] = [];
const servers: Server[] = [];
const urls: Record<'info' | 'debug', string> = { info: '', debug: '' };

async function listen(level: 'info' | 'debug'): Promise<string> {
  const app = express();
  app.use(requestLog(createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) })));
  app.get('/ok', (_req, res) => void res.json({ ok: true }));
  app.get('/missing', (_req, res) => void res.status(404).json({ error: { code: 'notFound' } }));
  app.get('/slow', (_req, res) => void setTimeout(() => res.json({ ok: true }), SLOW_MS + 50));
  app.put('/ok', (_req, res) => void res.json({ ok: true }));
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The request's log lines, once its answer is read ('finish' runs before the client has it all). */
async function logged(url: string, init?: RequestInit): Promise<Record<string, unknown>[]> {
  await (await fetch(url, init)).text();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return lines.filter((line) => line.msg === 'request');
}

beforeAll(async () => {
  urls.info = await listen('info');
  urls.debug = await listen('debug');
});
beforeEach(() => void lines.splice(0));
afterAll(() => servers.forEach((server) => server.close()));

describe('the request log', () => {
  it('when a read succeeds quickly, then nothing is written at info', async () => {
    expect(await logged(`${urls.info}/ok`)).toEqual([]);
  });

  it('when the level is debug, then a quick successful read is written with its status and duration', async () => {
    expect(await logged(`${urls.debug}/ok?secret=1`)).toEqual([
      expect.objectContaining({ level: 20, method: 'GET', path: '/ok', status: 200, ms: expect.any(Number) }),
    ]);
  });

  it.each([
    ['a change', '/ok', 'PUT', 200],
    ['a failed read', '/missing', 'GET', 404],
    ['a slow read', '/slow', 'GET', 200],
  ])('when %s is answered, then it is written at info with status and duration', async (_what, path, method, status) => {
    const [line, ...more] = await logged(`${urls.info}${path}`, { method });
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 30, method, path, status });
    if (path === '/slow') expect(line!.ms).toBeGreaterThanOrEqual(SLOW_MS);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAppRoutes } from '../src/web-app/routes';
import { startTestStack, type TestStack } from './support/stack';

const SCRIPT = `console.log(${JSON.stringify('Saatja '.repeat(200))});`;

/** What a request for `url` gets, asking for `encoding`; undici decodes br and gzip itself. */
async function get(url: string, encoding: string) {
  const response = await fetch(url, { headers: { 'accept-encoding': encoding } });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('the web app as the build left it (a folder with index.html and precompressed assets)', () => {
  let dist: string;
  let server: ReturnType<express.Express['listen']>;
  let url: string;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'saatja-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Saatja</title>');
    const file = path.join(dist, 'assets/index-abc123.js');
    writeFileSync(file, SCRIPT);
    writeFileSync(`${file}.br`, brotliCompressSync(SCRIPT));
    writeFileSync(`${file}.gz`, gzipSync(SCRIPT));
    const app = express().use(webAppRoutes(dist)!);
    await new Promise<void>((resolve) => (server = app.listen(0, '127.0.0.1', () => resolve())));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each([
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
    ['identity', null],
  ])(
    'when a browser accepts %s, then a hashed asset comes as %s, the same script, kept a year as immutable',
    async (accepted, encoding) => {
      const { status, headers, body } = await get(`${url}/assets/index-abc123.js`, accepted);
      expect(status).toBe(200);
      expect(headers.get('content-encoding')).toBe(encoding);
      expect(headers.get('vary')).toMatch(/accept-encoding/i);
      expect(headers.get('content-type')).toMatch(/javascript/);
      expect(headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(body).toBe(SCRIPT);
    },
  );

  it('when an asset is missing (an older deployment’s chunk), then the answer is 404, not the page', async () => {
    const { status, body } = await get(`${url}/assets/index-old999.js`, 'br, gzip');
    expect(status).toBe(404);
    expect(body).toBe('');
  });

  it('when any other path is asked for, then index.html comes, to be revalidated on every visit', async () => {
    const { status, headers, body } = await get(`${url}/admin/users`, 'br, gzip');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-cache');
    expect(body).toBe('<!doctype html><title>Saatja</title>');
  });

  it('when the app is not built, then there is nothing to serve', () => {
    expect(webAppRoutes(path.join(dist, 'missing'))).toBeNull();
  });
});

describe('the real build, served by the BFF', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack.close());

  it('when the page’s scripts and styles are fetched, then each comes brotli-compressed from the build and immutable', async () => {
    const html = (await get(`${stack.url}/`, 'br, gzip')).body;
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(([, asset]) => asset!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const { status, headers, body } = await get(`${stack.url}${asset}`, 'br, gzip');
      expect([asset, status, headers.get('content-encoding'), headers.get('cache-control')]).toEqual([
        asset,
        200,
        'br',
        'public, max-age=31536000, immutable',
      ]);
      expect(body).toBe(readFileSync(path.join(stack.config.webDist, asset), 'utf8'));
    }
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

const dir = mkdtempSync(path.join(tmpdir(), 'saatja-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PRODUCTION = {
  SAATJA_MODE: 'production',
  SAATJA_RELAY_HOST: 'relay.example.com',
  SAATJA_SECRETS_KEYS: 'k:x',
  SAATJA_PUBLIC_ORIGIN: 'https://mail.example.com',
};

describe('start-up settings', () => {
  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.com'])(
    'when dev mode is asked to listen on %j, then it refuses with a clear message',
    (host) => {
      expect(() => loadConfig({ HOST: host })).toThrow(/dev mode listens only on a loopback address \(HOST=127\.0\.0\.1\), not HOST=/);
    },
  );

  it.each(['127.0.0.1', '127.0.0.2', '::1', 'localhost'])('when dev mode listens on loopback %j, then it starts', (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it.each([
    ['https://mail.example.com/', 'https://mail.example.com'],
    ['HTTPS://Mail.Example.com:443', 'https://mail.example.com'],
    ['http://localhost:3000', 'http://localhost:3000'],
  ])('when the public origin is written as %j, then it is compared as the origin %j', (written, origin) => {
    expect(loadConfig({ ...PRODUCTION, SAATJA_PUBLIC_ORIGIN: written }).publicOrigin).toBe(origin);
  });

  it.each(['https://mail.example.com/app', 'https://mail.example.com/?a=1', 'ftp://mail.example.com'])(
    'when the public origin is %j, then start-up names the setting',
    (written) => {
      expect(() => loadConfig({ ...PRODUCTION, SAATJA_PUBLIC_ORIGIN: written })).toThrow(/SAATJA_PUBLIC_ORIGIN/);
    },
  );

  it('when production listens on every interface, then that is allowed', () => {
    expect(loadConfig({ ...PRODUCTION, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('when the first-admin setting is complete, then it is read with the password from its file', () => {
    const file = path.join(dir, 'ok');
    writeFileSync(file, 'a-good-password-2026\n');
    const config = loadConfig({
      ...PRODUCTION,
      SAATJA_INITIAL_ADMIN_CODE: 'mari',
      SAATJA_INITIAL_ADMIN_EMAIL: 'mari@firma.ee',
      SAATJA_INITIAL_ADMIN_PASSWORD_FILE: file,
    });
    expect(config.initialAdmin).toEqual({
      code: 'MARI',
      name: 'MARI',
      email: 'mari@firma.ee',
      role: 'admin',
      password: 'a-good-password-2026',
    });
  });

  it('when the first-admin setting is incomplete or bad, then start-up fails naming the setting, never echoing the password', () => {
    const short = path.join(dir, 'short');
    writeFileSync(short, 'short-pw');
    expect(() => loadConfig({ ...PRODUCTION, SAATJA_INITIAL_ADMIN_CODE: 'MARI' })).toThrow(/SAATJA_INITIAL_ADMIN_PASSWORD_FILE: required/);
    expect(() =>
      loadConfig({ ...PRODUCTION, SAATJA_INITIAL_ADMIN_CODE: 'MARI', SAATJA_INITIAL_ADMIN_PASSWORD_FILE: path.join(dir, 'missing') }),
    ).toThrow(/cannot read/);
    const bad = () =>
      loadConfig({
        ...PRODUCTION,
        SAATJA_INITIAL_ADMIN_CODE: 'MARI',
        SAATJA_INITIAL_ADMIN_EMAIL: 'mari',
        SAATJA_INITIAL_ADMIN_PASSWORD_FILE: short,
      });
    expect(bad).toThrow(/SAATJA_INITIAL_ADMIN_EMAIL is not an e-mail address/);
    expect(bad).toThrow(/the password in SAATJA_INITIAL_ADMIN_PASSWORD_FILE must be at least 10 characters/);
    expect(bad).not.toThrow(/short-pw/);
  });

  it('when no drain limit is set, then requests in flight get 25 s; the setting changes it', () => {
    expect(loadConfig({}).drainTimeoutMs).toBe(25_000);
    expect(loadConfig({ SAATJA_DRAIN_TIMEOUT_MS: '5000' }).drainTimeoutMs).toBe(5_000);
    expect(() => loadConfig({ SAATJA_DRAIN_TIMEOUT_MS: 'soon' })).toThrow(/SAATJA_DRAIN_TIMEOUT_MS/);
  });
});

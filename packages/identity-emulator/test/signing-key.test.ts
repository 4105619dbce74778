import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSigningKey, loadOrCreateSigningKey, type IdentityEmulator } from '../src';
import { CLIENT, closeTestEmulators, MAILBOX, SMTP_SCOPE, startTestEmulator } from './support/fixtures';
import { obtainCode, postToken, redeemFields } from './support/token-client';

const dirs: string[] = [];

afterEach(async () => {
  await closeTestEmulators();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function keyFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'saatja-idp-'));
  dirs.push(dir);
  return join(dir, 'identity', 'signing-key.pem');
}

const port = (emulator: IdentityEmulator) => Number(new URL(emulator.origin).port);

function refresh(emulator: IdentityEmulator, refreshToken: string) {
  return postToken(emulator, {
    client_id: CLIENT.clientId,
    client_secret: CLIENT.clientSecret,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    scope: `${SMTP_SCOPE} offline_access`,
  });
}

describe('loadOrCreateSigningKey', () => {
  it('when no key is saved, then a new one is written readable by the owner only, and read back next time', async () => {
    const file = await keyFile();

    const created = await loadOrCreateSigningKey(file);
    const again = await loadOrCreateSigningKey(file);

    expect(created).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(again).toBe(created);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('when the saved key is unreadable, then it is replaced', async () => {
    const file = await keyFile();
    await loadOrCreateSigningKey(file);
    await writeFile(file, 'half a key');

    const replaced = await loadOrCreateSigningKey(file);

    expect(replaced).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(await readFile(file, 'utf8')).toBe(replaced);
  });
});

describe('restarting the emulator', () => {
  it('when it restarts with the same key, then earlier access and refresh tokens stay valid', async () => {
    const signingKey = await generateSigningKey();
    const before = await startTestEmulator({ signingKey });
    const { code, verifier } = await obtainCode(before, MAILBOX);
    const { body } = await postToken(before, redeemFields(code, verifier));
    await before.close();

    const after = await startTestEmulator({ signingKey, port: port(before) });

    expect(after.origin).toBe(before.origin);
    await expect(after.verifyAccessToken(String(body.access_token))).resolves.toEqual({ ok: true, mailbox: MAILBOX.email });
    await expect(refresh(after, String(body.refresh_token))).resolves.toMatchObject({ status: 200 });
  });

  it('when it restarts with a new key, then earlier tokens are rejected', async () => {
    const before = await startTestEmulator({ signingKey: await generateSigningKey() });
    const { code, verifier } = await obtainCode(before, MAILBOX);
    const { body } = await postToken(before, redeemFields(code, verifier));
    await before.close();

    const after = await startTestEmulator({ signingKey: await generateSigningKey() });

    await expect(after.verifyAccessToken(String(body.access_token))).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(refresh(after, String(body.refresh_token))).resolves.toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('when the options are inconsistent, then start fails fast with a clear message', async () => {
    await expect(startTestEmulator({ tenantId: 'contoso' })).rejects.toThrow(/tenantId contoso is not a GUID/);
    await expect(startTestEmulator({ clients: [] })).rejects.toThrow(/at least one app registration/);
    await expect(startTestEmulator({ mailboxes: [MAILBOX, { ...MAILBOX, email: MAILBOX.email.toUpperCase() }] })).rejects.toThrow(
      /listed twice/,
    );
    await expect(startTestEmulator({ signingKey: 'not a key' })).rejects.toThrow(/PKCS#8/);
  });
});

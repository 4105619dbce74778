import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalTls, loadOrCreateLocalTls } from '../src';

const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'saatja-tls-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('createLocalTls', () => {
  it('when called without names, then the certificate is signed by the CA and valid for localhost, 127.0.0.1 and ::1', async () => {
    const material = await createLocalTls();
    const cert = new X509Certificate(material.cert);
    const ca = new X509Certificate(material.ca);

    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkIP('::1')).toBe('::1');
    expect(cert.checkHost('example.com')).toBeUndefined();
  });

  it('when names are given, then the certificate covers exactly those', async () => {
    const material = await createLocalTls({ names: ['mail.saatja.test', '10.0.0.5'] });
    const cert = new X509Certificate(material.cert);

    expect(cert.checkHost('mail.saatja.test')).toBe('mail.saatja.test');
    expect(cert.checkIP('10.0.0.5')).toBe('10.0.0.5');
    expect(cert.checkHost('localhost')).toBeUndefined();
  });
});

describe('loadOrCreateLocalTls', () => {
  it('when the directory is empty, then it saves the material with a private key readable only by the owner', async () => {
    const dir = await tempDir();

    const material = await loadOrCreateLocalTls(join(dir, 'tls'));

    expect(await readFile(join(dir, 'tls', 'local-ca.pem'), 'utf8')).toBe(material.ca);
    expect(await readFile(join(dir, 'tls', 'server-cert.pem'), 'utf8')).toBe(material.cert);
    expect(await readFile(join(dir, 'tls', 'server-key.pem'), 'utf8')).toBe(material.key);
    expect((await stat(join(dir, 'tls', 'server-key.pem'))).mode & 0o777).toBe(0o600);
  });

  it('when material was saved before, then it loads the same material again', async () => {
    const dir = await tempDir();
    const first = await loadOrCreateLocalTls(dir);

    expect(await loadOrCreateLocalTls(dir)).toEqual(first);
  });

  it('when a saved file is damaged, then it replaces the whole set', async () => {
    const dir = await tempDir();
    const first = await loadOrCreateLocalTls(dir);
    await writeFile(join(dir, 'server-cert.pem'), 'not a certificate');

    const second = await loadOrCreateLocalTls(dir);

    expect(second.ca).not.toBe(first.ca);
    expect(new X509Certificate(second.cert).verify(new X509Certificate(second.ca).publicKey)).toBe(true);
  });
});

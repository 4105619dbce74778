import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLocalTls, type TlsMaterial } from './tls';

const FILES = { ca: 'local-ca.pem', key: 'server-key.pem', cert: 'server-cert.pem' } as const;
const MIN_REMAINING_VALIDITY_MS = 24 * 60 * 60 * 1000;

/**
 * Dev mode: reuses the TLS material saved in `dir` so a developer trusts the local CA once.
 * Missing, unreadable, mismatched or nearly expired material is replaced by a fresh set.
 */
export async function loadOrCreateLocalTls(dir: string): Promise<TlsMaterial> {
  const stored = await readMaterial(dir);
  if (stored && isUsable(stored)) return stored;
  const material = await createLocalTls();
  await saveMaterial(dir, material);
  return material;
}

async function readMaterial(dir: string): Promise<TlsMaterial | null> {
  try {
    const [ca, key, cert] = await Promise.all([FILES.ca, FILES.key, FILES.cert].map((file) => readFile(join(dir, file), 'utf8')));
    if (ca === undefined || key === undefined || cert === undefined) return null;
    return { ca, key, cert };
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return null;
    throw error;
  }
}

function isUsable({ ca, key, cert }: TlsMaterial): boolean {
  try {
    const caCert = new X509Certificate(ca);
    const serverCert = new X509Certificate(cert);
    const expiresAt = Math.min(Date.parse(caCert.validTo), Date.parse(serverCert.validTo));
    return (
      serverCert.verify(caCert.publicKey) &&
      serverCert.checkPrivateKey(createPrivateKey(key)) &&
      expiresAt - Date.now() > MIN_REMAINING_VALIDITY_MS
    );
  } catch {
    // Unparsable PEM (e.g. a half-written file) is treated like a missing one.
    return false;
  }
}

async function saveMaterial(dir: string, material: TlsMaterial): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const keyPath = join(dir, FILES.key);
  await writeFile(keyPath, material.key, { mode: 0o600 });
  // writeFile's mode only applies to a new file; an existing key file keeps its old mode.
  await chmod(keyPath, 0o600);
  await writeFile(join(dir, FILES.cert), material.cert);
  await writeFile(join(dir, FILES.ca), material.ca);
}

function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

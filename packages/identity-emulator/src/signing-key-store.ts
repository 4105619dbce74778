import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateSigningKey, loadSigningKeys } from './signing-keys';

/**
 * Dev mode: the key saved at `file`, or a new one saved there. Keeping it makes access and refresh
 * tokens issued before a restart still verify after it. An unreadable key is replaced.
 */
export async function loadOrCreateSigningKey(file: string): Promise<string> {
  const stored = await readKey(file);
  if (stored !== null && (await isUsable(stored))) return stored;
  const pem = await generateSigningKey();
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, pem, { mode: 0o600 });
  // writeFile's mode applies only when it creates the file.
  await chmod(file, 0o600);
  return pem;
}

async function readKey(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function isUsable(pem: string): Promise<boolean> {
  try {
    await loadSigningKeys(pem);
    return true;
  } catch {
    return false;
  }
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM key length, bytes. */
const KEY_BYTES = 32;
/** GCM nonce length, bytes (the size GCM is specified for). */
const IV_BYTES = 12;
const FORMAT = 'v1';

export interface SecretBox {
  /** `context` binds the ciphertext to its owner (e.g. `smtp-password:42`): moved elsewhere, it fails to open. */
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  readonly currentKeyId: string;
}

export class SecretBoxError extends Error {}

/** Parse `kid:base64key,…`; the first key seals, every key opens (so keys can be rotated). */
export function parseKeyring(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of spec
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [id, encoded] = entry.split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!id || !/^[A-Za-z0-9_-]+$/.test(id) || key.length !== KEY_BYTES) {
      throw new SecretBoxError(`secrets key "${id ?? ''}" must be kid:<${KEY_BYTES} bytes base64>`);
    }
    keys.set(id, key);
  }
  if (keys.size === 0) throw new SecretBoxError('no secrets key configured');
  return keys;
}

export function generateKeySpec(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

export function createSecretBox(keySpec: string): SecretBox {
  const keys = parseKeyring(keySpec);
  const [currentKeyId, currentKey] = [...keys.entries()][0]!;
  return {
    currentKeyId,
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
      return [FORMAT, currentKeyId, ...parts].join('.');
    },
    open(sealed, context) {
      const [format, keyId, iv, tag, body] = sealed.split('.');
      const key = keys.get(keyId ?? '');
      if (format !== FORMAT || !key || !iv || !tag || body === undefined) {
        throw new SecretBoxError(`cannot open secret sealed with key "${keyId ?? ''}"`);
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

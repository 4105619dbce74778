import { createHash, randomBytes } from 'node:crypto';
import { TOKEN_PATTERN, TOKEN_PREFIX } from '@saatja/core';

/** Characters of a token shown in the list after `saatja_`, enough to tell tokens apart. */
const VISIBLE_CHARS = 6;

/** A new token: 256 random bits; only its hash is stored. */
export function newToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + VISIBLE_CHARS) };
}

/** SHA-256: a token is random and long, so a fast hash is enough and lookups stay one index read. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token of an `Authorization: Bearer …` header, if it has the token's form. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  return match && TOKEN_PATTERN.test(match[1]!) ? match[1]! : null;
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { aadErrors, type AadError } from '../aad-errors';
import type { EmulatorContext } from '../context';
import type { FormFields } from '../grant-result';
import type { EmulatorClient } from '../types';

export type ClientAuthentication = { ok: true; client: EmulatorClient } | { ok: false; error: AadError };

/** client_secret_basic (HTTP Basic) when the header is sent, else client_secret_post. */
export function authenticateClient(context: EmulatorContext, authorization: string | undefined, field: FormFields): ClientAuthentication {
  const basic = parseBasic(authorization);
  const clientId = basic?.clientId ?? field('client_id');
  if (clientId === undefined) return { ok: false, error: aadErrors.missingParameter('client_id') };
  const client = context.clients.get(clientId);
  if (client === undefined) return { ok: false, error: aadErrors.unknownClient(clientId) };
  const secret = basic?.secret ?? field('client_secret');
  if (secret === undefined) return { ok: false, error: aadErrors.missingClientSecret() };
  if (!sameSecret(secret, client.clientSecret)) return { ok: false, error: aadErrors.invalidClientSecret(clientId) };
  return { ok: true, client };
}

/** RFC 6749 §2.3.1: both parts are form-urlencoded before being joined with a colon. */
function parseBasic(header: string | undefined): { clientId: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return null;
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/** Compares digests, so the time taken says nothing about how much of the secret matched. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

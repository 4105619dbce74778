import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:https';
import type { IdentityEmulator } from '../../src';
import { CLIENT, REDIRECT_URI, SMTP_SCOPE } from './fixtures';
import { authorizeInBrowser, type Credentials } from './sign-in';

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** POSTs a token request the way any OAuth client would, for the cases msal cannot produce. */
export function postToken(
  emulator: IdentityEmulator,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
  tenant = emulator.tenantId,
): Promise<TokenAnswer> {
  const body = new URLSearchParams(fields).toString();
  const url = `${emulator.origin}/${tenant}/oauth2/v2.0/token`;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', ca: emulator.ca, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(emulator: IdentityEmulator, params: Record<string, string>): string {
  const url = new URL(`${emulator.authority}/oauth2/v2.0/authorize`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** Without msal: an authorization code for CLIENT, with the verifier that redeems it. */
export async function obtainCode(
  emulator: IdentityEmulator,
  credentials: Credentials,
  scope = `${SMTP_SCOPE} openid profile offline_access`,
): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkcePair();
  const back = await authorizeInBrowser(
    authorizeUrl(emulator, {
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'xyz',
    }),
    emulator.ca,
    credentials,
  );
  const code = back.searchParams.get('code');
  if (code === null) throw new Error(`No code in ${back.toString()}`);
  return { code, verifier };
}

export function redeemFields(code: string, verifier: string): Record<string, string> {
  return {
    client_id: CLIENT.clientId,
    client_secret: CLIENT.clientSecret,
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT_URI,
    scope: `${SMTP_SCOPE} openid profile offline_access`,
  };
}

export function omit(fields: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !names.includes(name)));
}

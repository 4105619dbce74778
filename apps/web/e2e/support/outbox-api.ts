import type { LocalSmtpServer } from '@saatja/local-servers';

export const JAAN_SMTP_PASSWORD = 'Kal4-Maja!secret';

const JSON_SAME_ORIGIN = { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' };

/** A session cookie of the user, signed in as the SPA does. */
async function signedIn(baseUrl: string, code: string, password: string): Promise<string> {
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: JSON_SAME_ORIGIN,
    body: JSON.stringify({ code, password }),
  });
  return (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** JAAN's card sends through `server` (an own server, so the mass-mail module is open to him), set up over the API as the card would. */
export async function jaanUsesOwnServer(baseUrl: string, server: LocalSmtpServer): Promise<void> {
  const cookie = await signedIn(baseUrl, 'JAAN', 'jaan-demo-2026');
  const card = {
    name: 'Jaan Tamm',
    email: 'jaan@firma.ee',
    mailSender: {
      mode: 'smtp',
      smtp: {
        host: 'localhost',
        port: server.port,
        security: server.security,
        user: 'jaan',
        password: JAAN_SMTP_PASSWORD,
        clearPassword: false,
      },
    },
  };
  const saved = await fetch(`${baseUrl}/api/card`, {
    method: 'PUT',
    headers: { ...JSON_SAME_ORIGIN, Cookie: cookie },
    body: JSON.stringify(card),
  });
  if (!saved.ok) throw new Error(`card not saved: ${saved.status}`);
}

/** An admin (MARI) creates an API token that may send as `users`, as the token page does. */
export async function createApiToken(baseUrl: string, users: string[]): Promise<string> {
  const cookie = await signedIn(baseUrl, 'MARI', 'mari-demo-2026');
  const created = await fetch(`${baseUrl}/api/admin/tokens`, {
    method: 'POST',
    headers: { ...JSON_SAME_ORIGIN, Cookie: cookie },
    body: JSON.stringify({ name: 'ERP', scope: { kind: 'users', users } }),
  });
  if (created.status !== 201) throw new Error(`token not created: ${created.status}`);
  return ((await created.json()) as { token: string }).token;
}

/** What the ERP's back end does: POST /api/v1/batches with its token. */
export const submitBatch = (baseUrl: string, token: string, body: unknown) => postToApi(baseUrl, token, '/batches', body);

/** One message through POST /api/v1/messages. */
export const submitMessage = (baseUrl: string, token: string, body: unknown) => postToApi(baseUrl, token, '/messages', body);

async function postToApi(
  baseUrl: string,
  token: string,
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

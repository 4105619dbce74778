import type { LocalSmtpServer } from '@saatja/local-servers';

export const JAAN_SMTP_PASSWORD = 'Kal4-Maja!secret';

/** JAAN's card sends through `server` (an own server, so the mass-mail module is open to him), set up over the API as the card would. */
export async function jaanUsesOwnServer(baseUrl: string, server: LocalSmtpServer): Promise<void> {
  const headers = { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' };
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code: 'JAAN', password: 'jaan-demo-2026' }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
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
  const saved = await fetch(`${baseUrl}/api/card`, { method: 'PUT', headers: { ...headers, Cookie: cookie }, body: JSON.stringify(card) });
  if (!saved.ok) throw new Error(`card not saved: ${saved.status}`);
}

/** What the ERP's back end does: POST /api/v1/batches with its token. */
export async function submitBatch(
  baseUrl: string,
  token: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/api/v1/batches`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

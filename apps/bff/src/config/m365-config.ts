import type { Env } from './env';

/** The BFF's path that the identity provider redirects back to (see m365/routes.ts). */
export const M365_CALLBACK_PATH = '/api/m365/callback';

/** Microsoft 365 OAuth (SPEC §2): an Entra app registration and the SMTP server tokens are used with. */
export interface M365Config {
  clientId: string;
  clientSecret: string;
  /** https://login.microsoftonline.com/<tenant>; in dev and tests the local identity emulator. */
  authority: string;
  /** The BFF's callback; its origin is the app's origin, the only one the popup posts its result to. */
  redirectUri: string;
  /** smtp.office365.com:587 (STARTTLS) unless a deployment (or a test) points elsewhere. */
  smtp: { host: string; port: number };
}

const NAMES = ['SAATJA_MS_CLIENT_ID', 'SAATJA_MS_CLIENT_SECRET', 'SAATJA_MS_AUTHORITY', 'SAATJA_MS_REDIRECT_URI'] as const;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The M365 settings, all four or none; problems are reported with the rest of the configuration's. */
export function readM365Config(e: Env, publicOrigin: string | null): { m365: M365Config | null; problems: string[] } {
  const {
    SAATJA_MS_CLIENT_ID: clientId,
    SAATJA_MS_CLIENT_SECRET: clientSecret,
    SAATJA_MS_AUTHORITY: authority,
    SAATJA_MS_REDIRECT_URI: redirectUri,
  } = e;
  const missing = NAMES.filter((name) => e[name] === undefined);
  if (missing.length === NAMES.length) return { m365: null, problems: [] };
  if (clientId === undefined || clientSecret === undefined || authority === undefined || redirectUri === undefined) {
    return { m365: null, problems: [`Microsoft 365 needs all of ${NAMES.join(', ')}; missing ${missing.join(', ')}`] };
  }
  const problems: string[] = [];
  const redirect = new URL(redirectUri);
  if (redirect.protocol !== 'https:' && !LOOPBACK.has(redirect.hostname)) {
    problems.push('SAATJA_MS_REDIRECT_URI: must be https:// (http:// only on localhost)');
  }
  if (redirect.pathname !== M365_CALLBACK_PATH || redirect.search !== '' || redirect.hash !== '') {
    problems.push(`SAATJA_MS_REDIRECT_URI: must be <public origin>${M365_CALLBACK_PATH}`);
  }
  if (publicOrigin !== null && redirect.origin !== new URL(publicOrigin).origin) {
    problems.push(
      'SAATJA_MS_REDIRECT_URI: must be on SAATJA_PUBLIC_ORIGIN (the session cookie and the popup message need the same origin)',
    );
  }
  const m365 = {
    clientId,
    clientSecret,
    authority: authority.replace(/\/+$/, ''),
    redirectUri,
    smtp: { host: e.SAATJA_MS_SMTP_HOST, port: e.SAATJA_MS_SMTP_PORT },
  };
  return { m365: problems.length === 0 ? m365 : null, problems };
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

const M365 = {
  SAATJA_MS_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  SAATJA_MS_CLIENT_SECRET: 'secret~value',
  SAATJA_MS_AUTHORITY: 'https://login.microsoftonline.com/5aa7ea00-0000-4000-8000-000000000001/',
  SAATJA_MS_REDIRECT_URI: 'https://mail.example.com/api/m365/callback',
};

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return null;
};

describe('Microsoft 365 settings', () => {
  it('when none are set, then Microsoft 365 is simply not configured', () => {
    expect(loadConfig({}).m365).toBeNull();
  });

  it('when all four are set, then they are read, with smtp.office365.com:587 as the SMTP server by default', () => {
    expect(loadConfig({ ...M365, SAATJA_PUBLIC_ORIGIN: 'https://mail.example.com' }).m365).toEqual({
      clientId: M365.SAATJA_MS_CLIENT_ID,
      clientSecret: M365.SAATJA_MS_CLIENT_SECRET,
      authority: 'https://login.microsoftonline.com/5aa7ea00-0000-4000-8000-000000000001',
      redirectUri: M365.SAATJA_MS_REDIRECT_URI,
      smtp: { host: 'smtp.office365.com', port: 587 },
    });
    expect(loadConfig({ ...M365, SAATJA_MS_SMTP_HOST: 'localhost', SAATJA_MS_SMTP_PORT: '2587' }).m365?.smtp).toEqual({
      host: 'localhost',
      port: 2587,
    });
  });

  it.each([
    [
      'only some are set',
      { SAATJA_MS_CLIENT_ID: M365.SAATJA_MS_CLIENT_ID },
      'missing SAATJA_MS_CLIENT_SECRET, SAATJA_MS_AUTHORITY, SAATJA_MS_REDIRECT_URI',
    ],
    ['the authority is http://', { ...M365, SAATJA_MS_AUTHORITY: 'http://login.microsoftonline.com/x' }, 'SAATJA_MS_AUTHORITY'],
    [
      'the redirect URI is http:// on a public host',
      { ...M365, SAATJA_MS_REDIRECT_URI: 'http://mail.example.com/api/m365/callback' },
      'must be https://',
    ],
    [
      'the redirect URI is not the BFF callback',
      { ...M365, SAATJA_MS_REDIRECT_URI: 'https://mail.example.com/callback' },
      '/api/m365/callback',
    ],
    [
      'the redirect URI is on another origin than the app',
      { ...M365, SAATJA_PUBLIC_ORIGIN: 'https://erp.example.com' },
      'must be on SAATJA_PUBLIC_ORIGIN',
    ],
    ['the SMTP port is not a port', { ...M365, SAATJA_MS_SMTP_PORT: '70000' }, 'SAATJA_MS_SMTP_PORT'],
  ])('when %s, then start-up stops and says so', (_when, env, problem) => {
    expect(problemsOf(env)).toContain(problem);
  });

  it('when the redirect URI is http:// on localhost, then it is accepted (dev)', () => {
    expect(loadConfig({ ...M365, SAATJA_MS_REDIRECT_URI: 'http://localhost:3000/api/m365/callback' }).m365?.redirectUri).toBe(
      'http://localhost:3000/api/m365/callback',
    );
  });
});

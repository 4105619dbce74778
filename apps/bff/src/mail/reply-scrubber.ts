import { secretScrubber } from '@saatja/core';

/** What a client authenticated with: nodemailer's `auth` and the check's credentials alike. */
export interface SentCredentials {
  user?: unknown;
  pass?: unknown;
  accessToken?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * The filter every SMTP server reply goes through as it arrives, before anything stores, logs,
 * streams or returns it: a server may echo the credentials it was sent (SPEC §8).
 */
export function replyScrubber(auth: SentCredentials | null | undefined): (reply: string) => string {
  if (!auth) return (reply) => reply;
  return secretScrubber({ user: text(auth.user) ?? '', password: text(auth.pass), accessToken: text(auth.accessToken) });
}

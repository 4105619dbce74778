import type { TlsMode } from './mail-sender';
import { presetForHost } from './presets';

/** Implicit TLS is the convention on 465 (SMTPS); STARTTLS on 25 and 587 (SPEC §1). */
export function recommendedSecurity(port: number): Exclude<TlsMode, 'none'> {
  return port === 465 ? 'ssl' : 'starttls';
}

/** Gmail App passwords are 16 letters once Google's display spaces are removed. */
const GMAIL_APP_PASSWORD = /^[a-z]{16}$/i;

export type SmtpAdvice =
  | { kind: 'plainText' }
  | { kind: 'tlsMismatch'; recommended: Exclude<TlsMode, 'none'> }
  | { kind: 'useM365' }
  | { kind: 'gmailAppPassword' }
  | { kind: 'maileeRateLimit' };

export interface SmtpDraft {
  host: string;
  port: number | undefined;
  security: TlsMode;
  user: string;
  /** Only what the user typed now; a stored password is never known to the browser. */
  password: string;
}

/**
 * Warnings for an SMTP draft, each with its one-click fix where one exists. Advice, not refusal:
 * the user may know better (a server on 587 with implicit TLS exists), so nothing is changed silently.
 */
export function adviseSmtp(draft: SmtpDraft): SmtpAdvice[] {
  const advice: SmtpAdvice[] = [];
  const preset = presetForHost(draft.host);
  if (draft.security === 'none') advice.push({ kind: 'plainText' });
  else if (draft.port !== undefined && draft.security !== recommendedSecurity(draft.port)) {
    advice.push({ kind: 'tlsMismatch', recommended: recommendedSecurity(draft.port) });
  }
  // Microsoft is retiring password SMTP AUTH (550 5.7.30 afterwards): steer to OAuth, do not refuse.
  if (preset?.preferredMode === 'm365' && draft.user !== '') advice.push({ kind: 'useM365' });
  if (preset?.id === 'gmail' && draft.password !== '' && !GMAIL_APP_PASSWORD.test(draft.password.replace(/\s+/g, ''))) {
    advice.push({ kind: 'gmailAppPassword' });
  }
  if (preset?.id === 'mailee') advice.push({ kind: 'maileeRateLimit' });
  return advice;
}

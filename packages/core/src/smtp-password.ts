import type { SmtpInput, TlsMode } from './mail-settings';

/** What is stored for a card's SMTP server; the password only as a flag. */
export interface StoredSmtpBinding {
  host: string | null;
  port: number;
  security: TlsMode;
  user: string;
  hasPassword: boolean;
}

export type PasswordDecision = { action: 'keep' } | { action: 'replace'; password: string } | { action: 'clear' };

export type PasswordCheck =
  | { ok: true; decision: PasswordDecision }
  | { ok: false; field: 'mailSender.smtp.password' | 'mailSender.smtp.user'; error: string };

const GMAIL_HOSTS = new Set(['smtp.gmail.com']);

/** Google shows App passwords in groups of four with spaces; they only work without them. */
export function normalizeSmtpPassword(host: string, password: string): string {
  return GMAIL_HOSTS.has(host.toLowerCase()) ? password.replace(/\s+/g, '') : password;
}

function sameServer(stored: StoredSmtpBinding, input: SmtpInput): boolean {
  return (
    stored.host?.toLowerCase() === input.host.toLowerCase() &&
    stored.port === input.port &&
    stored.security === input.security &&
    stored.user === input.user
  );
}

/**
 * What saving `input` does to the stored password. A saved password is bound to the host, port,
 * security and user it was entered for (SPEC §3): changing any of them needs it entered again, so a
 * credential never travels to a server it was not saved for.
 */
export function decidePassword(stored: StoredSmtpBinding | null, input: SmtpInput): PasswordCheck {
  const password = normalizeSmtpPassword(input.host, input.password);
  if (input.user === '') {
    if (password !== '') return { ok: false, field: 'mailSender.smtp.user', error: 'user.requiredWithPassword' };
    return { ok: true, decision: { action: 'clear' } };
  }
  if (password !== '') return { ok: true, decision: { action: 'replace', password } };
  if (input.clearPassword || !stored?.hasPassword) {
    return { ok: false, field: 'mailSender.smtp.password', error: 'password.required' };
  }
  if (!sameServer(stored, input)) {
    return { ok: false, field: 'mailSender.smtp.password', error: 'password.reenter' };
  }
  return { ok: true, decision: { action: 'keep' } };
}

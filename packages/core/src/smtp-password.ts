import { sameServer, type ServerRef } from './effective-config';
import type { TlsMode } from './mail-sender';
import type { SmtpInput } from './mail-settings';

/** What is stored of a card's password: whether there is one, and the server and user it is for. */
export interface StoredSmtpBinding {
  credentialsFor: ServerRef | null;
  user: string;
  hasPassword: boolean;
}

export type PasswordDecision = { action: 'keep' } | { action: 'replace'; password: string } | { action: 'clear' };

export type PasswordCheck =
  /** `target`: the server the password is bound to from now on. */
  | { ok: true; decision: PasswordDecision; target: ServerRef }
  | { ok: false; field: 'mailSender.smtp.host' | 'mailSender.smtp.password' | 'mailSender.smtp.user'; error: string };

const GMAIL_HOSTS = new Set(['smtp.gmail.com']);

/** Google shows App passwords in groups of four with spaces; they only work without them. */
export function normalizeSmtpPassword(host: string, password: string): string {
  return GMAIL_HOSTS.has(host.toLowerCase()) ? password.replace(/\s+/g, '') : password;
}

/**
 * What saving `input` does to the stored password. A saved password is bound to the host, port,
 * security and user it was entered for (SPEC §3): changing any of them needs it entered again, so a
 * credential never travels to a server it was not saved for. The password goes to the card's own
 * server, or — "credentials only", Server left empty — to `inherited`, the global mail user's server.
 */
export function decidePassword(stored: StoredSmtpBinding | null, input: SmtpInput, inherited: ServerRef | null): PasswordCheck {
  const target =
    input.host !== '' && input.port !== undefined ? { host: input.host, port: input.port, security: input.security } : inherited;
  if (!target) return { ok: false, field: 'mailSender.smtp.host', error: 'required' };
  const password = normalizeSmtpPassword(target.host, input.password);
  if (input.user === '') {
    if (password !== '') return { ok: false, field: 'mailSender.smtp.user', error: 'user.requiredWithPassword' };
    return { ok: true, target, decision: { action: 'clear' } };
  }
  if (password !== '') return { ok: true, target, decision: { action: 'replace', password } };
  if (input.clearPassword || !stored?.hasPassword) {
    return { ok: false, field: 'mailSender.smtp.password', error: 'password.required' };
  }
  if (!sameServer(stored.credentialsFor, target) || stored.user !== input.user) {
    return { ok: false, field: 'mailSender.smtp.password', error: 'password.reenter' };
  }
  return { ok: true, target, decision: { action: 'keep' } };
}

/** The fields a saved password is bound to, as the card form holds them. */
export interface PasswordBoundFields {
  host: string;
  port: number | null | undefined;
  security: TlsMode;
  user: string;
}

/**
 * Whether the form still names what the saved password was entered for, so a blank password keeps
 * it; the same binding `decidePassword` enforces on save, told to the user before they save.
 */
export function keepsPasswordBinding(saved: PasswordBoundFields, current: PasswordBoundFields): boolean {
  const host = (value: string) => value.trim().toLowerCase();
  if (host(saved.host) !== host(current.host) || saved.user.trim() !== current.user.trim()) return false;
  // "Credentials only": no server of its own, so port and SSL/TLS are not part of the binding.
  if (host(current.host) === '') return true;
  return (saved.port ?? null) === (current.port ?? null) && saved.security === current.security;
}

import { readFileSync } from 'node:fs';
import type { CreateUserInput } from '@saatja/core';
import { parseNewAdmin } from '../first-admin/new-admin';
import type { Env } from './env';

const LABELS = {
  code: 'SAATJA_INITIAL_ADMIN_CODE',
  name: 'SAATJA_INITIAL_ADMIN_NAME',
  email: 'SAATJA_INITIAL_ADMIN_EMAIL',
  password: 'the password in SAATJA_INITIAL_ADMIN_PASSWORD_FILE',
};

/** A file's content without the line break editors and `echo` put at its end. */
export const withoutFinalNewline = (text: string) => text.replace(/\r?\n$/, '');

/**
 * The one-shot first admin for containers (SPEC §9): code, e-mail and a password file (a mounted
 * secret), all or none. The password is read at start so a bad one stops the start, not a sign-in.
 */
export function readInitialAdmin(e: Env): { initialAdmin: CreateUserInput | null; problems: string[] } {
  const file = e.SAATJA_INITIAL_ADMIN_PASSWORD_FILE;
  if (!e.SAATJA_INITIAL_ADMIN_CODE && !e.SAATJA_INITIAL_ADMIN_EMAIL && !file) return { initialAdmin: null, problems: [] };
  if (!file) return { initialAdmin: null, problems: ['SAATJA_INITIAL_ADMIN_PASSWORD_FILE: required with SAATJA_INITIAL_ADMIN_CODE'] };
  let password: string;
  try {
    password = withoutFinalNewline(readFileSync(file, 'utf8'));
  } catch {
    return { initialAdmin: null, problems: [`SAATJA_INITIAL_ADMIN_PASSWORD_FILE: cannot read ${file}`] };
  }
  const parsed = parseNewAdmin(
    { code: e.SAATJA_INITIAL_ADMIN_CODE, name: e.SAATJA_INITIAL_ADMIN_NAME, email: e.SAATJA_INITIAL_ADMIN_EMAIL, password },
    LABELS,
  );
  return 'admin' in parsed ? { initialAdmin: parsed.admin, problems: [] } : { initialAdmin: null, problems: parsed.problems };
}

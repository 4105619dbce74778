import { describe, expect, it } from 'vitest';
import type { SmtpInput } from '../src/mail-settings';
import { decidePassword, normalizeSmtpPassword, type PasswordCheck, type StoredSmtpBinding } from '../src/smtp-password';
import { smtpInput, storedBinding } from './fixtures';

const reenter: PasswordCheck = { ok: false, field: 'mailSender.smtp.password', error: 'password.reenter' };
const required: PasswordCheck = { ok: false, field: 'mailSender.smtp.password', error: 'password.required' };
const keep: PasswordCheck = { ok: true, decision: { action: 'keep' } };
const clear: PasswordCheck = { ok: true, decision: { action: 'clear' } };
const replace = (password: string): PasswordCheck => ({ ok: true, decision: { action: 'replace', password } });

interface Row {
  when: string;
  then: string;
  stored: StoredSmtpBinding | null;
  input: SmtpInput;
  expected: PasswordCheck;
}

const rows: Row[] = [
  {
    when: 'the user name is emptied and no password is typed',
    then: 'the stored password is cleared',
    stored: storedBinding(),
    input: smtpInput({ user: '' }),
    expected: clear,
  },
  {
    when: 'the user name is empty on a new card',
    then: 'there is no password to keep',
    stored: null,
    input: smtpInput({ user: '', clearPassword: true }),
    expected: clear,
  },
  {
    when: 'the user name is empty but a password is typed',
    then: 'the user field gets an error',
    stored: storedBinding(),
    input: smtpInput({ user: '', password: 'secret' }),
    expected: { ok: false, field: 'mailSender.smtp.user', error: 'user.requiredWithPassword' },
  },
  {
    when: 'a new password is typed',
    then: 'it replaces the stored one',
    stored: storedBinding(),
    input: smtpInput({ password: 'new secret' }),
    expected: replace('new secret'),
  },
  {
    when: 'a new password is typed on a new card',
    then: 'it is stored',
    stored: null,
    input: smtpInput({ password: 's3cret' }),
    expected: replace('s3cret'),
  },
  {
    when: 'a new password is typed together with a changed server',
    then: 'it replaces the stored one',
    stored: storedBinding(),
    input: smtpInput({ host: 'mail.ee', port: 465, security: 'ssl', password: 'mailee' }),
    expected: replace('mailee'),
  },
  {
    when: 'a new password is typed and clearPassword is also set',
    then: 'the new password wins',
    stored: storedBinding(),
    input: smtpInput({ password: 'new', clearPassword: true }),
    expected: replace('new'),
  },
  {
    when: 'a Gmail App password is typed with spaces',
    then: 'the spaces are removed',
    stored: null,
    input: smtpInput({ host: 'smtp.gmail.com', port: 465, security: 'ssl', password: 'abcd efgh ijkl mnop' }),
    expected: replace('abcdefghijklmnop'),
  },
  {
    when: 'a Gmail App password is typed with spaces for an upper-case host',
    then: 'the spaces are removed',
    stored: null,
    input: smtpInput({ host: 'SMTP.Gmail.COM', port: 465, security: 'ssl', password: 'abcd efgh\tijkl mnop' }),
    expected: replace('abcdefghijklmnop'),
  },
  {
    when: 'a password with spaces is typed for another host',
    then: 'the spaces are kept',
    stored: null,
    input: smtpInput({ host: 'smtp.zone.eu', password: 'abcd efgh ijkl mnop' }),
    expected: replace('abcd efgh ijkl mnop'),
  },
  {
    when: 'the password is blank and host, port, security and user are unchanged',
    then: 'the stored password is kept',
    stored: storedBinding(),
    input: smtpInput(),
    expected: keep,
  },
  {
    when: 'the password is blank and the host differs only in case',
    then: 'the stored password is kept',
    stored: storedBinding({ host: 'SMTP.Zone.EU' }),
    input: smtpInput({ host: 'smtp.zone.eu' }),
    expected: keep,
  },
  {
    when: 'the password is blank and the host changed',
    then: 'the password must be re-entered',
    stored: storedBinding(),
    input: smtpInput({ host: 'smtp.evil.example' }),
    expected: reenter,
  },
  {
    when: 'the password is blank and the port changed',
    then: 'the password must be re-entered',
    stored: storedBinding(),
    input: smtpInput({ port: 465 }),
    expected: reenter,
  },
  {
    when: 'the password is blank and the security changed',
    then: 'the password must be re-entered',
    stored: storedBinding(),
    input: smtpInput({ security: 'none' }),
    expected: reenter,
  },
  {
    when: 'the password is blank and the user changed',
    then: 'the password must be re-entered',
    stored: storedBinding(),
    input: smtpInput({ user: 'jaan@firma.ee' }),
    expected: reenter,
  },
  {
    when: 'the password is blank and the stored password was credentials only (no host)',
    then: 'the password must be re-entered',
    stored: storedBinding({ host: null }),
    input: smtpInput(),
    expected: reenter,
  },
  {
    when: 'a Gmail password of only spaces is typed with the server unchanged',
    then: 'it counts as blank and the stored password is kept',
    stored: storedBinding({ host: 'smtp.gmail.com' }),
    input: smtpInput({ host: 'smtp.gmail.com', password: '    ' }),
    expected: keep,
  },
  {
    when: 'the password is blank and nothing is stored',
    then: 'a password is required',
    stored: storedBinding({ hasPassword: false }),
    input: smtpInput(),
    expected: required,
  },
  {
    when: 'the password is blank on a new card',
    then: 'a password is required',
    stored: null,
    input: smtpInput(),
    expected: required,
  },
  {
    when: 'clearPassword is set while the user name is kept',
    then: 'a password is required',
    stored: storedBinding(),
    input: smtpInput({ clearPassword: true }),
    expected: required,
  },
];

describe('decidePassword', () => {
  it.each(rows)('when $when, then $then', ({ stored, input, expected }) => {
    expect(decidePassword(stored, input)).toEqual(expected);
  });
});

describe('normalizeSmtpPassword', () => {
  it.each([
    { host: 'smtp.gmail.com', password: 'abcd efgh ijkl mnop', expected: 'abcdefghijklmnop' },
    { host: 'SMTP.GMAIL.COM', password: ' abcd  efgh ', expected: 'abcdefgh' },
    { host: 'smtp.zone.eu', password: 'abcd efgh ijkl mnop', expected: 'abcd efgh ijkl mnop' },
    { host: 'gmail.com', password: 'a b', expected: 'a b' },
    { host: 'smtp.gmail.com.evil.example', password: 'a b', expected: 'a b' },
  ])('when the host is $host, then "$password" becomes "$expected"', ({ host, password, expected }) => {
    expect(normalizeSmtpPassword(host, password)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import type { ServerRef } from '../src/effective-config';
import type { SmtpInput } from '../src/mail-settings';
import {
  decidePassword,
  keepsPasswordBinding,
  normalizeSmtpPassword,
  type PasswordCheck,
  type PasswordDecision,
  type StoredSmtpBinding,
} from '../src/smtp-password';
import { globalServer, smtpInput, storedBinding, zoneServer } from './fixtures';

const reenter: Expected = { ok: false, field: 'mailSender.smtp.password', error: 'password.reenter' };
const required: Expected = { ok: false, field: 'mailSender.smtp.password', error: 'password.required' };
/** An expected outcome without its target; the table adds the server the password is bound to. */
type Expected = Exclude<PasswordCheck, { ok: true }> | { ok: true; decision: PasswordDecision };
const keep: Expected = { ok: true, decision: { action: 'keep' } };
const clear: Expected = { ok: true, decision: { action: 'clear' } };
const replace = (password: string): Expected => ({ ok: true, decision: { action: 'replace', password } });

interface Row {
  when: string;
  then: string;
  stored: StoredSmtpBinding | null;
  input: SmtpInput;
  /** The global mail user's server, for "credentials only" rows; omitted = none is set. */
  target?: ServerRef;
  expected: Expected;
}

/** The server a card with its own server names: what the BFF passes as the target. */
function ownServerOf(input: SmtpInput): ServerRef {
  if (input.port === undefined) throw new Error('an own-server row needs a port');
  return { host: input.host, port: input.port, security: input.security };
}

/** The fields a "credentials only" card sends: no server, no port. */
const credentialsOnlyInput = (overrides: Partial<SmtpInput> = {}): SmtpInput =>
  smtpInput({ host: '', port: undefined, security: 'starttls', ...overrides });

/** The global mail user's server before the admin moved it to `globalServer`. */
const oldGlobalServer: ServerRef = { host: 'mail.firma.ee', port: 587, security: 'starttls' };
const gmailServer: ServerRef = { host: 'smtp.gmail.com', port: 465, security: 'ssl' };

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
    stored: storedBinding({ credentialsFor: { ...zoneServer, host: 'SMTP.Zone.EU' } }),
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
    when: 'the password is blank and the stored password is bound to no server',
    then: 'the password must be re-entered',
    stored: storedBinding({ credentialsFor: null }),
    input: smtpInput(),
    expected: reenter,
  },
  {
    when: 'the password is blank and the stored password was saved credentials only for the global server',
    then: 'the password must be re-entered for the own server',
    stored: storedBinding({ credentialsFor: globalServer }),
    input: smtpInput(),
    expected: reenter,
  },
  {
    when: 'the password is blank and the user now types the very server the credentials-only password was saved for',
    then: 'the stored password is kept',
    stored: storedBinding({ credentialsFor: globalServer }),
    input: smtpInput({ ...globalServer }),
    expected: keep,
  },
  {
    when: 'a Gmail password of only spaces is typed with the server unchanged',
    then: 'it counts as blank and the stored password is kept',
    stored: storedBinding({ credentialsFor: gmailServer }),
    input: smtpInput({ ...gmailServer, password: '    ' }),
    expected: keep,
  },
  {
    when: 'a password of only spaces is typed for a non-Gmail server',
    then: 'the spaces are the new password',
    stored: storedBinding(),
    input: smtpInput({ password: '    ' }),
    expected: replace('    '),
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
  {
    when: 'the password is blank, the server unchanged but nothing is stored although the binding matches',
    then: 'a password is required',
    stored: storedBinding({ hasPassword: false, credentialsFor: zoneServer }),
    input: smtpInput(),
    expected: required,
  },
  // Credentials only: no server on the card; the target is the global mail user's server.
  {
    when: 'credentials only, the password is blank and the stored one was saved for the current global server',
    then: 'the stored password is kept',
    stored: storedBinding({ credentialsFor: globalServer }),
    input: credentialsOnlyInput(),
    target: globalServer,
    expected: keep,
  },
  {
    when: 'credentials only, the password is blank and the stored one was saved for the global host in other letter case',
    then: 'the stored password is kept',
    stored: storedBinding({ credentialsFor: { ...globalServer, host: 'SMTP.FIRMA.EE' } }),
    input: credentialsOnlyInput(),
    target: globalServer,
    expected: keep,
  },
  {
    when: 'credentials only, the password is blank and the stored one was saved for an old global server',
    then: 'the password must be re-entered',
    stored: storedBinding({ credentialsFor: oldGlobalServer }),
    input: credentialsOnlyInput(),
    target: globalServer,
    expected: reenter,
  },
  {
    when: 'credentials only, the password is blank and the global server moved only to another port',
    then: 'the password must be re-entered',
    stored: storedBinding({ credentialsFor: { ...globalServer, port: 587 } }),
    input: credentialsOnlyInput(),
    target: globalServer,
    expected: reenter,
  },
  {
    when: 'credentials only, the password is blank and the global server changed only its security',
    then: 'the password must be re-entered',
    stored: storedBinding({ credentialsFor: { ...globalServer, security: 'starttls' } }),
    input: credentialsOnlyInput(),
    target: globalServer,
    expected: reenter,
  },
  {
    when: 'credentials only, the password is blank and the stored one was saved for the own server the card had before',
    then: 'the password must be re-entered',
    stored: storedBinding({ credentialsFor: zoneServer }),
    input: credentialsOnlyInput(),
    target: globalServer,
    expected: reenter,
  },
  {
    when: 'credentials only, the password is blank and the stored one is bound to no server',
    then: 'the password must be re-entered',
    stored: storedBinding({ credentialsFor: null }),
    input: credentialsOnlyInput(),
    target: globalServer,
    expected: reenter,
  },
  {
    when: 'credentials only, the password is blank and the user name changed',
    then: 'the password must be re-entered',
    stored: storedBinding({ credentialsFor: globalServer }),
    input: credentialsOnlyInput({ user: 'jaan@firma.ee' }),
    target: globalServer,
    expected: reenter,
  },
  {
    when: 'credentials only, the password is blank and nothing is stored',
    then: 'a password is required',
    stored: null,
    input: credentialsOnlyInput(),
    target: globalServer,
    expected: required,
  },
  {
    when: 'credentials only, a new password is typed while the stored one was saved for an old global server',
    then: 'the new password replaces it',
    stored: storedBinding({ credentialsFor: oldGlobalServer }),
    input: credentialsOnlyInput({ password: 'uus parool' }),
    target: globalServer,
    expected: replace('uus parool'),
  },
  {
    when: 'credentials only, a Gmail App password is typed with spaces and the global server is Gmail',
    then: 'the spaces are removed, by the target host since the card names none',
    stored: null,
    input: credentialsOnlyInput({ password: 'abcd efgh ijkl mnop' }),
    target: gmailServer,
    expected: replace('abcdefghijklmnop'),
  },
  {
    when: 'credentials only, a Gmail password of only spaces is typed and the stored one is bound to the Gmail global server',
    then: 'it counts as blank and the stored password is kept',
    stored: storedBinding({ credentialsFor: gmailServer }),
    input: credentialsOnlyInput({ password: '    ' }),
    target: gmailServer,
    expected: keep,
  },
  {
    when: 'credentials only, a password with spaces is typed and the global server is not Gmail',
    then: 'the spaces are kept',
    stored: null,
    input: credentialsOnlyInput({ password: 'abcd efgh ijkl mnop' }),
    target: globalServer,
    expected: replace('abcd efgh ijkl mnop'),
  },
  {
    when: 'credentials only, the user name is empty but a password is typed',
    then: 'the user field gets an error',
    stored: storedBinding({ credentialsFor: globalServer }),
    input: credentialsOnlyInput({ user: '', password: 'secret' }),
    target: globalServer,
    expected: { ok: false, field: 'mailSender.smtp.user', error: 'user.requiredWithPassword' },
  },
];

describe('decidePassword', () => {
  it.each(rows)('when $when, then $then', ({ stored, input, target, expected }) => {
    const boundTo = input.host !== '' ? ownServerOf(input) : target;
    expect(decidePassword(stored, input, target ?? null)).toEqual(expected.ok ? { ...expected, target: boundTo } : expected);
  });

  it('when the card names its own server while a global server is set, then the password is bound to the named server', () => {
    const input = smtpInput({ ...zoneServer, password: 'new-secret' });
    expect(decidePassword(storedBinding({ credentialsFor: globalServer }), input, globalServer)).toEqual({
      ok: true,
      decision: { action: 'replace', password: 'new-secret' },
      target: zoneServer,
    });
  });

  it('when the card names another server with a blank password, then the password saved for the global server is not kept', () => {
    const input = smtpInput({ host: 'smtp.evil.example', port: 587, security: 'starttls' });
    expect(decidePassword(storedBinding({ credentialsFor: globalServer }), input, globalServer)).toEqual(reenter);
  });

  it('when neither the card nor a global mail user gives a server, then the server field is required', () => {
    expect(decidePassword(null, credentialsOnlyInput({ password: 'x' }), null)).toEqual({
      ok: false,
      field: 'mailSender.smtp.host',
      error: 'required',
    });
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

describe('keepsPasswordBinding (the card form says when a saved password no longer applies)', () => {
  const saved = { host: 'smtp.zone.eu', port: 587, security: 'starttls', user: 'jaan' } as const;
  it.each([
    ['nothing changed', {}, true],
    ['only the letter case and spaces of the host changed', { host: ' SMTP.Zone.eu ' }, true],
    ['the host changed', { host: 'mail.zone.eu' }, false],
    ['the port changed', { port: 465 }, false],
    ['the port was unset', { port: undefined }, false],
    ['SSL/TLS changed', { security: 'ssl' }, false],
    ['the user changed', { user: 'mari' }, false],
  ] as const)('when %s, then it is %s', (_case, change, expected) => {
    expect(keepsPasswordBinding(saved, { ...saved, ...change })).toBe(expected);
  });

  it('when the card has credentials only, then port and SSL/TLS do not matter, the user does', () => {
    const only = { host: '', port: null, security: 'starttls' } as const;
    expect(keepsPasswordBinding({ ...only, user: 'jaan' }, { ...only, port: 587, security: 'none', user: 'jaan' })).toBe(true);
    expect(keepsPasswordBinding({ ...only, user: 'jaan' }, { ...only, user: 'mari' })).toBe(false);
  });
});

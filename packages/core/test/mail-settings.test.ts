import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../src/errors';
import { DEFAULT_OPEN_PORTS, senderModes, tlsModes } from '../src/mail-sender';
import { isHostOrIp, makeCardInputSchema, makeMailSenderInputSchema, makeSmtpInputSchema, type CardRules } from '../src/mail-settings';
import { displayNameSchema, emailSchema } from '../src/person';

/** No global mail user with an SMTP server: every SMTP card names its own server. */
const ownServerRules: CardRules = { openPorts: DEFAULT_OPEN_PORTS, inheritsServer: false };
/** A global mail user with an SMTP server is set: the server may be left empty (credentials only). */
const inheritingRules: CardRules = { openPorts: DEFAULT_OPEN_PORTS, inheritsServer: true };

const cardSchema = makeCardInputSchema(ownServerRules);
const smtpSchema = makeSmtpInputSchema(ownServerRules);
const inheritingCardSchema = makeCardInputSchema(inheritingRules);
const inheritingSmtpSchema = makeSmtpInputSchema(inheritingRules);

/** Valid SMTP fields except the port, which is optional in the schema and checked across fields. */
const validSmtpNoPort = { host: 'smtp.zone.eu', security: 'starttls', user: '', password: '', clearPassword: false };
const validSmtp = { ...validSmtpNoPort, port: 587 };
const card = (mailSender: unknown, overrides: Record<string, unknown> = {}) => ({
  name: 'Mari Maasikas',
  email: 'mari@firma.ee',
  mailSender,
  ...overrides,
});

interface ParsesWithIssues {
  safeParse(input: unknown): { success: boolean; error?: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

/** The field errors of parsing `input`, as the form and the BFF show them. */
function errorsOf(schema: ParsesWithIssues, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : toFieldErrors(result.error?.issues ?? []);
}

describe('makeCardInputSchema: valid minimum of each mode', () => {
  it.each([
    { mode: 'default', mailSender: { mode: 'default' } },
    { mode: 'replyTo', mailSender: { mode: 'replyTo' } },
    { mode: 'smtp', mailSender: { mode: 'smtp', smtp: validSmtp } },
    { mode: 'm365', mailSender: { mode: 'm365', m365: { user: 'mari@firma.onmicrosoft.com' } } },
  ])('when mode $mode has its minimum fields, then the card parses unchanged', ({ mailSender }) => {
    expect(cardSchema.parse(card(mailSender))).toEqual(card(mailSender));
  });

  it('when the mode list is read, then every mode has a schema branch', () => {
    expect(senderModes).toEqual(['default', 'smtp', 'm365', 'replyTo']);
  });

  it('when name, e-mail and SMTP fields carry surrounding spaces, then they are trimmed', () => {
    const parsed = cardSchema.parse(
      card(
        { mode: 'smtp', smtp: { ...validSmtp, host: '  smtp.zone.eu ', user: ' mari@firma.ee ', password: ' p ' } },
        { name: '  Mari  ', email: ' mari@firma.ee ' },
      ),
    );
    expect(parsed).toEqual(
      card(
        { mode: 'smtp', smtp: { ...validSmtp, host: 'smtp.zone.eu', user: 'mari@firma.ee', password: ' p ' } },
        { name: 'Mari', email: 'mari@firma.ee' },
      ),
    );
  });
});

describe('makeCardInputSchema: fields of other modes are stripped', () => {
  it.each([
    { mode: 'default', extra: { smtp: validSmtp, m365: { user: 'a@b.ee' } } },
    { mode: 'replyTo', extra: { smtp: validSmtp, m365: { user: 'a@b.ee' } } },
    { mode: 'smtp', extra: { smtp: validSmtp, m365: { user: 'a@b.ee' } } },
    { mode: 'm365', extra: { smtp: validSmtp, m365: { user: 'a@b.ee' } } },
  ])('when mode $mode arrives with the fields of every mode, then only its own remain', ({ mode, extra }) => {
    const parsed = cardSchema.parse(card({ mode, ...extra }));
    const keep = mode === 'smtp' ? ['mode', 'smtp'] : mode === 'm365' ? ['mode', 'm365'] : ['mode'];
    expect(Object.keys(parsed.mailSender).sort()).toEqual(keep.sort());
  });

  it('when mode default arrives with an invalid smtp object, then it still parses and drops it', () => {
    expect(cardSchema.parse(card({ mode: 'default', smtp: { host: 'exa mple..com', port: 1 } }))).toEqual(card({ mode: 'default' }));
  });

  it('when unknown top-level and SMTP fields arrive, then they are dropped', () => {
    const parsed = cardSchema.parse({
      ...card({ mode: 'smtp', smtp: { ...validSmtp, passwordSet: true, verify: false } }),
      role: 'admin',
      code: 'GLOBAL',
    });
    expect(parsed).toEqual(card({ mode: 'smtp', smtp: validSmtp }));
  });
});

describe('makeCardInputSchema: smtp required-field errors', () => {
  it.each([
    { field: 'host', value: '', error: 'required' },
    { field: 'host', value: '   ', error: 'required' },
    { field: 'host', value: undefined, error: 'required' },
    { field: 'host', value: 'exa mple..com', error: 'host.invalid' },
    { field: 'host', value: 'smtp.zone.eu\r\nRCPT TO:<x@y.ee>', error: 'host.invalid' },
    { field: 'port', value: undefined, error: 'required' },
    { field: 'port', value: null, error: 'required' },
    { field: 'port', value: '587', error: 'required' },
    { field: 'port', value: Number.NaN, error: 'required' },
    { field: 'port', value: 2525, error: 'port.notOpen' },
    { field: 'port', value: 0, error: 'port.notOpen' },
    { field: 'port', value: 587.5, error: 'port.notOpen' },
    { field: 'security', value: undefined, error: 'required' },
    { field: 'security', value: 'tls', error: 'required' },
    { field: 'user', value: 'mari\n@firma.ee', error: 'controlChars' },
    { field: 'user', value: 'mari\r\nAUTH PLAIN', error: 'controlChars' },
    { field: 'user', value: 'a'.repeat(255), error: 'tooLong' },
    { field: 'password', value: 'p'.repeat(257), error: 'tooLong' },
  ])('when smtp.$field is $value, then the error is $error', ({ field, value, error }) => {
    const input = card({ mode: 'smtp', smtp: { ...validSmtp, [field]: value } });
    expect(errorsOf(cardSchema, input)).toEqual({ [`mailSender.smtp.${field}`]: error });
  });

  it('when host, port and security are all missing, then host and security get "required" and port waits for them', () => {
    // zod runs the cross-field check (port required with a server) only once every field has the
    // right type, so a missing port is reported in the next round, after host and security.
    expect(errorsOf(cardSchema, card({ mode: 'smtp', smtp: { user: '', password: '', clearPassword: false } }))).toEqual({
      'mailSender.smtp.host': 'required',
      'mailSender.smtp.security': 'required',
    });
  });

  it('when the host is empty and the port missing without a global server, then both are required', () => {
    expect(errorsOf(cardSchema, card({ mode: 'smtp', smtp: { ...validSmtpNoPort, host: '' } }))).toEqual({
      'mailSender.smtp.host': 'required',
      'mailSender.smtp.port': 'required',
    });
  });

  it('when the host is empty and the port not open without a global server, then host is required and port is not open', () => {
    expect(errorsOf(cardSchema, card({ mode: 'smtp', smtp: { ...validSmtp, host: '', port: 2525 } }))).toEqual({
      'mailSender.smtp.host': 'required',
      'mailSender.smtp.port': 'port.notOpen',
    });
  });

  it('when the host is empty and a user name is filled without a global server, then the host is still required', () => {
    expect(errorsOf(cardSchema, card({ mode: 'smtp', smtp: { ...validSmtp, host: '', user: 'mari@firma.ee' } }))).toEqual({
      'mailSender.smtp.host': 'required',
    });
  });

  it('when the password is exactly 256 characters, then it is accepted', () => {
    expect(smtpSchema.safeParse({ ...validSmtp, password: 'p'.repeat(256) }).success).toBe(true);
  });

  it.each(tlsModes)('when security is %s, then it is accepted', (security) => {
    expect(smtpSchema.safeParse({ ...validSmtp, security }).success).toBe(true);
  });

  it.each(DEFAULT_OPEN_PORTS)('when the port is the default open port %i, then it is accepted', (port) => {
    expect(smtpSchema.safeParse({ ...validSmtp, port }).success).toBe(true);
  });

  it.each(['127.0.0.1', '::1', '90.190.150.210', '2001:db8::25'])('when the host is the IP literal %s, then it is accepted', (host) => {
    expect(smtpSchema.parse({ ...validSmtp, host }).host).toBe(host);
  });
});

describe('makeSmtpInputSchema: deployment open ports', () => {
  const testPorts = [...DEFAULT_OPEN_PORTS, 2525, 40465];

  it.each([2525, 40465, 587])('when the deployment opens %i, then that port is accepted', (port) => {
    expect(
      makeSmtpInputSchema({ openPorts: testPorts, inheritsServer: false }).safeParse({ ...validSmtp, host: '127.0.0.1', port }).success,
    ).toBe(true);
  });

  it('when the deployment opens only a high port, then 587 is refused', () => {
    expect(errorsOf(makeSmtpInputSchema({ openPorts: [2525], inheritsServer: false }), validSmtp)).toEqual({ port: 'port.notOpen' });
  });

  it('when the deployment opens only a high port and a global server is set, then 587 is still refused', () => {
    expect(errorsOf(makeSmtpInputSchema({ openPorts: [2525], inheritsServer: true }), validSmtp)).toEqual({ port: 'port.notOpen' });
  });

  it('when the card schema is built with custom ports, then the smtp branch uses them', () => {
    const schema = makeCardInputSchema({ openPorts: [2525], inheritsServer: false });
    expect(schema.safeParse(card({ mode: 'smtp', smtp: { ...validSmtp, port: 2525 } })).success).toBe(true);
    expect(errorsOf(schema, card({ mode: 'smtp', smtp: validSmtp }))).toEqual({ 'mailSender.smtp.port': 'port.notOpen' });
  });
});

describe('makeSmtpInputSchema: the port', () => {
  it.each([
    { rules: 'without a global server', schema: smtpSchema },
    { rules: 'with a global server', schema: inheritingSmtpSchema },
  ])('when a server is named without a port $rules, then the port is required', ({ schema }) => {
    expect(errorsOf(schema, validSmtpNoPort)).toEqual({ port: 'required' });
  });

  it('when a server is named with an open port, then the port is kept as a number', () => {
    expect(smtpSchema.parse({ ...validSmtp, port: 465 }).port).toBe(465);
  });

  it.each([
    { value: 2525, error: 'port.notOpen' },
    { value: 587.5, error: 'port.notOpen' },
    { value: -587, error: 'port.notOpen' },
    { value: '587', error: 'required' },
    { value: null, error: 'required' },
  ])('when the server is left empty for credentials only and the port is $value, then the port error is $error', ({ value, error }) => {
    expect(errorsOf(inheritingSmtpSchema, { ...validSmtp, host: '', user: 'mari@firma.ee', port: value })).toEqual({ port: error });
  });
});

describe('makeSmtpInputSchema: credentials only (server left empty, SPEC §3 step 3)', () => {
  const credentialsOnly = { ...validSmtpNoPort, host: '', user: 'mari@firma.ee', password: 'secret' };

  it('when a global server is set and only user and password are filled, then the card parses without a port', () => {
    const parsed = inheritingSmtpSchema.parse(credentialsOnly);
    expect(parsed).toEqual(credentialsOnly);
    expect(parsed.port).toBeUndefined();
    expect('port' in parsed).toBe(false);
  });

  it('when a global server is set and the empty server is only spaces, then it is trimmed to credentials only', () => {
    expect(inheritingSmtpSchema.parse({ ...credentialsOnly, host: '   ', user: ' mari@firma.ee ' })).toEqual(credentialsOnly);
  });

  it('when a global server is set and credentials only keep an open port, then the port is accepted', () => {
    expect(inheritingSmtpSchema.parse({ ...credentialsOnly, port: 587 })).toEqual({ ...credentialsOnly, port: 587 });
  });

  it('when a global server is set and credentials only keep a stored password (blank), then the card parses', () => {
    expect(inheritingSmtpSchema.safeParse({ ...credentialsOnly, password: '' }).success).toBe(true);
  });

  it.each(['', '   '])(
    'when a global server is set, the server is empty and the user name is "%s", then the user name is required for credentials only',
    (user) => {
      expect(errorsOf(inheritingSmtpSchema, { ...credentialsOnly, user, port: 587 })).toEqual({ user: 'user.requiredForCredentialsOnly' });
    },
  );

  it('when a global server is set and server, port and user name are all empty, then only the user name gets an error', () => {
    expect(errorsOf(inheritingSmtpSchema, { ...credentialsOnly, user: '' })).toEqual({ user: 'user.requiredForCredentialsOnly' });
  });

  it('when a global server is set and a server is named without a user name, then it parses (no authentication)', () => {
    expect(inheritingSmtpSchema.parse(validSmtp)).toEqual(validSmtp);
  });

  it('when no global server is set and only user and password are filled, then server and port are required', () => {
    expect(errorsOf(smtpSchema, credentialsOnly)).toEqual({ host: 'required', port: 'required' });
  });

  it('when no global server is set and only user, password and an open port are filled, then the server is required', () => {
    expect(errorsOf(smtpSchema, { ...credentialsOnly, port: 587 })).toEqual({ host: 'required' });
  });

  it('when no global server is set and server and user name are both empty, then the server is required, not the user name', () => {
    expect(errorsOf(smtpSchema, { ...credentialsOnly, user: '', port: 587 })).toEqual({ host: 'required' });
  });

  it('when a global server is set and credentials only carry an invalid user name, then that error wins over credentials only', () => {
    expect(errorsOf(inheritingSmtpSchema, { ...credentialsOnly, user: 'mari\r\n@firma.ee' })).toEqual({ user: 'controlChars' });
  });

  it('when a global server is set and the card is credentials only, then the card schema accepts it', () => {
    const input = card({ mode: 'smtp', smtp: credentialsOnly });
    expect(inheritingCardSchema.parse(input)).toEqual(input);
  });

  it('when a global server is set and the card leaves server and user name empty, then the error is on mailSender.smtp.user', () => {
    expect(errorsOf(inheritingCardSchema, card({ mode: 'smtp', smtp: { ...credentialsOnly, user: '' } }))).toEqual({
      'mailSender.smtp.user': 'user.requiredForCredentialsOnly',
    });
  });

  it('when no global server is set and the card is credentials only, then the errors are on mailSender.smtp.host and port', () => {
    expect(errorsOf(cardSchema, card({ mode: 'smtp', smtp: credentialsOnly }))).toEqual({
      'mailSender.smtp.host': 'required',
      'mailSender.smtp.port': 'required',
    });
  });

  it('when the mail sender schema is built with the rules, then its smtp branch follows inheritsServer', () => {
    const sender = { mode: 'smtp', smtp: credentialsOnly };
    expect(makeMailSenderInputSchema(inheritingRules).parse(sender)).toEqual(sender);
    expect(errorsOf(makeMailSenderInputSchema(ownServerRules), sender)).toEqual({ 'smtp.host': 'required', 'smtp.port': 'required' });
  });

  it('when a global server is set and the mode is not smtp, then the other modes parse as before', () => {
    expect(inheritingCardSchema.parse(card({ mode: 'default' }))).toEqual(card({ mode: 'default' }));
    expect(errorsOf(inheritingCardSchema, card({ mode: 'm365', m365: { user: '' } }))).toEqual({ 'mailSender.m365.user': 'required' });
  });
});

describe('isHostOrIp', () => {
  it.each([
    { host: 'smtp.gmail.com', ok: true },
    { host: 'localhost', ok: true },
    { host: 'mail.ee', ok: true },
    { host: 'SMTP.Office365.COM', ok: true },
    { host: 'xn--snnesti-8wa.ee', ok: true },
    { host: `${'a'.repeat(63)}.ee`, ok: true },
    { host: '127.0.0.1', ok: true },
    { host: '::1', ok: true },
    { host: 'fe80::1', ok: true },
    { host: '', ok: false },
    { host: 'exa mple..com', ok: false },
    { host: 'example..com', ok: false },
    { host: 'example.com.', ok: false },
    { host: '.example.com', ok: false },
    { host: '-smtp.example.com', ok: false },
    { host: 'smtp-.example.com', ok: false },
    { host: 'smtp_relay.example.com', ok: false },
    { host: `${'a'.repeat(64)}.ee`, ok: false },
    { host: `${'a.'.repeat(126)}ee`, ok: false },
    { host: '999.1.1.1', ok: false },
    { host: '1.2.3', ok: false },
    { host: '[::1]', ok: false },
    { host: 'smtp.example.com:587', ok: false },
    { host: 'user@smtp.example.com', ok: false },
    { host: 'smtp.example.com\n', ok: false },
  ])('when the host is "$host", then it is valid: $ok', ({ host, ok }) => {
    expect(isHostOrIp(host)).toBe(ok);
  });

  it('when a host name is exactly 253 characters, then it is accepted', () => {
    const host = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(host).toHaveLength(253);
    expect(isHostOrIp(host)).toBe(true);
  });
});

describe('emailSchema', () => {
  it.each([
    { value: 'mari@firma.ee', expected: 'mari@firma.ee' },
    { value: '  mari@firma.ee  ', expected: 'mari@firma.ee' },
  ])('when the e-mail is "$value", then it parses to "$expected"', ({ value, expected }) => {
    expect(emailSchema.parse(value)).toBe(expected);
  });

  it.each([
    { value: undefined, error: 'required' },
    { value: '', error: 'required' },
    { value: '   ', error: 'required' },
    { value: 'mari', error: 'email.invalid' },
    { value: 'mari@firma', error: 'email.invalid' },
    { value: 'ma ri@firma.ee', error: 'email.invalid' },
    { value: 'mari@firma.ee\r\nBcc: x@y.ee', error: 'email.invalid' },
    { value: `${'a'.repeat(250)}@b.ee`, error: 'tooLong' },
  ])('when the e-mail is $value, then the error is $error', ({ value, error }) => {
    const result = emailSchema.safeParse(value);
    expect(result.error?.issues[0]?.message).toBe(error);
  });

  it('when the card e-mail is invalid, then the error is on the email field', () => {
    expect(errorsOf(cardSchema, card({ mode: 'default' }, { email: 'not-an-email' }))).toEqual({ email: 'email.invalid' });
  });

  it('when the m365 user is not an e-mail, then the error is on mailSender.m365.user', () => {
    expect(errorsOf(cardSchema, card({ mode: 'm365', m365: { user: 'mari' } }))).toEqual({
      'mailSender.m365.user': 'email.invalid',
    });
  });

  it('when the m365 user is empty, then it is required', () => {
    expect(errorsOf(cardSchema, card({ mode: 'm365', m365: { user: '' } }))).toEqual({ 'mailSender.m365.user': 'required' });
  });
});

describe('displayNameSchema', () => {
  it.each([
    { value: 'Mari Maasikas', expected: 'Mari Maasikas' },
    { value: '  Õie Süüdimõistetu  ', expected: 'Õie Süüdimõistetu' },
    { value: 'Mari\r\n', expected: 'Mari' },
  ])('when the name is $value, then it parses to "$expected"', ({ value, expected }) => {
    expect(displayNameSchema.parse(value)).toBe(expected);
  });

  it.each([
    { value: undefined, error: 'required' },
    { value: '', error: 'required' },
    { value: '  ', error: 'required' },
    { value: 'x'.repeat(101), error: 'tooLong' },
    { value: 'Mari\r\nBcc: x@y.ee', error: 'controlChars' },
    { value: 'Mari\nMaasikas', error: 'controlChars' },
    { value: 'Mari\rMaasikas', error: 'controlChars' },
    { value: 'Mari\u0000Maasikas', error: 'controlChars' },
    { value: 'Mari\tMaasikas', error: 'controlChars' },
    { value: 'Mari\u007fMaasikas', error: 'controlChars' },
  ])('when the name is $value, then the error is $error', ({ value, error }) => {
    expect(displayNameSchema.safeParse(value).error?.issues[0]?.message).toBe(error);
  });

  it('when the card name holds CR/LF, then the error is on the name field', () => {
    expect(errorsOf(cardSchema, card({ mode: 'default' }, { name: 'Mari\r\nMaasikas' }))).toEqual({ name: 'controlChars' });
  });

  it('when the name is exactly 100 characters, then it is accepted', () => {
    expect(displayNameSchema.safeParse('x'.repeat(100)).success).toBe(true);
  });
});

/** Every message must be a key the web can translate, also for structurally broken payloads. */
describe('makeCardInputSchema: every error message is an i18n key', () => {
  const i18nKey = /^[a-zA-Z]+(\.[a-zA-Z]+)*$/;

  it.each([
    { what: 'mode m365 without the m365 object', input: card({ mode: 'm365' }) },
    { what: 'an unknown mode', input: card({ mode: 'pigeon' }) },
    { what: 'no mailSender', input: card(undefined) },
    { what: 'smtp without user', input: card({ mode: 'smtp', smtp: { ...validSmtp, user: undefined } }) },
    { what: 'smtp without clearPassword', input: card({ mode: 'smtp', smtp: { ...validSmtp, clearPassword: undefined } }) },
  ])('when the card has $what, then every message is an i18n key', ({ input }) => {
    for (const message of Object.values(errorsOf(cardSchema, input))) expect(message).toMatch(i18nKey);
  });

  it('when a credentials-only card lacks its user name, then the message is an i18n key', () => {
    const errors = errorsOf(inheritingCardSchema, card({ mode: 'smtp', smtp: { ...validSmtp, host: '' } }));
    expect(Object.values(errors)).toEqual(['user.requiredForCredentialsOnly']);
    for (const message of Object.values(errors)) expect(message).toMatch(i18nKey);
  });

  it('when a card has the usual field errors, then every message is an i18n key', () => {
    const errors = errorsOf(cardSchema, { name: '', email: 'x', mailSender: { mode: 'smtp', smtp: { ...validSmtp, host: '', port: 1 } } });
    expect(Object.keys(errors).length).toBeGreaterThan(0);
    for (const message of Object.values(errors)) expect(message).toMatch(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/);
  });
});

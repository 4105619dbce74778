import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Fragments, REDACTED, scrubSecrets } from '../src';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const user = 'mari@firma.ee';
const password = 'Pa55-wörd!x';
const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYXJpIn0.c2lnbmF0dXJl';

describe('scrubSecrets', () => {
  it.each([
    ['the password as sent', `535 5.7.8 bad password ${password}`],
    ['AUTH PLAIN with an empty authzid', `535 5.7.8 AUTH PLAIN ${b64(`\0${user}\0${password}`)} rejected`],
    ['AUTH PLAIN with authzid = user', `535 ${b64(`${user}\0${user}\0${password}`)}`],
    ['AUTH LOGIN password line', `535 5.7.8 ${b64(password)} not accepted`],
    ['the XOAUTH2 string', `535 5.7.3 AUTH XOAUTH2 ${b64(`user=${user}\x01auth=Bearer ${token}\x01\x01`)}`],
    ['the bearer token', `535 5.7.3 Bearer ${token} expired`],
    ['base64url of the PLAIN string', `535 ${Buffer.from(`\0${user}\0${password}`).toString('base64url')}`],
    ['an encoding of the password with an unexpected prefix', `535 ${b64(`x\0${password}`)} ${b64(`xy:${password}:z`)}`],
  ])('when the reply holds %s, then no trace of the secret remains', (_what, reply) => {
    const scrubbed = scrubSecrets(reply, { user, password, accessToken: token });
    expect(scrubbed).toContain(REDACTED);
    expect(scrubbed).not.toContain(password);
    expect(scrubbed).not.toContain(token);
    for (const fragment of [...base64Fragments(password), ...base64Fragments(token)]) expect(scrubbed).not.toContain(fragment);
    expect(scrubbed.startsWith('535')).toBe(true);
  });

  it.each([
    ['the password split over two lines', `535-5.7.8 bad password Pa55-w\n535 5.7.8 örd!x`],
    [
      'AUTH PLAIN wrapped over three lines',
      (() => {
        const encoded = b64(`\0${user}\0${password}`);
        return `535-5.7.8 AUTH PLAIN ${encoded.slice(0, 10)}\n535-5.7.8 ${encoded.slice(10, 25)}\n535 5.7.8 ${encoded.slice(25)}`;
      })(),
    ],
    ['the token wrapped over two lines', `535-5.7.3 Bearer ${token.slice(0, 30)}\n535 5.7.3 ${token.slice(30)}`],
  ])('when a multi-line reply holds %s, then every line keeps its code and loses its text', (_what, reply) => {
    const scrubbed = scrubSecrets(reply, { user, password, accessToken: token });
    const lines = scrubbed.split('\n');
    expect(lines).toHaveLength(reply.split('\n').length);
    for (const line of lines) expect(line).toMatch(/^535[- ]\d\.\d\.\d \[redacted\]$/);
  });

  it.each([
    ['URL-encoded', `535 see https://mail.example/help?p=${encodeURIComponent(password)}`],
    ['form-encoded', `535 pass=${encodeURIComponent(password).replaceAll('%20', '+')} rejected`],
  ])('when the reply holds the password %s, then it is taken out', (_what, reply) => {
    const scrubbed = scrubSecrets(reply, { user, password });
    expect(scrubbed).toContain(REDACTED);
    expect(scrubbed).not.toContain(encodeURIComponent(password));
  });

  it('when the reply holds no secret, then it is unchanged', () => {
    const reply = '535 5.7.8 Username and Password not accepted. Learn more at https://support.google.com/mail/?p=BadCredentials';
    expect(scrubSecrets(reply, { user, password, accessToken: token })).toBe(reply);
  });

  it('when the user name alone is echoed, then it stays: it is not a secret', () => {
    expect(scrubSecrets(`535 ${b64(user)} ${user}`, { user, password })).toBe(`535 ${b64(user)} ${user}`);
  });

  it('when no secret was sent, then nothing is redacted', () => {
    expect(scrubSecrets('250 OK', { user, password: '', accessToken: null })).toBe('250 OK');
  });

  it('when a secret is shorter than a meaningful base64 fragment, then only its raw form is taken out', () => {
    expect(base64Fragments('ab')).toEqual([]);
    expect(scrubSecrets('535 ab Authentication failed', { user, password: 'ab' })).toBe(`535 ${REDACTED} Authentication failed`);
  });

  it('property: for any password and any prefix/suffix, the base64 of the combination is redacted', () => {
    fc.assert(
      // From 4 bytes on, every alignment leaves a fragment long enough to be evidence.
      fc.property(
        fc.string({ minLength: 4, maxLength: 40 }),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        (secret, before, after) => {
          const encoded = b64(`${before}${secret}${after}`);
          const scrubbed = scrubSecrets(`535 5.7.8 ${encoded} rejected`, { user, password: secret });
          expect(scrubbed).not.toContain(encoded);
          expect(scrubbed).not.toContain(secret);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { decodeChallenge, emptyContext, enhancedStatus } from '../src/diagnostics/smtp-failure';

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

describe('enhancedStatus', () => {
  it.each([
    ['535 5.7.8 Authentication credentials invalid', '5.7.8'],
    ['535-5.7.139 Authentication unsuccessful', '5.7.139'],
    ['432 4.3.2 STOREDRV.ClientSubmit', '4.3.2'],
    ['250 2.0.0 OK', '2.0.0'],
    ['535 Authentication failed', null],
    ['535 5.7.8.9 not a code', null],
    ['HTTP/1.1 400 Bad Request', null],
    [null, null],
  ])('when the reply is %j, then the enhanced status code is %j', (response, expected) => {
    expect(enhancedStatus(response)).toBe(expected);
  });
});

describe('decodeChallenge', () => {
  it('when a 334 reply carries base64 JSON, then its fields come back as strings', () => {
    expect(
      decodeChallenge(`334 ${base64('{"status":"400","schemes":"Bearer","scope":"https://outlook.office.com/SMTP.Send","n":1}')}`),
    ).toEqual({
      status: '400',
      schemes: 'Bearer',
      scope: 'https://outlook.office.com/SMTP.Send',
      n: '1',
    });
  });

  it('when the text is bare base64 of non-JSON text, then the decoded text comes back', () => {
    expect(decodeChallenge(base64('Username:'))).toBe('Username:');
  });

  it('when the JSON is not an object, then the decoded text comes back', () => {
    expect(decodeChallenge(`334 ${base64('[1,2]')}`)).toBe('[1,2]');
  });

  it('when the payload is not base64, then it comes back as it was', () => {
    expect(decodeChallenge('334 not base64!')).toBe('not base64!');
  });

  it('when the bytes are not UTF-8, then the payload comes back as it was', () => {
    expect(decodeChallenge('334 //79')).toBe('//79');
  });
});

describe('emptyContext', () => {
  it('when built for a target, then nothing else is known yet', () => {
    expect(emptyContext({ host: 'h', port: 25, security: 'none', user: null })).toEqual({
      host: 'h',
      port: 25,
      security: 'none',
      user: null,
      secure: null,
      authOffered: null,
      authWanted: null,
      tlsProbe: null,
      certificate: null,
      challenge: null,
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SmtpFailure } from '../../src/diagnostics/smtp-failure';
import { classifySendFailure, DEFAULT_RETRY_POLICY, nextAttemptAt, retryDelayMs, type RetryPolicy } from '../../src/outbox/retry-policy';

const failure = (fields: Partial<SmtpFailure>): SmtpFailure => ({
  code: null,
  originalCode: null,
  command: null,
  responseCode: null,
  response: null,
  ...fields,
});

describe('classifySendFailure', () => {
  it.each([
    [
      'a 451 greylisting reply',
      { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, response: '451 4.7.1 Greylisted' },
      'temporary',
    ],
    [
      'a 421 service closing',
      { code: 'EPROTOCOL', command: 'CONN', responseCode: 421, response: '421 4.7.0 Try again later' },
      'temporary',
    ],
    [
      "Microsoft's 432 sender thread limit",
      { code: 'EAUTH', responseCode: 432, response: '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded' },
      'temporary',
    ],
    [
      'a 550 unknown recipient',
      { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 5.1.1 No such user' },
      'permanent',
    ],
    [
      'a 535 wrong password',
      { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 5.7.8 Bad credentials' },
      'permanent',
    ],
    ["Google's daily quota", { code: 'EMESSAGE', responseCode: 550, response: '550 5.4.5 Daily user sending quota exceeded' }, 'permanent'],
    ['a reply with only an enhanced 4.x.x code', { code: 'EPROTOCOL', response: 'xxx 4.4.1 later' }, 'permanent'],
    ['an enhanced code without a basic code', { code: 'EPROTOCOL', response: '250 4.4.1 odd' }, 'temporary'],
    ['an enhanced 5.x.x code without a basic code', { code: 'EPROTOCOL', response: '250 5.1.1 odd' }, 'permanent'],
    ['connection refused', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' }, 'temporary'],
    ['a greeting timeout', { code: 'ETIMEDOUT', command: 'CONN' }, 'temporary'],
    ['a connection closed by the server', { code: 'ECONNECTION', command: 'DATA' }, 'temporary'],
    ['a DNS hiccup', { code: 'EDNS', originalCode: 'EAI_AGAIN' }, 'temporary'],
    ['a host that does not exist', { code: 'EDNS', originalCode: 'ENOTFOUND' }, 'permanent'],
    ['an untrusted certificate', { code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'permanent'],
    ['TLS on a plain port', { code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER' }, 'permanent'],
    ['STARTTLS not offered', { code: 'ETLS', command: 'STARTTLS' }, 'permanent'],
    ['nothing known', {}, 'permanent'],
  ])('when the attempt failed with %s, then it is %s', (_name, fields, expected) => {
    expect(classifySendFailure(failure(fields))).toBe(expected);
  });
});

const policy: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 60_000, deadlineMs: 3_600_000 };

describe('retryDelayMs', () => {
  it.each([
    [1, 0, 500],
    [1, 0.999_999, 1_000],
    [2, 0, 1_000],
    [3, 0.5, 3_000],
    [7, 0, 30_000],
    [30, 0, 30_000],
    [30, 0.999_999, 60_000],
  ])('when attempt %i failed and the jitter is %f, then the delay is %i ms', (attempts, random, expected) => {
    expect(retryDelayMs(attempts, policy, random)).toBe(expected);
  });

  it('when delays are drawn, then they grow with the attempts, never past the maximum, never below half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, random) => {
        const delay = retryDelayMs(attempts, DEFAULT_RETRY_POLICY, random);
        const ceiling = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempts - 1));
        return delay <= ceiling && delay >= ceiling / 2;
      }),
    );
  });
});

describe('nextAttemptAt', () => {
  it('when the retry falls before the deadline, then it is scheduled', () => {
    expect(nextAttemptAt({ now: 10_000, deadline: policy.deadlineMs, attempts: 1 }, policy, 0)).toBe(10_500);
  });

  it('when the retry would fall past the deadline, then there is none', () => {
    expect(nextAttemptAt({ now: 3_599_900, deadline: policy.deadlineMs, attempts: 1 }, policy, 0)).toBeNull();
  });
});

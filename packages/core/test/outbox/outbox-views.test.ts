import { describe, expect, it } from 'vitest';
import { waitReason, type WaitFacts } from '../../src/outbox/outbox-views';
import { createTokenSchema, tokenMaySendAs, type TokenScope } from '../../src/outbox/api-tokens';
import { z } from 'zod/mini';
import { toFieldErrors } from '../../src/errors';

const now = Date.parse('2026-11-29T10:00:00Z');
const later = '2026-11-29T10:42:00.000Z';
const earlier = '2026-11-29T09:00:00.000Z';
const facts = (change: Partial<WaitFacts>): WaitFacts => ({
  status: 'queued',
  batchStatus: null,
  waitKind: null,
  nextAttemptAt: earlier,
  provider: 'gmail',
  lastReply: null,
  now,
  ...change,
});

describe('waitReason', () => {
  it.each<[string, Partial<WaitFacts>, ReturnType<typeof waitReason>]>([
    ['it is being sent', { status: 'sending' }, null],
    ['it was sent', { status: 'sent' }, null],
    ['its batch is paused', { batchStatus: 'paused', waitKind: 'rateLimit', nextAttemptAt: later }, { kind: 'paused' }],
    [
      'the provider limit holds it',
      { waitKind: 'rateLimit', nextAttemptAt: later },
      { kind: 'rateLimit', provider: 'gmail', until: later },
    ],
    ['the limit slot has come', { waitKind: 'rateLimit' }, { kind: 'due' }],
    [
      'a retry is scheduled',
      { waitKind: 'retry', nextAttemptAt: later, lastReply: '451 4.7.1 later' },
      { kind: 'retry', until: later, reply: '451 4.7.1 later' },
    ],
    ['the retry is due', { waitKind: 'retry' }, { kind: 'due' }],
    ['all connections are busy', { waitKind: 'connections' }, { kind: 'connections', provider: 'gmail' }],
    ['nothing holds it', {}, { kind: 'due' }],
  ])('when %s, then the reason is %j', (_name, change, expected) => {
    expect(waitReason(facts(change))).toEqual(expected);
  });
});

describe('API token scope', () => {
  it.each<[TokenScope, string, boolean]>([
    [{ kind: 'any' }, 'JAAN', true],
    [{ kind: 'users', users: ['MARI', 'jaan'] }, 'JAAN', true],
    [{ kind: 'users', users: ['MARI'] }, 'JAAN', false],
  ])('when the scope is %j, then sending as %s is allowed: %s', (scope, code, expected) => {
    expect(tokenMaySendAs(scope, code)).toBe(expected);
  });

  it('when a token lists no users, then the scope says so', () => {
    const result = z.safeParse(createTokenSchema, { name: 'ERP', scope: { kind: 'users', users: [] } });
    expect(result.success ? {} : toFieldErrors(result.error.issues)).toEqual({ 'scope.users': 'scope.usersRequired' });
  });
});

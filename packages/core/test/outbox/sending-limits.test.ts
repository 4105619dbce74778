import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { toFieldErrors } from '../../src/errors';
import type { EffectiveTransport } from '../../src/effective-config';
import { findPreset, microsoft365Limits, providerPresets } from '../../src/presets';
import {
  accountKey,
  batchDurationSeconds,
  DEFAULT_LIMITS,
  limitsFor,
  limitsForAccount,
  LONGEST_RATE_WINDOW_MS,
  longestWindowMs,
  nextSlot,
  type RateWindow,
  serverLimitInputSchema,
  type ServerLimitOverride,
} from '../../src/outbox/sending-limits';

const smtp = (host: string, user: string | null = 'mari'): EffectiveTransport => ({
  kind: 'smtp',
  host,
  port: 465,
  security: 'ssl',
  credentials: user === null ? null : { user, owner: 'own' },
});
const relayLimits = { windows: [], maxConnections: 5 };

describe('accountKey', () => {
  it.each<[EffectiveTransport, string]>([
    [{ kind: 'relay' }, 'relay'],
    [smtp('Mail.EE', 'Mari@Mail.ee'), 'smtp:mail.ee:465:mari@mail.ee'],
    [smtp('smtp.firma.ee', null), 'smtp:smtp.firma.ee:465:'],
    [{ kind: 'm365', user: 'Jaan@Firma.onmicrosoft.com', owner: 'global' }, 'm365:jaan@firma.onmicrosoft.com'],
  ])('when the transport is %j, then the account is %s', (transport, expected) => {
    expect(accountKey(transport)).toBe(expected);
  });

  it('when the transport is of no known kind, then it throws', () => {
    expect(() => accountKey({ kind: 'pigeon' } as never)).toThrow(/Unexpected value/);
  });
});

describe('limitsFor', () => {
  const override: ServerLimitOverride = {
    host: 'SMTP.firma.ee',
    perSecond: 2,
    perMinute: 10,
    perHour: null,
    perDay: 500,
    maxConnections: null,
  };

  it('when the server is mail.ee, then the preset allows 15 an hour on one connection', () => {
    expect(limitsFor(smtp('mail.ee'), [], relayLimits)).toEqual({
      windows: [{ limit: 15, seconds: 3_600, per: 'message' }],
      maxConnections: 1,
      source: 'preset',
      provider: 'mailee',
    });
  });

  it('when the mode is Microsoft 365, then the Microsoft 365 preset applies', () => {
    const limits = limitsFor({ kind: 'm365', user: 'a@b.ee', owner: 'own' }, [], relayLimits);
    expect(limits).toMatchObject({ source: 'preset', provider: 'microsoft365', maxConnections: 2 });
    expect(limits.windows).toContainEqual({ limit: 30, seconds: 60, per: 'message' });
  });

  it('when an admin set figures for the server, then they apply, the rest from the defaults', () => {
    expect(limitsFor(smtp('smtp.firma.ee'), [override], relayLimits)).toEqual({
      windows: [
        { limit: 2, seconds: 1, per: 'message' },
        { limit: 10, seconds: 60, per: 'message' },
        { limit: 500, seconds: 86_400, per: 'message' },
      ],
      maxConnections: DEFAULT_LIMITS.maxConnections,
      source: 'admin',
      provider: null,
    });
  });

  it('when an admin overrides a preset server, then the admin wins and the provider is still named', () => {
    const limits = limitsFor(
      smtp('smtp.gmail.com'),
      [{ host: 'smtp.gmail.com', perSecond: null, perMinute: null, perHour: 100, perDay: null, maxConnections: 1 }],
      relayLimits,
    );
    expect(limits).toEqual({
      windows: [{ limit: 100, seconds: 3_600, per: 'message' }],
      maxConnections: 1,
      source: 'admin',
      provider: 'gmail',
    });
  });

  it('when the server is unknown, then the defaults apply', () => {
    expect(limitsFor(smtp('smtp.unknown.ee'), [override], relayLimits)).toEqual({ ...DEFAULT_LIMITS, source: 'default', provider: null });
  });

  it('when the mail goes through the relay, then the deployment limits apply', () => {
    expect(limitsFor({ kind: 'relay' }, [], relayLimits)).toEqual({ ...relayLimits, source: 'deployment', provider: null });
  });
});

describe('nextSlot', () => {
  const perSecond: RateWindow[] = [{ limit: 3, seconds: 1, per: 'message' }];
  const slots = (...at: number[]) => at.map((t) => ({ at: t, recipients: 1 }));

  it.each([
    ['nothing was sent', perSecond, slots(), 5_000],
    ['the window is not full', perSecond, slots(4_500, 4_900), 5_000],
    ['the window is full', perSecond, slots(4_200, 4_500, 4_900), 5_200],
    ['older sends have left the window', perSecond, slots(3_000, 4_000, 4_500, 4_900), 5_000],
    ['sends are out of order', perSecond, slots(4_900, 4_200, 4_500), 5_200],
    ['no window binds', [], slots(4_999, 4_999, 4_999), 5_000],
  ])('when %s, then the next slot is at %#', (_name, windows, recent, expected) => {
    expect(nextSlot(windows, recent, 5_000, 1)).toBe(expected);
  });

  it('when the tighter of two windows is full, then it decides', () => {
    const windows: RateWindow[] = [
      { limit: 5, seconds: 1, per: 'message' },
      { limit: 2, seconds: 10, per: 'message' },
    ];
    expect(nextSlot(windows, slots(1_000, 4_000), 5_000, 1)).toBe(11_000);
  });

  it('when a recipient window would overflow with this message, then it waits for room', () => {
    const windows: RateWindow[] = [{ limit: 10, seconds: 60, per: 'recipient' }];
    const recent = [
      { at: 1_000, recipients: 4 },
      { at: 2_000, recipients: 4 },
    ];
    expect(nextSlot(windows, recent, 5_000, 2)).toBe(5_000);
    expect(nextSlot(windows, recent, 5_000, 3)).toBe(61_000);
  });

  it('when one message has more recipients than the window allows, then it goes once the window is empty', () => {
    const windows: RateWindow[] = [{ limit: 10, seconds: 60, per: 'recipient' }];
    expect(nextSlot(windows, [], 5_000, 50)).toBe(5_000);
    expect(nextSlot(windows, [{ at: 1_000, recipients: 1 }], 5_000, 50)).toBe(61_000);
  });
});

describe('batchDurationSeconds', () => {
  const mailee = findPreset('mailee')!.limits!;

  it('when mail.ee sends 400 messages, then they take about 27 hours', () => {
    expect(Math.round(batchDurationSeconds(mailee, 400) / 3_600)).toBe(27);
  });

  it.each([
    ['a batch within the window', mailee, 10, 1, 0],
    ['no limits', DEFAULT_LIMITS, 10_000, 1, 0],
    ['Microsoft 365 recipients a day', findPreset('microsoft365')!.limits!, 1_000, 20, 172_800],
  ])('when %s, then the estimate is %#', (_name, limits, count, recipients, expected) => {
    expect(batchDurationSeconds(limits, count, recipients)).toBe(expected);
  });
});

describe('longestWindowMs', () => {
  it('when there are windows, then the longest counts; with none, zero', () => {
    expect(longestWindowMs(findPreset('gmail')!.limits!)).toBe(86_400_000);
    expect(longestWindowMs(DEFAULT_LIMITS)).toBe(0);
  });

  it('when any preset or an admin’s every figure is set, then no window is longer than LONGEST_RATE_WINDOW_MS (the retention purge relies on it)', () => {
    const everyFigure = { host: 'mail.example.ee', perSecond: 1, perMinute: 1, perHour: 1, perDay: 1, maxConnections: 1 };
    const all = [
      microsoft365Limits,
      ...providerPresets.flatMap((preset) => (preset.limits ? [preset.limits] : [])),
      limitsFor(smtp('mail.example.ee'), [everyFigure], relayLimits),
    ];

    expect(Math.max(...all.map(longestWindowMs))).toBe(LONGEST_RATE_WINDOW_MS);
  });
});

describe('limitsForAccount', () => {
  it.each([
    ['relay', 'deployment', null],
    ['smtp:mail.ee:465:mari@mail.ee', 'preset', 'mailee'],
    ['m365:jaan@firma.onmicrosoft.com', 'preset', 'microsoft365'],
    ['smtp:smtp.firma.ee:587:', 'default', null],
  ])('when the account is %s, then its limits come from the %s (%s)', (key, source, provider) => {
    expect(limitsForAccount(key, [], relayLimits)).toMatchObject({ source, provider });
  });
});

describe('serverLimitInputSchema', () => {
  it('when the figures are whole and positive, then the host is normalised', () => {
    expect(
      z.parse(serverLimitInputSchema, {
        host: ' SMTP.Firma.ee ',
        perSecond: null,
        perMinute: 10,
        perHour: null,
        perDay: null,
        maxConnections: 1,
      }),
    ).toMatchObject({ host: 'smtp.firma.ee', perMinute: 10 });
  });

  it.each([
    [{ perMinute: 0 }, { perMinute: 'limit.invalid' }],
    [{ perDay: 1.5 }, { perDay: 'limit.invalid' }],
    [{ maxConnections: 51 }, { maxConnections: 'limit.invalid' }],
    [{ host: 'not a host' }, { host: 'host.invalid' }],
  ])('when %j, then %j', (change, expected) => {
    const result = z.safeParse(serverLimitInputSchema, {
      host: 'smtp.firma.ee',
      perSecond: null,
      perMinute: null,
      perHour: null,
      perDay: null,
      maxConnections: null,
      ...change,
    });
    expect(result.success ? {} : toFieldErrors(result.error.issues)).toEqual(expected);
  });
});

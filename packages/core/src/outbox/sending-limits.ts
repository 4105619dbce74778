import { z } from 'zod/mini';
import { isHostOrIp } from '../mail-settings';
import { microsoft365Limits, presetForHost, type PresetId } from '../presets';
import { assertNever, type EffectiveTransport } from '../effective-config';

/** At most `limit` messages (or recipients) in any `seconds`-long window. */
export interface RateWindow {
  limit: number;
  seconds: number;
  /** Microsoft counts recipients a day, most limits count messages. */
  per: 'message' | 'recipient';
}

/** What one sending account may do: rate windows, and how many connections at once. */
export interface SendingLimits {
  windows: readonly RateWindow[];
  maxConnections: number;
}

/** Servers without a preset or an admin's figure: no rate limit, a modest connection cap. */
export const DEFAULT_LIMITS: SendingLimits = { windows: [], maxConnections: 2 };

/** An admin's override for one server (host, any port), e.g. an internal relay that allows more. */
export type ServerLimitOverride = z.infer<typeof serverLimitInputSchema>;

/** Where an account's limits came from: the provider is named in "why it waits". */
export interface AccountLimits extends SendingLimits {
  source: 'preset' | 'admin' | 'deployment' | 'default';
  provider: PresetId | null;
}

/**
 * The sending account of an effective transport: messages of one account share its limits and
 * connections. The relay is one account for the whole deployment.
 */
export function accountKey(transport: EffectiveTransport): string {
  switch (transport.kind) {
    case 'relay':
      return 'relay';
    case 'smtp':
      return `smtp:${transport.host.toLowerCase()}:${transport.port}:${transport.credentials?.user.toLowerCase() ?? ''}`;
    case 'm365':
      return `m365:${transport.user.toLowerCase()}`;
    default:
      return assertNever(transport);
  }
}

function fromOverride(override: ServerLimitOverride, fallback: SendingLimits): SendingLimits {
  const windows: RateWindow[] = [];
  if (override.perSecond !== null) windows.push({ limit: override.perSecond, seconds: 1, per: 'message' });
  if (override.perMinute !== null) windows.push({ limit: override.perMinute, seconds: 60, per: 'message' });
  if (override.perHour !== null) windows.push({ limit: override.perHour, seconds: 3_600, per: 'message' });
  if (override.perDay !== null) windows.push({ limit: override.perDay, seconds: 86_400, per: 'message' });
  return { windows, maxConnections: override.maxConnections ?? fallback.maxConnections };
}

/** The limits of an account: the admin's figure for its server, else the provider's preset, else defaults. */
export function limitsFor(transport: EffectiveTransport, overrides: readonly ServerLimitOverride[], relay: SendingLimits): AccountLimits {
  if (transport.kind === 'relay') return { ...relay, source: 'deployment', provider: null };
  const host = transport.kind === 'm365' ? null : transport.host.toLowerCase();
  const preset = host === null ? null : presetForHost(host);
  const provider = transport.kind === 'm365' ? 'microsoft365' : (preset?.id ?? null);
  const presetLimits = transport.kind === 'm365' ? microsoft365Limits : preset?.limits;
  const override = host === null ? undefined : overrides.find((candidate) => candidate.host.toLowerCase() === host);
  if (override) return { ...fromOverride(override, presetLimits ?? DEFAULT_LIMITS), source: 'admin', provider };
  if (presetLimits) return { ...presetLimits, source: 'preset', provider };
  return { ...DEFAULT_LIMITS, source: 'default', provider };
}

/** One send already counted against an account: when (ms) and how many recipients. */
export interface SentSlot {
  at: number;
  recipients: number;
}

/**
 * The earliest time ≥ `now` (ms) at which a message with `recipients` recipients fits every window,
 * given the account's recent sends (any order). A message larger than a window's limit goes alone.
 */
export function nextSlot(windows: readonly RateWindow[], recent: readonly SentSlot[], now: number, recipients: number): number {
  const newestFirst = [...recent].sort((a, b) => b.at - a.at);
  let earliest = now;
  for (const window of windows) {
    const periodMs = window.seconds * 1000;
    const weight = (slot: SentSlot) => (window.per === 'message' ? 1 : slot.recipients);
    let used = window.per === 'message' ? 1 : recipients;
    for (const slot of newestFirst) {
      if (slot.at <= now - periodMs) break;
      used += weight(slot);
      // This send and every older one must leave the window first.
      if (used > window.limit) {
        earliest = Math.max(earliest, slot.at + periodMs);
        break;
      }
    }
  }
  return earliest;
}

/** No rate window is longer than a day (the per-day figures), ms: older sends count against nothing. */
export const LONGEST_RATE_WINDOW_MS = 86_400_000;

/** The longest window of the limits, ms: older sends no longer matter. */
export function longestWindowMs(limits: SendingLimits): number {
  return Math.max(0, ...limits.windows.map((window) => window.seconds * 1000));
}

/**
 * About how long `count` messages (each to `recipientsEach`) take under the limits, seconds; 0 when
 * no window binds. The figure the mass-mail warning shows ("mail.ee: 400 messages take about 27 hours").
 */
export function batchDurationSeconds(limits: SendingLimits, count: number, recipientsEach = 1): number {
  let seconds = 0;
  for (const window of limits.windows) {
    const units = window.per === 'message' ? count : count * recipientsEach;
    if (units > window.limit) seconds = Math.max(seconds, (units / window.limit) * window.seconds);
  }
  return Math.round(seconds);
}

/** A batch is slow enough to warn about before it is submitted when it takes this long, seconds. */
export const SLOW_BATCH_SECONDS = 3_600;

/** The limits of an account known only by its key (a worker starting on it): as limitsFor its server. */
export function limitsForAccount(key: string, overrides: readonly ServerLimitOverride[], relay: SendingLimits): AccountLimits {
  const [kind, host = '', port = '0'] = key.split(':');
  if (kind === 'm365') return limitsFor({ kind: 'm365', user: host, owner: 'own' }, overrides, relay);
  if (kind === 'smtp') return limitsFor({ kind: 'smtp', host, port: Number(port), security: 'none', credentials: null }, overrides, relay);
  return limitsFor({ kind: 'relay' }, overrides, relay);
}

const perWindow = z.nullable(
  z
    .number({ error: 'required' })
    .check(z.int({ error: 'limit.invalid' }), z.positive({ error: 'limit.invalid' }), z.maximum(1_000_000, { error: 'limit.invalid' })),
);

/** PUT /api/admin/server-limits: an admin's figures for one server; null = the preset's (or none). */
export const serverLimitInputSchema = z.object(
  {
    host: z.string({ error: 'required' }).check(z.trim(), z.toLowerCase(), z.refine(isHostOrIp, { error: 'host.invalid' })),
    perSecond: perWindow,
    perMinute: perWindow,
    perHour: perWindow,
    perDay: perWindow,
    maxConnections: z.nullable(
      z
        .number({ error: 'required' })
        .check(z.int({ error: 'limit.invalid' }), z.minimum(1, { error: 'limit.invalid' }), z.maximum(50, { error: 'limit.invalid' })),
    ),
  },
  { error: 'required' },
);

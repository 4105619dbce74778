import { DEFAULT_RETRY_POLICY, type RetryPolicy, type SendingLimits } from '@saatja/core';

/** How the outbox works in this deployment; tests shorten the times. */
export interface OutboxSettings {
  /** Check for due messages at least this often, ms, besides LISTEN/NOTIFY wake-ups. */
  pollMs: number;
  /** A claim (of a message, of a connection slot) lasts this long unless renewed, ms. */
  leaseMs: number;
  /**
   * Messages one sender claims at a time (at most two claims in hand). Each claim is a statement and a
   * read of the configuration: 50 cost less than half the statements per message that 20 did
   * (bench:outbox, alternated: 0.78× against 0.71× the bare pool), 100 fewer again (three alternated
   * pairs: 0.76, 0.86, 0.77× against 0.69, 0.73, 0.71× with 50; 200 gained nothing more). A
   * rate-limited account still claims only what its windows allow. The price: a paused or cancelled
   * batch may still send what its senders hold, up to 200 messages each (at full speed, a fraction
   * of a second's mail).
   */
  claimBatch: number;
  /** Senders (SMTP connections) one instance runs at most. */
  maxSenders: number;
  retry: RetryPolicy;
  /** The vendor relay's limits (a deployment setting). */
  relayLimits: SendingLimits;
}

export const DEFAULT_OUTBOX_SETTINGS: OutboxSettings = {
  pollMs: 5_000,
  leaseMs: 60_000,
  claimBatch: 100,
  maxSenders: 16,
  retry: DEFAULT_RETRY_POLICY,
  relayLimits: { windows: [], maxConnections: 5 },
};

/** The outbox settings of the parsed environment (env.ts). */
export function outboxSettingsFromEnv(e: {
  SAATJA_OUTBOX_POLL_MS: number;
  SAATJA_OUTBOX_LEASE_MS: number;
  SAATJA_OUTBOX_RETRY_BASE_MS: number;
  SAATJA_OUTBOX_RETRY_MAX_MS: number;
  SAATJA_OUTBOX_DEADLINE_HOURS: number;
  SAATJA_RELAY_MAX_CONNECTIONS: number;
  SAATJA_RELAY_PER_MINUTE?: number | undefined;
}): OutboxSettings {
  return {
    ...DEFAULT_OUTBOX_SETTINGS,
    pollMs: e.SAATJA_OUTBOX_POLL_MS,
    leaseMs: e.SAATJA_OUTBOX_LEASE_MS,
    retry: {
      baseDelayMs: e.SAATJA_OUTBOX_RETRY_BASE_MS,
      maxDelayMs: e.SAATJA_OUTBOX_RETRY_MAX_MS,
      deadlineMs: e.SAATJA_OUTBOX_DEADLINE_HOURS * 3_600_000,
    },
    relayLimits: {
      windows: e.SAATJA_RELAY_PER_MINUTE ? [{ limit: e.SAATJA_RELAY_PER_MINUTE, seconds: 60, per: 'message' }] : [],
      maxConnections: e.SAATJA_RELAY_MAX_CONNECTIONS,
    },
  };
}

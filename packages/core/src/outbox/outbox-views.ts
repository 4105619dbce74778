import type { PresetId } from '../presets';

/** A message's life: queued (waiting or due), sending (a worker holds it), then one of the ends. */
export const messageStatuses = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const batchStatuses = ['active', 'paused', 'cancelled'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

/** Why a queued message has not gone yet, as the worker last recorded it. */
export type WaitKind = 'rateLimit' | 'retry' | 'connections';

/** What the Outbox page says about a queued message. */
export type WaitReason =
  | { kind: 'due' }
  | { kind: 'paused' }
  | { kind: 'rateLimit'; provider: PresetId | null; until: string }
  | { kind: 'retry'; until: string; reply: string | null }
  | { kind: 'connections'; provider: PresetId | null };

export interface WaitFacts {
  status: MessageStatus;
  batchStatus: BatchStatus | null;
  waitKind: WaitKind | null;
  /** ISO 8601. */
  nextAttemptAt: string;
  provider: PresetId | null;
  lastReply: string | null;
  now: number;
}

/** Why a message waits, or null when it is not waiting (being sent, or finished). */
export function waitReason(facts: WaitFacts): WaitReason | null {
  if (facts.status !== 'queued') return null;
  if (facts.batchStatus === 'paused') return { kind: 'paused' };
  const due = Date.parse(facts.nextAttemptAt) <= facts.now;
  switch (facts.waitKind) {
    case 'rateLimit':
      return due ? { kind: 'due' } : { kind: 'rateLimit', provider: facts.provider, until: facts.nextAttemptAt };
    case 'retry':
      return due ? { kind: 'due' } : { kind: 'retry', until: facts.nextAttemptAt, reply: facts.lastReply };
    case 'connections':
      return { kind: 'connections', provider: facts.provider };
    case null:
      return { kind: 'due' };
  }
}

/** One attempt to hand a message to its server, as the API and the Outbox page show it. */
export interface PublicAttempt {
  at: string;
  result: 'sent' | 'failed';
  kind: 'temporary' | 'permanent' | null;
  transport: string;
  serverReply: string | null;
  errorCode: string | null;
  failureClass: string | null;
  durationMs: number;
}

/** A bounce or other event matched to the message by its Message-ID. */
export interface PublicMessageEvent {
  id: number;
  receivedAt: string;
  kind: string;
  recipient: string | null;
  status: string | null;
  reason: string | null;
}

export interface PublicOutboxMessage {
  id: string;
  user: { code: string; name: string };
  status: MessageStatus;
  messageId: string;
  reference: string | null;
  batchId: string | null;
  subject: string;
  to: string[];
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  wait: WaitReason | null;
  /** The last failure's diagnosis class, for a failed or retrying message. */
  failureClass: string | null;
  lastReply: string | null;
}

export interface PublicOutboxMessageDetail extends PublicOutboxMessage {
  attemptLog: PublicAttempt[];
  events: PublicMessageEvent[];
}

export interface PublicBatch {
  id: string;
  user: { code: string; name: string };
  name: string | null;
  status: BatchStatus;
  createdAt: string;
  counts: Record<MessageStatus, number>;
  total: number;
  /** Seconds the remaining messages take under the account's limits, about. */
  estimateSeconds: number;
  provider: PresetId | null;
}

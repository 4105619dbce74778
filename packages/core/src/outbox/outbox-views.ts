import { z } from 'zod/mini';
import { presetIds, type PresetId } from '../presets';

/** A message's life: queued (waiting or due), sending (a worker holds it), then one of the ends. */
export const messageStatuses = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type MessageStatus = (typeof messageStatuses)[number];
/** A message in one of these is done with: nothing sends it again unless someone sends it anew. */
export const finishedStatuses = ['sent', 'failed', 'cancelled'] as const satisfies readonly MessageStatus[];

export const batchStatuses = ['active', 'paused', 'cancelled'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

/** Why a queued message has not gone yet, as the worker last recorded it. */
export type WaitKind = 'rateLimit' | 'retry' | 'connections';

/** What the Outbox page says about a queued message. */
export type WaitReason = z.infer<typeof waitReasonSchema>;

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

// The API's answers as schemas, so the OpenAPI document describes them from the same source as the types.
const isoTime = z.string().check(z.iso.datetime());
const provider = z.nullable(z.enum(presetIds));

export const waitReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('due') }),
  z.object({ kind: z.literal('paused') }),
  z.object({ kind: z.literal('rateLimit'), provider, until: isoTime }),
  z.object({ kind: z.literal('retry'), until: isoTime, reply: z.nullable(z.string()) }),
  z.object({ kind: z.literal('connections'), provider }),
]);

/** One attempt to hand a message to its server. */
export const publicAttemptSchema = z.object({
  at: isoTime,
  result: z.enum(['sent', 'failed']),
  transport: z.string(),
  serverReply: z.nullable(z.string()),
  errorCode: z.nullable(z.string()),
  failureClass: z.nullable(z.string()),
  durationMs: z.number(),
});
export type PublicAttempt = z.infer<typeof publicAttemptSchema>;

/** A bounce or other event matched to the message by its Message-ID. */
export const publicMessageEventSchema = z.object({
  id: z.number(),
  receivedAt: isoTime,
  kind: z.string(),
  recipient: z.nullable(z.string()),
  status: z.nullable(z.string()),
  reason: z.nullable(z.string()),
});
export type PublicMessageEvent = z.infer<typeof publicMessageEventSchema>;

const userRef = z.object({ code: z.string(), name: z.string() });

export const publicOutboxMessageSchema = z.object({
  id: z.string(),
  user: userRef,
  status: z.enum(messageStatuses),
  /** The Message-ID header, the same on every attempt: bounces find the message by it. */
  messageId: z.string(),
  reference: z.nullable(z.string()),
  batchId: z.nullable(z.string()),
  subject: z.string(),
  to: z.array(z.string()),
  createdAt: isoTime,
  sentAt: z.nullable(isoTime),
  attempts: z.number(),
  wait: z.nullable(waitReasonSchema),
  /** The last failure's diagnosis, for a failed or retrying message. */
  failureClass: z.nullable(z.string()),
  lastReply: z.nullable(z.string()),
});
export type PublicOutboxMessage = z.infer<typeof publicOutboxMessageSchema>;

export const publicOutboxMessageDetailSchema = z.extend(publicOutboxMessageSchema, {
  attemptLog: z.array(publicAttemptSchema),
  events: z.array(publicMessageEventSchema),
});
export type PublicOutboxMessageDetail = z.infer<typeof publicOutboxMessageDetailSchema>;

export const outboxMessagePageSchema = z.object({ messages: z.array(publicOutboxMessageSchema), next: z.nullable(z.number()) });
export type OutboxMessagePage = z.infer<typeof outboxMessagePageSchema>;

export const publicBatchSchema = z.object({
  id: z.string(),
  user: userRef,
  name: z.nullable(z.string()),
  status: z.enum(batchStatuses),
  createdAt: isoTime,
  counts: z.object({ queued: z.number(), sending: z.number(), sent: z.number(), failed: z.number(), cancelled: z.number() }),
  total: z.number(),
  /** Seconds the messages still queued take under the account's limits, about. */
  estimateSeconds: z.number(),
  provider,
});
export type PublicBatch = z.infer<typeof publicBatchSchema>;

/** The mass-mail warning's facts: "mail.ee: 400 messages take about 27 hours". */
export const batchEstimateSchema = z.object({
  provider,
  /** About how long the batch takes under the account's limits, s; 0 when no limit binds. */
  seconds: z.number(),
  /** Long enough to warn before submitting. */
  slow: z.boolean(),
  /** Whether the user may send a batch at all (an own server). */
  massMail: z.boolean(),
});
export type BatchEstimate = z.infer<typeof batchEstimateSchema>;

import { createHash, randomUUID } from 'node:crypto';
import {
  accountKey,
  batchDurationSeconds,
  limitsFor,
  SLOW_BATCH_SECONDS,
  tokenMaySendAs,
  type BatchEstimate,
  type BatchEstimateQuery,
  type EffectiveConfig,
  type ServerLimitOverride,
  type MessageContent,
  type PublicBatch,
  type PublicOutboxMessage,
  type SubmitBatchInput,
  type SubmitMessageInput,
  type TokenScope,
} from '@saatja/core';
import type { TokenRow } from '../api-tokens/api-token-repository';
import type { UserRepository, UserRow } from '../auth/user-repository';
import { AppError, fieldError } from '../http/app-error';
import type { UserTransports } from '../mail/user-transport';
import type { OutboxReads, Visibility } from './outbox-reads';
import type { OutboxSettings } from '../config/outbox-settings';
import type { NewMessage, OutboxStore, Stored } from './outbox-store';

export interface OutboxServiceDeps {
  users: UserRepository;
  userTransport: UserTransports;
  store: OutboxStore;
  reads: OutboxReads;
  settings: OutboxSettings;
  serverLimits: () => Promise<ServerLimitOverride[]>;
  /** A batch is about to be stored: the worker may open the account's connections meanwhile. */
  batchComing: (accountKey: string, userId: number) => void;
  now: () => Date;
}

/** A message just stored, as the API shows it: queued and due now. */
function queuedView(row: NewMessage, user: UserRow): PublicOutboxMessage {
  return {
    id: row.id,
    user: { code: user.code, name: user.name },
    status: 'queued',
    messageId: row.message_id,
    reference: row.reference ?? null,
    batchId: row.batch_id ?? null,
    subject: row.subject,
    to: row.to_addresses,
    createdAt: row.created_at,
    sentAt: null,
    attempts: 0,
    wait: { kind: 'due' },
    failureClass: null,
    lastReply: null,
  };
}

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The ERP's mail (SPEC §10): submitted through the API, stored before the answer, sent by the workers. */
export function createOutboxService(deps: OutboxServiceDeps) {
  /** The user a token sends as (it must exist and be in the token's scope), with their configuration now. */
  async function sender(scope: TokenScope, code: string): Promise<{ user: UserRow; effective: EffectiveConfig }> {
    const found = await deps.userTransport.effectiveOfUser({ code });
    if (!found) throw fieldError('user', 'user.notFound');
    if (!tokenMaySendAs(scope, found.user.code)) throw new AppError('forbidden');
    return found;
  }

  /** The same Idempotency-Key with another body is a mistake the ERP must hear about. */
  function sameRequest(stored: Stored, hash: string): string {
    if (!stored.created && stored.requestHash !== hash) throw new AppError('conflict', { detail: 'idempotencyKeyReused' });
    return stored.id;
  }

  function row(
    user: UserRow,
    content: MessageContent,
    common: { token: TokenRow; account: string; domain: string; batchId: string | null; at: string; deadline: string },
  ): NewMessage {
    return {
      id: randomUUID(),
      user_id: user.id,
      token_id: common.token.id,
      batch_id: common.batchId,
      reference: content.reference ?? null,
      message_id: `<${randomUUID()}@${common.domain}>`,
      account_key: common.account,
      status: 'queued',
      subject: content.subject,
      to_addresses: content.to,
      recipient_count: content.to.length + (content.cc?.length ?? 0) + (content.bcc?.length ?? 0),
      content: {
        cc: content.cc ?? [],
        bcc: content.bcc ?? [],
        text: content.text ?? null,
        html: content.html ?? null,
        attachments: (content.attachments ?? []).map((file) => ({ ...file, contentType: file.contentType ?? null })),
      },
      next_attempt_at: common.at,
      deadline_at: common.deadline,
      wait_kind: null,
      created_at: common.at,
    };
  }

  function common(token: TokenRow, effective: EffectiveConfig, batchId: string | null) {
    const now = deps.now();
    return {
      effective,
      token,
      account: accountKey(effective.transport),
      // The Message-ID names the sender's domain, as a mail program would.
      domain: effective.from.address.split('@').pop()!,
      batchId,
      at: now.toISOString(),
      deadline: new Date(now.getTime() + deps.settings.retry.deadlineMs).toISOString(),
    };
  }

  return {
    visibilityOfToken: async (scope: TokenScope): Promise<Visibility> =>
      scope.kind === 'any'
        ? { all: true }
        : {
            userIds: (await Promise.all(scope.users.map((code) => deps.users.findByCode(code)))).flatMap((user) => (user ? [user.id] : [])),
          },
    visibilityOfUser: (user: UserRow): Visibility => (user.role === 'admin' ? { all: true } : { userIds: [user.id] }),

    async submitMessage(token: TokenRow, input: SubmitMessageInput, idempotencyKey: string | undefined): Promise<PublicOutboxMessage> {
      const { user, effective } = await sender(token.scope, input.user);
      const hash = sha256(input);
      const message = row(user, input, common(token, effective, null));
      const stored = await deps.store.insertMessage({ ...message, idempotency_key: idempotencyKey ?? null, request_hash: hash });
      const id = sameRequest(stored, hash);
      // A new message is what was just stored; only a repeated key reads the stored one back.
      return stored.created ? queuedView(message, user) : (await deps.reads.message({ all: true }, id))!;
    },

    /** Before a batch: how long the account's limits make it take, so the ERP can warn its user. */
    async estimate(token: TokenRow, query: BatchEstimateQuery): Promise<BatchEstimate> {
      const { effective } = await sender(token.scope, query.user);
      const limits = limitsFor(effective.transport, await deps.serverLimits(), deps.settings.relayLimits);
      const seconds = batchDurationSeconds(limits, query.messages, query.recipientsEach ?? 1);
      return { provider: limits.provider, seconds, slow: seconds >= SLOW_BATCH_SECONDS, massMail: effective.massMail };
    },

    /** The mass-mail module is for users whose effective configuration is an own server (SPEC §1). */
    async submitBatch(token: TokenRow, input: SubmitBatchInput, idempotencyKey: string | undefined): Promise<PublicBatch> {
      const { user, effective } = await sender(token.scope, input.user);
      const batchId = randomUUID();
      const shared = common(token, effective, batchId);
      if (!shared.effective.massMail) throw fieldError('user', 'massMail.ownServerOnly');
      deps.batchComing(shared.account, user.id);
      const hash = sha256(input);
      const stored = await deps.store.insertBatch(
        {
          id: batchId,
          user_id: user.id,
          token_id: token.id,
          name: input.name ?? null,
          status: 'active',
          idempotency_key: idempotencyKey ?? null,
          request_hash: hash,
          total: input.messages.length,
          created_at: shared.at,
        },
        input.messages.map((content) => row(user, content, shared)),
      );
      return (await deps.reads.batches({ all: true }, sameRequest(stored, hash)))[0]!;
    },

    async cancelMessage(visibility: Visibility, id: string): Promise<PublicOutboxMessage> {
      const message = await deps.reads.message(visibility, id);
      if (!message) throw new AppError('notFound');
      if (message.status !== 'queued' || (await deps.store.cancelQueued({ id }, deps.now().toISOString())) === 0)
        throw new AppError('conflict', { detail: 'notQueued' });
      return (await deps.reads.message(visibility, id))!;
    },

    /** A failed message tried again by hand, with a fresh deadline. */
    async retryMessage(visibility: Visibility, id: string): Promise<PublicOutboxMessage> {
      const message = await deps.reads.message(visibility, id);
      if (!message) throw new AppError('notFound');
      const now = deps.now();
      const deadline = new Date(now.getTime() + deps.settings.retry.deadlineMs).toISOString();
      if (!(await deps.store.requeueFailed(id, now.toISOString(), deadline))) throw new AppError('conflict', { detail: 'notFailed' });
      return (await deps.reads.message(visibility, id))!;
    },

    async batchAction(visibility: Visibility, id: string, action: 'pause' | 'resume' | 'cancel'): Promise<PublicBatch> {
      const [batch] = await deps.reads.batches(visibility, id);
      if (!batch) throw new AppError('notFound');
      if (batch.status === 'cancelled') throw new AppError('conflict', { detail: 'batchCancelled' });
      if (action === 'cancel') {
        await deps.store.setBatchStatus(id, 'cancelled');
        await deps.store.cancelQueued({ batchId: id }, deps.now().toISOString());
      } else {
        await deps.store.setBatchStatus(id, action === 'pause' ? 'paused' : 'active');
      }
      return (await deps.reads.batches(visibility, id))[0]!;
    },
  };
}
export type OutboxService = ReturnType<typeof createOutboxService>;

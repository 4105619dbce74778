import {
  batchDurationSeconds,
  limitsForAccount,
  messageStatuses,
  waitReason,
  type MessageStatus,
  type OutboxMessagePage,
  type PublicBatch,
  type PublicOutboxMessage,
  type PublicOutboxMessageDetail,
  type SendingLimits,
  type SendLogRoute,
  type ServerLimitOverride,
} from '@saatja/core';
import type { Db } from '../db/database';
import { describeRoute } from '../mail/build-transport';
import { readRoute } from '../mail/send-log';
import type { ConnectionLeases } from './connection-leases';

/** An attempt's route in words for the API; entries written before routes were data are shown as written. */
const routeWords = (route: SendLogRoute) => (route.kind === 'other' ? route.text : describeRoute(route));

/** Messages per page of a list. */
export const OUTBOX_PAGE_SIZE = 50;

/** Whose messages a reader may see: a user their own, admins and any-user tokens all, other tokens their users'. */
export type Visibility = { all: true } | { userIds: number[] };

export interface OutboxReadsDeps {
  db: Db;
  leases: ConnectionLeases;
  serverLimits: () => Promise<ServerLimitOverride[]>;
  relayLimits: SendingLimits;
  now: () => Date;
}

export function createOutboxReads(deps: OutboxReadsDeps) {
  const { db } = deps;

  function messages(visibility: Visibility) {
    let query = db
      .selectFrom('outbox_messages as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .leftJoin('outbox_batches as b', 'b.id', 'm.batch_id')
      .leftJoin('outbox_accounts as a', 'a.account_key', 'm.account_key')
      .select([
        'm.id',
        'm.seq',
        'm.status',
        'm.message_id',
        'm.reference',
        'm.batch_id',
        'm.subject',
        'm.to_addresses',
        'm.created_at',
        'm.sent_at',
        'm.attempts',
        'm.next_attempt_at',
        'm.wait_kind',
        'm.last_reply',
        'm.failure_class',
        'm.account_key',
        'u.code as user_code',
        'u.name as user_name',
        'b.status as batch_status',
        'a.rate_wait_until',
      ]);
    if (!('all' in visibility)) query = query.where('m.user_id', 'in', visibility.userIds.length > 0 ? visibility.userIds : [-1]);
    return query;
  }
  type Row = Awaited<ReturnType<ReturnType<typeof messages>['execute']>>[number];

  async function toPublic(rows: Row[]): Promise<PublicOutboxMessage[]> {
    const now = deps.now().getTime();
    const waiting = rows.some((row) => row.status === 'queued');
    const overrides = waiting ? await deps.serverLimits() : [];
    const busy = waiting ? await deps.leases.busy(now) : new Map<string, number>();
    return rows.map((row) => {
      const limits = limitsForAccount(row.account_key, overrides, deps.relayLimits);
      const rateUntil = row.rate_wait_until && Date.parse(row.rate_wait_until) > now ? row.rate_wait_until : null;
      const waitKind =
        row.wait_kind ??
        (rateUntil
          ? 'rateLimit'
          : (busy.get(row.account_key) ?? 0) >= limits.maxConnections && Date.parse(row.next_attempt_at) <= now
            ? 'connections'
            : null);
      return {
        id: row.id,
        user: { code: row.user_code, name: row.user_name },
        status: row.status,
        messageId: row.message_id,
        reference: row.reference,
        batchId: row.batch_id,
        subject: row.subject,
        to: row.to_addresses,
        createdAt: row.created_at,
        sentAt: row.sent_at,
        attempts: row.attempts,
        wait: waitReason({
          status: row.status,
          batchStatus: row.batch_status,
          waitKind,
          nextAttemptAt: waitKind === 'rateLimit' && rateUntil ? rateUntil : row.next_attempt_at,
          provider: limits.provider,
          lastReply: row.last_reply,
          now,
        }),
        failureClass: row.failure_class,
        lastReply: row.last_reply,
      };
    });
  }

  return {
    async list(visibility: Visibility, filter: { reference?: string; batchId?: string; before?: number }): Promise<OutboxMessagePage> {
      let query = messages(visibility)
        .orderBy('m.seq', 'desc')
        .limit(OUTBOX_PAGE_SIZE + 1);
      if (filter.reference !== undefined) query = query.where('m.reference', '=', filter.reference);
      if (filter.batchId !== undefined) query = query.where('m.batch_id', '=', filter.batchId);
      if (filter.before !== undefined) query = query.where('m.seq', '<', filter.before);
      const rows = await query.execute();
      const shown = rows.slice(0, OUTBOX_PAGE_SIZE);
      return { messages: await toPublic(shown), next: rows.length > OUTBOX_PAGE_SIZE ? shown.at(-1)!.seq : null };
    },

    async message(visibility: Visibility, id: string): Promise<PublicOutboxMessageDetail | null> {
      const row = await messages(visibility).where('m.id', '=', id).executeTakeFirst();
      if (!row) return null;
      const [message] = await toPublic([row]);
      const attempts = await db
        .selectFrom('send_log')
        .select(['at', 'result', 'transport', 'server_reply', 'error_code', 'failure_class', 'duration_ms'])
        .where('message_id', '=', row.message_id)
        .orderBy('id')
        .execute();
      const events = await db
        .selectFrom('events')
        .select(['id', 'received_at', 'kind', 'recipient', 'status', 'reason'])
        .where('original_message_id', '=', row.message_id)
        .orderBy('id')
        .execute();
      return {
        ...message!,
        attemptLog: attempts.map((a) => ({
          at: a.at,
          result: a.result === 'sent' ? 'sent' : 'failed',
          transport: routeWords(readRoute(a.transport)),
          serverReply: a.server_reply,
          errorCode: a.error_code,
          failureClass: a.failure_class,
          durationMs: a.duration_ms,
        })),
        events: events.map((e) => ({
          id: e.id,
          receivedAt: e.received_at,
          kind: e.kind,
          recipient: e.recipient,
          status: e.status,
          reason: e.reason,
        })),
      };
    },

    async batches(visibility: Visibility, id?: string): Promise<PublicBatch[]> {
      let query = db
        .selectFrom('outbox_batches as b')
        .innerJoin('users as u', 'u.id', 'b.user_id')
        .select(['b.id', 'b.name', 'b.status', 'b.created_at', 'b.total', 'u.code', 'u.name as user_name'])
        .orderBy('b.created_at', 'desc')
        .limit(OUTBOX_PAGE_SIZE);
      if (id !== undefined) query = query.where('b.id', '=', id);
      if (!('all' in visibility)) query = query.where('b.user_id', 'in', visibility.userIds.length > 0 ? visibility.userIds : [-1]);
      const rows = await query.execute();
      if (rows.length === 0) return [];
      const counts = await db
        .selectFrom('outbox_messages')
        .select(['batch_id', 'status', 'account_key', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'batch_id',
          'in',
          rows.map((row) => row.id),
        )
        .groupBy(['batch_id', 'status', 'account_key'])
        .execute();
      const overrides = await deps.serverLimits();
      return rows.map((row) => {
        const mine = counts.filter((count) => count.batch_id === row.id);
        const byStatus = Object.fromEntries(messageStatuses.map((status) => [status, 0])) as Record<MessageStatus, number>;
        for (const count of mine) byStatus[count.status] += Number(count.n);
        const limits = limitsForAccount(mine[0]?.account_key ?? 'relay', overrides, deps.relayLimits);
        return {
          id: row.id,
          user: { code: row.code, name: row.user_name },
          name: row.name,
          status: row.status,
          createdAt: row.created_at,
          counts: byStatus,
          total: row.total,
          estimateSeconds: batchDurationSeconds(limits, byStatus.queued + byStatus.sending),
          provider: limits.provider,
        };
      });
    },
  };
}
export type OutboxReads = ReturnType<typeof createOutboxReads>;

import type { EventDraft, EventKind, PublicEvent } from '@saatja/core';
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { EventsTable, InboundMessagesTable } from '../db/schema';

/** The send-log entry a message to the event mailbox is about. */
export interface SentMatch {
  id: number;
  userId: number;
  messageId: string;
}

export interface EventFilter {
  /** null = every user's events and the unmatched ones (admins). */
  userId: number | null;
  kind?: EventKind | undefined;
  /** ISO 8601 UTC, as stored. */
  since?: string | undefined;
  limit: number;
}

/** An events row with its send-log entry and user joined in. */
type EventRow = Selectable<EventsTable> & {
  sent_at: string | null;
  sent_kind: string | null;
  sent_recipient: string | null;
  user_code: string | null;
  user_name: string | null;
};

interface EventContext {
  inboundId: number;
  receivedAt: string;
  sent: SentMatch | null;
  originalMessageId: string | null;
}

function toEventRow(event: EventDraft, context: EventContext): Insertable<EventsTable> {
  return {
    received_at: context.receivedAt,
    inbound_message_id: context.inboundId,
    kind: event.kind,
    user_id: context.sent?.userId ?? null,
    send_log_id: context.sent?.id ?? null,
    original_message_id: context.originalMessageId,
    recipient: event.recipient,
    action: event.action,
    status: event.status,
    reason: event.reason,
    diagnostic: event.diagnostic,
    remote_mta: event.remoteMta,
    reply_from: event.from,
    subject: event.subject,
  };
}

function toPublicEvent(row: EventRow): PublicEvent {
  return {
    id: row.id,
    receivedAt: row.received_at,
    kind: row.kind as EventKind,
    recipient: row.recipient,
    action: row.action,
    status: row.status,
    reason: row.reason as PublicEvent['reason'],
    diagnostic: row.diagnostic,
    remoteMta: row.remote_mta,
    from: row.reply_from,
    subject: row.subject,
    originalMessageId: row.original_message_id,
    sent: row.sent_at !== null ? { at: row.sent_at, kind: row.sent_kind ?? '', recipient: row.sent_recipient ?? '' } : null,
    user: row.user_code !== null ? { code: row.user_code, name: row.user_name ?? '' } : null,
  };
}

export function createEventsRepository(db: Db) {
  return {
    /** The first of `messageIds` (in their order) that names a message in the send log. */
    async findSent(messageIds: readonly string[]): Promise<SentMatch | null> {
      if (messageIds.length === 0) return null;
      const rows = await db
        .selectFrom('send_log')
        .select(['id', 'user_id', 'message_id'])
        .where('message_id', 'in', [...messageIds])
        .execute();
      for (const messageId of messageIds) {
        const row = rows.find((candidate) => candidate.message_id === messageId);
        if (row) return { id: row.id, userId: row.user_id, messageId };
      }
      return null;
    },

    /**
     * The message and its events together: a half-stored message would be lost to a retry. null when
     * the same message (by content hash) is already stored: delivered again, or to another instance.
     */
    async store(
      message: Insertable<InboundMessagesTable>,
      events: readonly EventDraft[],
      match: Pick<EventContext, 'sent' | 'originalMessageId'>,
    ): Promise<number | null> {
      return db.transaction().execute(async (trx) => {
        const stored = await trx
          .insertInto('inbound_messages')
          .values(message)
          .onConflict((conflict) => conflict.column('content_sha256').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!stored) return null;
        const rows = events.map((event) => toEventRow(event, { ...match, inboundId: stored.id, receivedAt: message.received_at }));
        if (rows.length > 0) await trx.insertInto('events').values(rows).execute();
        return stored.id;
      });
    },

    async list(filter: EventFilter): Promise<PublicEvent[]> {
      let query = db
        .selectFrom('events as e')
        .leftJoin('send_log as s', 's.id', 'e.send_log_id')
        .leftJoin('users as u', 'u.id', 'e.user_id')
        .selectAll('e')
        .select(['s.at as sent_at', 's.kind as sent_kind', 's.recipient as sent_recipient', 'u.code as user_code', 'u.name as user_name'])
        .orderBy('e.received_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(filter.limit);
      if (filter.userId !== null) query = query.where('e.user_id', '=', filter.userId);
      if (filter.kind) query = query.where('e.kind', '=', filter.kind);
      if (filter.since) query = query.where('e.received_at', '>=', filter.since);
      return (await query.execute()).map(toPublicEvent);
    },
  };
}
export type EventsRepository = ReturnType<typeof createEventsRepository>;

import { createHash } from 'node:crypto';
import { classifyInbound, eventMailbox, EVENTS_PAGE_SIZE, type Classification, type EventsQuery, type PublicEvent } from '@saatja/core';
import type { Logger } from 'pino';
import type { UserRow } from '../auth/user-repository';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { createEventsRepository } from './events-repository';
import { readInbound } from './read-inbound';

export interface EventsServiceDeps {
  db: Db;
  config: Pick<Config, 'companyName' | 'eventDomain'>;
  logger: Logger;
  now: () => Date;
}

/** A message as the inbound listener accepted it. */
export interface ReceivedMessage {
  raw: Buffer;
  envelopeFrom: string;
  envelopeTo: readonly string[];
}

export function createEventsService(deps: EventsServiceDeps) {
  const events = createEventsRepository(deps.db);
  const mailbox = eventMailbox(deps.config);

  /** What the message means. One that cannot be decoded is still kept, with no events. */
  async function classify(message: ReceivedMessage): Promise<Classification> {
    try {
      return classifyInbound(await readInbound(message.raw, message.envelopeFrom), mailbox);
    } catch (error) {
      deps.logger.warn({ err: error, bytes: message.raw.length }, 'event mailbox: message could not be decoded');
      return { originalMessageIds: [], events: [] };
    }
  }

  return {
    /** The address the listener accepts mail for. */
    mailbox,

    /**
     * Keep a message the event mailbox received, with the events it means for whose mail it was.
     * A message already kept (the sender retried after a lost reply, perhaps to another instance)
     * is accepted again but stored once: inboundId null, no events.
     */
    async receive(message: ReceivedMessage): Promise<{ inboundId: number | null; events: number }> {
      const { originalMessageIds, events: drafts } = await classify(message);
      const sent = await events.findSent(originalMessageIds);
      const inboundId = await events.store(
        {
          received_at: deps.now().toISOString(),
          envelope_from: message.envelopeFrom,
          envelope_to: message.envelopeTo.join(', '),
          size_bytes: message.raw.length,
          raw: message.raw,
          content_sha256: createHash('sha256').update(message.raw).digest(),
        },
        drafts,
        { sent, originalMessageId: sent?.messageId ?? originalMessageIds[0] ?? null },
      );
      if (inboundId === null) {
        deps.logger.info({ bytes: message.raw.length }, 'event mailbox received a message it already has; stored once');
        return { inboundId, events: 0 };
      }
      deps.logger.info(
        { inboundId, events: drafts.map((draft) => draft.kind), matched: sent !== null },
        'event mailbox received a message',
      );
      return { inboundId, events: drafts.length };
    },

    /** Events are as sensitive as the settings (SPEC §8): users see their own mail's, admins all. */
    async list(actor: UserRow, query: EventsQuery): Promise<PublicEvent[]> {
      return events.list({
        userId: actor.role === 'admin' ? null : actor.id,
        kind: query.kind,
        since: query.since === undefined ? undefined : new Date(query.since).toISOString(),
        limit: EVENTS_PAGE_SIZE,
      });
    },
  };
}
export type EventsService = ReturnType<typeof createEventsService>;

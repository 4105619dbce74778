import { z } from 'zod/mini';
import type { EventKind } from './classify-inbound';
import { eventKinds } from './classify-inbound';
import type { BounceReason } from './status-reason';

/** GET /api/events: filters, parsed alike by the Events view and the BFF. */
export const eventsQuerySchema = z.object({
  kind: z.optional(z.enum(eventKinds, { error: 'kind.invalid' })),
  /** Only events received at or after this instant. */
  since: z.optional(z.iso.datetime({ offset: true, error: 'since.invalid' })),
});
export type EventsQuery = z.infer<typeof eventsQuerySchema>;

/** An event as the API returns it. */
export interface PublicEvent {
  id: number;
  receivedAt: string;
  kind: EventKind;
  recipient: string | null;
  action: string | null;
  status: string | null;
  reason: BounceReason | null;
  /** The remote server's own words, shown beside the plain-words reason. */
  diagnostic: string | null;
  remoteMta: string | null;
  /** Replies: the sender and subject of the reply. */
  from: string | null;
  subject: string | null;
  originalMessageId: string | null;
  /** The send-log entry of the message the event is about; null when no sent message matched. */
  sent: { at: string; kind: string; recipient: string } | null;
  /** Whose mail it was; null when unmatched (then only admins see the event). */
  user: { code: string; name: string } | null;
}

/** The newest events returned at most, per request. */
export const EVENTS_PAGE_SIZE = 200;

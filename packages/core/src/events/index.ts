/** The Events module's domain: what a message to the event mailbox means (SPEC §4). */
export { parseBounceText, splitReturnedCopy, type TextBounce } from './bounce-text';
export { classifyInbound, eventKinds, type Classification, type EventDraft, type EventKind, type InboundMessage } from './classify-inbound';
export { dsnActions, parseDeliveryStatus, type DsnAction, type RecipientReport } from './delivery-status';
export { eventMailbox } from './event-mailbox';
export { EVENTS_PAGE_SIZE, eventsQuerySchema, type EventsQuery, type PublicEvent } from './events-api';
export { bounceReasons, explainStatus, refineStatus, type BounceReason } from './status-reason';

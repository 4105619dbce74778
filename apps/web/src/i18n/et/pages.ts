/** The messages of the pages other than the card: they load with the first of those pages. */
import { sendLog } from './send-log';
import { devMailbox } from './dev-mailbox';
import { admin } from './admin';
import { events } from './events';
import { log } from './log';
import { outbox, tokens } from './outbox';

export const pages = { sendLog, devMailbox, admin, events, log, outbox, tokens };

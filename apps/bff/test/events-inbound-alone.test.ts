import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInboundOnly } from '../src/bootstrap';
import type { InboundListener } from '../src/events/inbound-server';
import { createLogger } from '../src/logger';
import { postfixDsn } from './support/dsn-messages';
import { eventsOf, JAAN, MAILBOX, sendAsEventMailbox, signedIn } from './support/events-setup';
import { deliverRaw } from './support/inbound-client';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let alone: InboundListener;

beforeAll(async () => {
  stack = await startTestStack();
  // A second process's worth of event mailbox on the same database, as `saatja inbound` runs it.
  alone = await startInboundOnly({ ...stack.config, inboundPort: 0 }, createLogger('silent'));
});

afterAll(async () => {
  await alone.close();
  await stack.close();
});

describe('the event mailbox on its own and in every instance', () => {
  it('when a bounce reaches the stand-alone listener, then the web instance shows it as the user’s event', async () => {
    const jaan = await signedIn(stack.url, JAAN.code, JAAN.password);
    const messageId = await sendAsEventMailbox(jaan, JAAN);

    await deliverRaw(alone.port, { to: MAILBOX, raw: postfixDsn(messageId, MAILBOX) });

    expect(await eventsOf(jaan)).toEqual([expect.objectContaining({ kind: 'bounce', originalMessageId: messageId })]);
  });

  it('when the same bounce is delivered to both listeners at once (a retry after a lost reply), then both accept it and it is stored once', async () => {
    const jaan = await signedIn(stack.url, JAAN.code, JAAN.password);
    const messageId = await sendAsEventMailbox(jaan, JAAN);
    const raw = postfixDsn(messageId, MAILBOX);

    const replies = await Promise.all([deliverRaw(alone.port, { to: MAILBOX, raw }), deliverRaw(stack.inboundPort, { to: MAILBOX, raw })]);

    expect(replies.map((reply) => reply.response)).toEqual([expect.stringMatching(/^250 /), expect.stringMatching(/^250 /)]);
    const events = await eventsOf(jaan);
    expect(events.filter((event) => event.originalMessageId === messageId)).toHaveLength(1);
    const hash = createHash('sha256').update(raw).digest();
    const stored = await stack.bff.db.selectFrom('inbound_messages').select('id').where('content_sha256', '=', hash).execute();
    expect(stored).toHaveLength(1);
  });
});

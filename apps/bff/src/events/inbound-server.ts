import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import type { Config } from '../config';
import { createEventsService, type EventsServiceDeps, type ReceivedMessage } from './events-service';

/** Largest message accepted, bytes: bounces and replies are small; 1 MiB leaves room for a returned copy. */
export const MAX_INBOUND_BYTES = 1024 * 1024;
/** Concurrent SMTP sessions; an MX for one mailbox needs few. */
const MAX_CLIENTS = 20;
/** ms that open sessions get to finish at shutdown. */
const CLOSE_GRACE_MS = 1_000;

export interface InboundListenerOptions {
  host: string;
  port: number;
  /** The one address mail is accepted for, lower-case. */
  mailbox: string;
  /** Greeting name: the event domain. */
  name: string;
  receive(message: ReceivedMessage): Promise<unknown>;
  logger: Logger;
}

export interface InboundListener {
  port: number;
  close(): Promise<void>;
}

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

async function readAll(stream: SMTPServerDataStream): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return stream.sizeExceeded ? null : Buffer.concat(chunks);
}

const envelopeOf = (session: SMTPServerSession) => ({
  envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
  envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
});

/** DATA: reply 250 only once the message is stored; a failure to store is temporary (451). */
function dataHandler(options: InboundListenerOptions): NonNullable<SMTPServerOptions['onData']> {
  return (stream, session, callback) => {
    readAll(stream)
      .then(async (raw) => {
        if (raw === null) return callback(smtpError(552, '5.3.4 Message exceeds fixed maximum message size'));
        await options.receive({ raw, ...envelopeOf(session) });
        callback();
      })
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'event mailbox: storing a message failed');
        // The sending server keeps the message and tries again later.
        callback(smtpError(451, '4.3.0 Temporary failure, please try again later'));
      });
  };
}

/**
 * The event mailbox's MX-like SMTP listener: no AUTH (mail comes from any server on the way),
 * recipients other than the mailbox refused at RCPT, size limited. STARTTLS is not offered: it
 * listens on loopback or behind the deployment's MX, which terminates TLS.
 */
export async function startInboundListener(options: InboundListenerOptions): Promise<InboundListener> {
  const server = new SMTPServer({
    name: options.name,
    banner: 'Saatja event mailbox',
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    size: MAX_INBOUND_BYTES,
    maxClients: MAX_CLIENTS,
    closeTimeout: CLOSE_GRACE_MS,
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase() === options.mailbox) return callback();
      callback(smtpError(550, '5.1.1 No such mailbox here'));
    },
    onData: dataHandler(options),
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      // Connection-level failures (resets, garbage) are the client's problem, not a crash.
      server.on('error', (error) => options.logger.debug({ err: error }, 'event mailbox: client error'));
      resolve((server.server.address() as AddressInfo).port);
    });
  });
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The event mailbox (SPEC §4): its listener on the configured port, storing what arrives as events. */
export function startEventMailbox(
  deps: EventsServiceDeps & { config: Pick<Config, 'host'> & { inboundPort: number } },
): Promise<InboundListener> {
  const events = createEventsService(deps);
  return startInboundListener({
    host: deps.config.host,
    port: deps.config.inboundPort,
    mailbox: events.mailbox,
    name: deps.config.eventDomain,
    receive: (message) => events.receive(message),
    logger: deps.logger,
  });
}

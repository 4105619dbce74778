import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { createBouncer } from './bounce';
import { createMailbox } from './mailbox';
import { toReceivedMail } from './parse-mail';
import { authMethodsFor, createAuthHandler, isSessionUser, smtpError } from './smtp-auth';
import type { AuthAttempt, LocalSmtpServer, LocalSmtpServerOptions, ReceivedMail } from './types';

const HOST = '127.0.0.1';
const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** ms that open client sessions get to finish once close() is called, before they are cut. */
const CLOSE_GRACE_MS = 500;

export async function startSmtpServer(options: LocalSmtpServerOptions): Promise<LocalSmtpServer> {
  const mailbox = createMailbox(options.maxKeptMails);
  const attempts: AuthAttempt[] = [];
  let nextId = 1;
  const bouncer = createBouncer(options.bounce, options.name ?? 'localhost');
  let refusing = false;

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<ReceivedMail> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) throw smtpError(552, '5.3.4 Message exceeds fixed maximum message size');
    const user = isSessionUser(session.user) ? session.user : null;
    const mail = await toReceivedMail(Buffer.concat(chunks), {
      id: nextId++,
      envelope: {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
      },
      authUser: user?.username ?? null,
      authMethod: user?.method ?? null,
      secure: session.secure,
      tlsProtocol: session.tlsOptions ? session.tlsOptions.version : null,
      receivedAt: new Date().toISOString(),
    });
    const scripted = options.replyToMessage?.(mail);
    if (scripted) throw smtpError(scripted.responseCode, scripted.message);
    mailbox.add(mail);
    return mail;
  }

  const smtp = new SMTPServer({
    ...serverOptions(options),
    onAuth: createAuthHandler(options, attempts),
    onMailFrom(address, session, callback) {
      // smtp-server itself only refuses AUTH before STARTTLS; an open catcher must refuse MAIL too.
      if (options.security === 'starttls' && !options.tlsOptional && !session.secure) {
        return callback(smtpError(530, '5.7.0 Must issue a STARTTLS command first'));
      }
      // An outage: a session that was open finishes its message, then hears 421 (and is closed).
      if (refusing) return callback(smtpError(421, '4.3.2 Service not available, closing transmission channel'));
      const scripted = options.replyToMailFrom?.(address.address);
      if (scripted) return callback(smtpError(scripted.responseCode, scripted.message));
      callback();
    },
    onData(stream, session, callback) {
      receive(stream, session).then(
        async (mail) => {
          await options.beforeDataReply?.(mail);
          callback();
          bouncer.after(mail);
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  const port = await listen(smtp, options.port ?? 0);
  const sockets = trackConnections(smtp);
  const where = `smtp://${HOST}:${port} (${options.security})`;
  let closing: Promise<void> | null = null;

  return {
    port,
    host: HOST,
    security: options.security,
    received: () => mailbox.list(),
    waitForMail: (predicate = () => true, timeoutMs) => mailbox.waitFor(predicate, timeoutMs, where),
    authAttempts: () => [...attempts],
    bounces: () => bouncer.records(),
    connections: () => sockets.count(),
    async refuseConnections() {
      refusing = true;
      // Stops listening at once; the open sessions end at their next MAIL FROM (421 above).
      smtp.server.close();
    },
    acceptConnections() {
      refusing = false;
      return new Promise<void>((resolve) => smtp.server.listen(port, HOST, resolve));
    },
    clear() {
      mailbox.clear();
      attempts.length = 0;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        mailbox.close(`${where} was closed`);
        // smtp-server resolves this after CLOSE_GRACE_MS at the latest, cutting open sessions.
        smtp.close(() => void bouncer.settled().then(resolve));
      });
      return closing;
    },
  };
}

function trackConnections(smtp: SMTPServer) {
  const open = new Set<Socket>();
  let peak = 0;
  let total = 0;
  smtp.server.on('connection', (socket: Socket) => {
    open.add(socket);
    total += 1;
    peak = Math.max(peak, open.size);
    socket.once('close', () => open.delete(socket));
  });
  return {
    count: () => ({ open: open.size, peak, total }),
  };
}

function serverOptions(options: LocalSmtpServerOptions): SMTPServerOptions {
  const authMethods = authMethodsFor(options);
  const disabledCommands = [...(options.security === 'none' ? ['STARTTLS'] : []), ...(authMethods.length === 0 ? ['AUTH'] : [])];
  return {
    name: options.name ?? 'localhost',
    banner: 'Saatja local SMTP server',
    secure: options.security === 'ssl',
    ...tlsOptions(options),
    authMethods,
    disabledCommands,
    // Only 'none' and optional TLS allow AUTH in the clear; 'starttls' answers 538 until the client upgrades.
    allowInsecureAuth: options.security === 'none' || options.tlsOptional === true,
    authRequiredMessage: '5.7.0 Authentication required',
    size: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    closeTimeout: CLOSE_GRACE_MS,
    // No network beyond loopback: a reverse lookup of 127.0.0.1 would still ask the resolver.
    disableReverseLookup: true,
    logger: false,
  };
}

function tlsOptions({ security, tls }: LocalSmtpServerOptions): Pick<SMTPServerOptions, 'key' | 'cert'> {
  if (security === 'none') return {};
  if (!tls) throw new Error(`startSmtpServer: security '${security}' needs tls material (see createLocalTls)`);
  return { key: tls.key, cert: tls.cert };
}

function listen(smtp: SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onStartupError = (error: Error) => reject(error);
    smtp.once('error', onStartupError);
    smtp.listen(port, HOST, () => {
      smtp.off('error', onStartupError);
      // Client-side failures (resets, refused TLS handshakes) are expected in tests that fail
      // on purpose; without a listener, EventEmitter would throw them and crash the process.
      smtp.on('error', () => {});
      resolve((smtp.server.address() as AddressInfo).port);
    });
  });
}

import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { replyScrubber } from '../mail/reply-scrubber';
import type { AccountConnection, ConnectionSource } from './deliver';

/**
 * A background sender is not interactive: RFC 5321 §4.5.3.2's client timeouts (greeting 5 min, the
 * final dot 10 min) rather than the card's short ones, ms.
 */
const BACKGROUND_TIMEOUTS = { connectionTimeout: 60_000, greetingTimeout: 300_000, socketTimeout: 600_000 };
/** Rebuild the connection this often, ms: a Microsoft 365 access token lives about an hour. */
const CONNECTION_MAX_AGE_MS = 10 * 60_000;

type GetSocket = NonNullable<SMTPPool.Options['getSocket']>;

/**
 * A sender's SMTP connection: nodemailer's pool of one, built from the first message's configuration
 * (`source`) and reused for message after message until it goes stale (a refused login may be a
 * changed password) or old. `warm` opens its socket ahead of the first message: while a batch is
 * still being stored, the server's greeting (which may take its time) is already on the way.
 */
export function createAccountConnection(nowMs: () => number) {
  let connection: AccountConnection | null = null;
  let building: Promise<AccountConnection> | null = null;
  let connectedAt = 0;
  let stale = false;
  /** The socket `warm` opened, until the pool connects through it (or it is dropped). */
  let early: Socket | null = null;
  /** Whether the current pool has asked for a socket: a warm-up after that opens none. */
  let poolConnected = false;

  /**
   * nodemailer's hook for a socket of one's own (documented for proxies): the warm socket once it is
   * connected, else none, and the pool connects as it always does. nodemailer still does the SMTP,
   * STARTTLS (or implicit TLS) and certificate checks on it.
   */
  const handOver: GetSocket = (_options, callback) => {
    poolConnected = true;
    const socket = early;
    early = null;
    const own = () => setImmediate(() => callback(null, false));
    if (!socket || socket.destroyed) return own();
    const give = () => {
      socket.removeAllListeners('timeout').removeAllListeners('error').setTimeout(0);
      callback(null, { connection: socket });
    };
    if (!socket.connecting) return give();
    const onConnect = () => {
      socket.removeListener('close', onClose);
      give();
    };
    const onClose = () => {
      socket.removeListener('connect', onConnect);
      own();
    };
    socket.once('connect', onConnect).once('close', onClose);
  };

  const source: ConnectionSource = (build) => {
    building ??= build().then((transport) => {
      const options: SMTPPool.Options = {
        ...transport.options,
        ...BACKGROUND_TIMEOUTS,
        pool: true,
        maxConnections: 1,
        maxMessages: Infinity,
        getSocket: handOver,
      };
      poolConnected = false;
      connection = { transport, transporter: nodemailer.createTransport(options), scrub: replyScrubber(transport.options.auth) };
      connectedAt = nowMs();
      stale = false;
      return connection;
    });
    return building.catch((error: unknown) => {
      building = null;
      throw error;
    });
  };

  const dropEarly = () => {
    early?.destroy();
    early = null;
  };

  const close = () => {
    dropEarly();
    connection?.transporter.close();
    connection = null;
    building = null;
  };

  return {
    source,
    /**
     * Build the connection now and open its TCP socket to the same (already checked and pinned)
     * address the pool would use. A socket that fails or idles out is dropped: the pool then connects
     * itself and reports what it meets.
     */
    async warm(build: Parameters<ConnectionSource>[0]): Promise<void> {
      const { transport } = await source(build);
      if (poolConnected || early || connection?.transport !== transport) return;
      const { host, port } = transport.options;
      if (host === undefined || port === undefined) return;
      const socket = connect({ host, port: Number(port) });
      socket.on('error', () => socket.destroy());
      socket.setTimeout(BACKGROUND_TIMEOUTS.connectionTimeout, () => socket.destroy());
      socket.once('close', () => {
        if (early === socket) early = null;
      });
      early = socket;
    },
    /** An attempt did not end as sent: build the connection anew before the next claim is sent. */
    markStale: () => void (stale = true),
    needsRenewal: () => connection !== null && (stale || nowMs() - connectedAt >= CONNECTION_MAX_AGE_MS),
    /** Only with nothing queued in the pool. */
    close,
  };
}

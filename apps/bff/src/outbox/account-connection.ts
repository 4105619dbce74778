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

/**
 * A sender's SMTP connection: nodemailer's pool of one, built from the first message's configuration
 * (`source`) and reused for message after message until it goes stale (a refused login may be a
 * changed password) or old.
 */
export function createAccountConnection(nowMs: () => number) {
  let connection: AccountConnection | null = null;
  let building: Promise<AccountConnection> | null = null;
  let connectedAt = 0;
  let stale = false;

  const source: ConnectionSource = (build) => {
    building ??= build().then((transport) => {
      const options: SMTPPool.Options = {
        ...transport.options,
        ...BACKGROUND_TIMEOUTS,
        pool: true,
        maxConnections: 1,
        maxMessages: Infinity,
      };
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

  const close = () => {
    connection?.transporter.close();
    connection = null;
    building = null;
  };

  return {
    source,
    /** An attempt did not end as sent: build the connection anew before the next claim is sent. */
    markStale: () => void (stale = true),
    needsRenewal: () => connection !== null && (stale || nowMs() - connectedAt >= CONNECTION_MAX_AGE_MS),
    /** Only with nothing queued in the pool. */
    close,
  };
}

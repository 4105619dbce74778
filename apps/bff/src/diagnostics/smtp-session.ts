import type { Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { checkError, socketError, timeoutError, type SmtpCheckError } from './check-error';

export interface SmtpReply {
  code: number;
  /** The whole reply, lines joined with "\n", as nodemailer reports `response`. */
  text: string;
  lines: string[];
}

type TimeoutType = 'GREETING_TIMEOUT' | 'SOCKET_TIMEOUT';

/** A line this long without a line break is not SMTP (RFC 5321 allows 512 octets), chars. */
const MAX_LINE_CHARS = 2048;
/** More lines than this in one reply is not a server to keep listening to (EHLO has ~10). */
const MAX_REPLY_LINES = 200;
/** How much of a non-SMTP line is kept to show the user, chars. */
const SHOWN_GARBAGE_CHARS = 200;
const SMTP_LINE = /^\d{3}(?:[ -]|$)/;
const LAST_LINE = /^\d{3}(?: |$)/;

/**
 * The client side of one SMTP conversation, reply by reply: the diagnostics need each step's
 * result, which nodemailer does not expose. Writes only what the caller gives it; logs nothing.
 */
export class SmtpSession {
  private decoder = new StringDecoder('utf8');
  private partial = '';
  private lines: string[] = [];
  private broken: SmtpCheckError | null = null;
  private command = 'CONN';
  private waiter: { resolve: (reply: SmtpReply) => void; reject: (error: SmtpCheckError) => void; timer: NodeJS.Timeout } | null = null;

  /** `scrub` takes the credentials out of every line as it arrives (a server may echo them). */
  constructor(
    private socket: Socket,
    private readonly scrub: (line: string) => string,
  ) {
    this.attach();
  }

  /** The next complete reply, or the reason none came. */
  read(command: string, timeoutMs: number, timeoutType: TimeoutType = 'SOCKET_TIMEOUT'): Promise<SmtpReply> {
    this.command = command;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.finish(timeoutError(timeoutType, command)), timeoutMs);
      this.waiter = { resolve, reject, timer };
      this.settle();
    });
  }

  /** Sends one command line; `command` names it in errors, so a secret argument never appears there. */
  send(line: string, command: string, timeoutMs: number): Promise<SmtpReply> {
    this.socket.write(`${line}\r\n`);
    return this.read(command, timeoutMs);
  }

  /** Hands the socket to a TLS handshake and continues on the TLS socket it returns. */
  async upgrade<S extends Socket>(handshake: (plain: Socket) => Promise<S>): Promise<S> {
    this.detach();
    // Anything the server sent before the handshake is discarded: it could be injected plain text.
    this.lines = [];
    this.partial = '';
    this.decoder = new StringDecoder('utf8');
    const secure = await handshake(this.socket);
    this.socket = secure;
    this.attach();
    return secure;
  }

  /** Stops reading and gives the socket back, e.g. for a TLS handshake of the caller's own. */
  release(): Socket {
    this.detach();
    return this.socket;
  }

  /** Ends politely: QUIT, then close. */
  quit(): void {
    this.detach();
    if (!this.socket.destroyed) this.socket.end('QUIT\r\n');
    this.socket.destroySoon();
  }

  /** Drops the connection at once; after DATA → 354 this is what aborts the message. */
  abort(): void {
    this.detach();
    this.socket.destroy();
  }

  private readonly onData = (chunk: Buffer) => {
    const text = this.partial + this.decoder.write(chunk);
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts.map((line) => this.scrub(line.replace(/\r$/, ''))));
    if (this.partial.length > MAX_LINE_CHARS) {
      this.lines.push(this.scrub(this.partial).slice(0, SHOWN_GARBAGE_CHARS));
      this.partial = '';
    }
    this.settle();
  };

  private readonly onError = (error: Error) => this.fail(socketError(error, 'ESOCKET', this.command));

  private readonly onClose = () => {
    // An unterminated last line still counts, as nodemailer reads its remainder on close.
    if (this.partial.trim()) this.lines.push(this.scrub(this.partial.trim()));
    this.partial = '';
    this.fail(checkError('ECONNECTION', this.command));
  };

  private attach(): void {
    this.socket.on('data', this.onData).on('error', this.onError).on('close', this.onClose);
  }

  private detach(): void {
    this.socket.off('data', this.onData).off('error', this.onError).off('close', this.onClose);
  }

  private fail(error: SmtpCheckError): void {
    this.broken ??= error;
    this.settle();
  }

  /** Complete replies first, so a "421 closing" sent just before the close is what the user sees. */
  private settle(): void {
    if (!this.waiter) return;
    const first = this.lines[0];
    if (first !== undefined && !SMTP_LINE.test(first)) {
      this.lines.shift();
      return this.finish(checkError('EPROTOCOL', this.command, { response: first.slice(0, SHOWN_GARBAGE_CHARS) }));
    }
    const last = this.lines.findIndex((line) => LAST_LINE.test(line));
    if (last >= 0) {
      // Scrubbed again whole: a secret wrapped over several lines is in none of them alone.
      const text = this.scrub(this.lines.splice(0, last + 1).join('\n'));
      const lines = text.split('\n');
      return this.finish(null, { code: Number(lines[0]!.slice(0, 3)), text, lines });
    }
    if (this.lines.length > MAX_REPLY_LINES) {
      return this.finish(checkError('EPROTOCOL', this.command, { response: this.lines[0]!.slice(0, SHOWN_GARBAGE_CHARS) }));
    }
    if (this.broken) this.finish(this.broken);
  }

  private finish(error: SmtpCheckError | null, reply?: SmtpReply): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = null;
    clearTimeout(waiter.timer);
    if (error) waiter.reject(error);
    else waiter.resolve(reply!);
  }
}

import { MAX_DIAGNOSTIC_LENGTH } from './delivery-status';
import { oneLine } from './header-fields';
import { refineStatus } from './status-reason';

/** What a human-readable bounce says about one recipient. */
export interface TextBounce {
  recipient: string | null;
  status: string | null;
  diagnostic: string | null;
}

/**
 * Lines that start the returned copy of the message in the common non-DSN bounces: qmail
 * ("--- Below this line is a copy of the message."), Exim ("------ This is a copy of the message,
 * including all the headers. ------"), Sendmail ("----- Original message follows -----",
 * "----- Unsent message follows -----") and Exchange ("Original message headers:").
 */
const COPY_MARKER =
  /^\s*(?:-{2,}.*(?:copy of the message|original message|unsent message|message follows|headers? of the original)|original message headers:?\s*$)/im;

/** A 4xx/5xx enhanced status code (2.x.x in a failure text is a transcript's "ok"). */
const FAILURE_STATUS = /(?<![\d.])[45]\.\d{1,3}\.\d{1,3}(?!\d|\.\d)/;
/** A basic 4xx/5xx reply code where no enhanced code is given: "550 Requested action not taken". */
const REPLY_CODE = /(?:^|[\s:;])([45][0-5]\d)(?=[\s-])/;
const ADDRESS = /<?([^\s<>()[\]":;,@]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,63})>?/gi;

/** The bounce's own text, and the copy of the message it returned (if any), split at the marker. */
export function splitReturnedCopy(text: string): { notice: string; copy: string | null } {
  const marker = COPY_MARKER.exec(text);
  if (!marker) return { notice: text, copy: null };
  const rest = text.slice(marker.index + marker[0].length).replace(/^[^\n]*\n/, '');
  return { notice: text.slice(0, marker.index), copy: rest.replace(/^\s*\n/, '') };
}

function statusOf(paragraph: string): { status: string | null; line: number } | null {
  const lines = paragraph.split('\n');
  const enhanced = lines.findIndex((line) => FAILURE_STATUS.test(line));
  const index = enhanced !== -1 ? enhanced : lines.findIndex((line) => REPLY_CODE.test(line));
  if (index === -1) return null;
  const line = lines[index]!;
  const code = FAILURE_STATUS.exec(line)?.[0] ?? `${REPLY_CODE.exec(line)![1]![0]}.0.0`;
  return { status: code, line: index };
}

/**
 * Recipients and reasons of a plain-text bounce (Postfix, Exim, qmail, Sendmail and old Exchange
 * forms). Each paragraph of the notice that carries a 4xx/5xx code is one failure; its recipient
 * is the first address in it, or the address named just before it ("… cannot be reached:").
 * Addresses in `ignore` (the event mailbox itself, the reporting daemon) are never recipients.
 */
export function parseBounceText(notice: string, ignore: readonly string[]): TextBounce[] {
  const ignored = new Set(ignore.map((address) => address.toLowerCase()));
  const bounces: TextBounce[] = [];
  let named: string | null = null;
  for (const paragraph of notice.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/)) {
    const addresses = [...paragraph.matchAll(ADDRESS)].map((match) => match[1]!).filter((address) => !ignored.has(address.toLowerCase()));
    const found = statusOf(paragraph);
    if (!found) {
      named = addresses[0] ?? named;
      continue;
    }
    const diagnostic = oneLine(paragraph.split('\n').slice(found.line).join(' ')).slice(0, MAX_DIAGNOSTIC_LENGTH);
    bounces.push({ recipient: addresses[0] ?? named, status: refineStatus(found.status, diagnostic), diagnostic });
  }
  return bounces;
}

import type { SpfCheck, VendorSpf } from './facts';

/** What the domain's admin could publish so that the vendor's relay may send for the domain. */
export interface SpfFix {
  /** The mechanisms to add: the vendor's `include:`, or an `ip4:`/`ip6:` per sending IP not yet allowed. */
  add: string[];
  /**
   * The whole record with them added, ready to paste; null when the published record is broken
   * (permerror) and only its admin can tell how to repair it.
   */
  record: string | null;
  /** A new record: it also has to list the servers the domain already sends from (here guessed as `mx`). */
  newRecord: boolean;
}

const ipMechanism = (ip: string) => (ip.includes(':') ? `ip6:${ip}` : `ip4:${ip}`);

/** The terms an SPF record ends with: `all` (with any qualifier) and the `redirect=` modifier. */
const TERMINAL_TERM = /^([+?~-]?all|redirect=.*)$/i;

/** `terms` inserted before the record's final `all` or `redirect=`, else at its end. */
export function insertIntoSpf(record: string, terms: readonly string[]): string {
  const parts = record.trim().split(/\s+/);
  const at = parts.findIndex((part, index) => index > 0 && TERMINAL_TERM.test(part));
  const end = at === -1 ? parts.length : at;
  return [...parts.slice(0, end), ...terms, ...parts.slice(end)].join(' ');
}

/**
 * The fix for a record that does not allow the relay. With no record, a new one: the provider's
 * include (or `mx` when the provider is not known), the relay, and `~all` — a soft ending, because
 * a guessed list of the domain's other senders must not make their mail fail.
 */
export function spfFix(
  record: string | null,
  failing: readonly SpfCheck[],
  vendor: VendorSpf,
  providerInclude: string | null,
): SpfFix | null {
  if (failing.length === 0) return null;
  const add = vendor.include ? [`include:${vendor.include}`] : failing.map((check) => ipMechanism(check.ip));
  if (failing.some((check) => check.result === 'permerror')) return { add, record: null, newRecord: false };
  if (record === null) {
    const own = providerInclude ? `include:${providerInclude}` : 'mx';
    return { add, record: ['v=spf1', own, ...add, '~all'].join(' '), newRecord: true };
  }
  return { add, record: insertIntoSpf(record, add), newRecord: false };
}

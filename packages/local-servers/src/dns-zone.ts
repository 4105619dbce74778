import type { DnsAnswer, DnsQuery, DnsRecord } from './dns-server';

/** The records of one name in a fixed zone; `silent`: the server never answers for it. */
export interface ZoneEntry {
  /** Exchange host names, most preferred first. */
  MX?: readonly string[];
  TXT?: readonly string[];
  A?: readonly string[];
  silent?: true;
}

/** RFC 1035 §3.3.14: one TXT character-string holds at most 255 bytes; longer records are split. */
const TXT_CHUNK = 255;

function recordsOf(entry: ZoneEntry, type: string): DnsRecord[] {
  switch (type) {
    case 'MX':
      return (entry.MX ?? []).map((exchange, index) => ({ type: 'MX', exchange, priority: 10 * (index + 1) }));
    case 'TXT':
      return (entry.TXT ?? []).map((text) => ({ type: 'TXT', data: text.match(new RegExp(`[^]{1,${TXT_CHUNK}}`, 'g')) ?? [''] }));
    case 'A':
      return (entry.A ?? []).map((address) => ({ type: 'A', address }));
    default:
      return [];
  }
}

/**
 * `startDnsServer`'s answer for a fixed zone: the records of a known name (none of that type is
 * "no data"), NXDOMAIN for any other name, silence for a `silent` one.
 */
export function answerFromZone(zone: Readonly<Record<string, ZoneEntry>>): (query: DnsQuery) => DnsAnswer {
  return ({ name, type }) => {
    const entry = zone[name];
    if (!entry) return 'nxdomain';
    return entry.silent ? 'timeout' : recordsOf(entry, type);
  };
}

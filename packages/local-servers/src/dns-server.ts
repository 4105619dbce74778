import { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import dns2 from 'dns2';

const { Packet } = dns2;
const HOST = '127.0.0.1';
/** seconds; the TTL of a record that names none. */
const DEFAULT_TTL = 300;
/** Attempts at finding a port free for both UDP and TCP. */
const PORT_ATTEMPTS = 20;

export type DnsRecord =
  | { type: 'A'; address: string; ttl?: number }
  | { type: 'AAAA'; address: string; ttl?: number }
  | { type: 'MX'; exchange: string; priority: number; ttl?: number }
  | { type: 'TXT'; data: string | readonly string[]; ttl?: number }
  | { type: 'CNAME'; domain: string; ttl?: number };

/**
 * Records (an empty list is "no data"), a failure rcode, `timeout` (never answer), or an answer
 * given only after `delayMs`.
 */
export type DnsAnswer = readonly DnsRecord[] | 'nxdomain' | 'servfail' | 'refused' | 'timeout' | { delayMs: number; answer: DnsAnswer };

export interface DnsQuery {
  /** Lower case, no trailing dot. */
  name: string;
  /** 'A', 'AAAA', 'MX', 'TXT', … or `TYPE<n>` for a type the server has no name for. */
  type: string;
  transport: 'udp' | 'tcp';
}

export interface DnsServerOptions {
  /** Called for every question, so an answer may change from one query to the next. */
  answer(query: DnsQuery): DnsAnswer | Promise<DnsAnswer>;
}

export interface LocalDnsServer {
  /** UDP and TCP share this port. */
  port: number;
  address: typeof HOST;
  /** How many questions arrived so far. */
  queries(): number;
  /** Every question so far, oldest first. */
  queryLog(): readonly DnsQuery[];
  close(): Promise<void>;
}

const typeNames = new Map<number, string>(Object.entries(Packet.TYPE).map(([name, code]) => [code, name]));
/** RFC 1035 §4.1.1 response codes. */
const rcodes = { servfail: 2, nxdomain: 3, refused: 5 } as const;

function resource(name: string, record: DnsRecord): Record<string, unknown> {
  const base = { name, class: Packet.CLASS.IN, ttl: record.ttl ?? DEFAULT_TTL, type: Packet.TYPE[record.type] };
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return { ...base, address: record.address };
    case 'MX':
      return { ...base, exchange: record.exchange, priority: record.priority };
    case 'TXT':
      return { ...base, data: typeof record.data === 'string' ? [record.data] : [...record.data] };
    case 'CNAME':
      return { ...base, domain: record.domain };
    default: {
      const unknown: never = record;
      throw new Error(`unsupported record ${JSON.stringify(unknown)}`);
    }
  }
}

/** Resolves to the response, or null when the server should stay silent. */
async function respond(request: dns2.Packet, answer: DnsAnswer, name: string): Promise<dns2.Packet | null> {
  if (answer === 'timeout') return null;
  if (typeof answer === 'object' && 'delayMs' in answer) {
    await delay(answer.delayMs);
    return respond(request, answer.answer, name);
  }
  const response = Packet.createResponseFromRequest(request);
  if (typeof answer === 'string') {
    response.header.rcode = rcodes[answer];
    return response;
  }
  response.header.aa = 1;
  for (const record of answer) response.answers.push(resource(name, record) as unknown as dns2.Packet.Resource);
  return response;
}

/** A real DNS server on 127.0.0.1 (UDP and TCP, one port) whose answers the test scripts. */
export async function startDnsServer(options: DnsServerOptions): Promise<LocalDnsServer> {
  const log: DnsQuery[] = [];
  for (let attempt = 1; ; attempt++) {
    const handle: dns2.DnsHandler = (request, send, client) => {
      const question = request.questions[0];
      if (!question) return;
      const query: DnsQuery = {
        name: question.name.toLowerCase().replace(/\.$/, ''),
        type: typeNames.get(question.type) ?? `TYPE${question.type}`,
        transport: client instanceof Socket ? 'tcp' : 'udp',
      };
      log.push(query);
      Promise.resolve(options.answer(query))
        .then((answer) => respond(request, answer, question.name))
        .then((response) => response && send(response))
        .catch(() => undefined);
    };
    const udp = dns2.createUDPServer(handle);
    const tcp = dns2.createTCPServer(handle);
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(0, HOST, () => resolve());
    });
    const port = udp.address().port;
    const tcpError = await new Promise<Error | null>((resolve) => {
      tcp.once('error', resolve);
      tcp.listen(port, HOST, () => resolve(null));
    });
    if (tcpError) {
      udp.close();
      if (attempt >= PORT_ATTEMPTS) throw tcpError;
      continue;
    }
    return {
      port,
      address: HOST,
      queries: () => log.length,
      queryLog: () => [...log],
      close: () =>
        new Promise<void>((resolve) => {
          tcp.close(() => resolve());
          udp.close();
        }),
    };
  }
}

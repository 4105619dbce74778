import { createServer, isIP, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { startDnsServer, type DnsAnswer, type DnsQuery, type LocalDnsServer } from '@saatja/local-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../src/network/dns-resolver';
import { resolveTarget, type TargetPolicy } from '../src/network/target-guard';
import { apiClient } from './support/api-client';
import { printFigure } from './support/figures';
import { startTestStack, type TestStack } from './support/stack';

/** A TCP listener that counts the sockets it accepted (and closes them at once). */
interface Listener {
  address: string;
  port: number;
  accepted: number;
  server: Server;
}

async function listen(address: string): Promise<Listener | null> {
  const listener: Listener = { address, port: 0, accepted: 0, server: createServer() };
  listener.server.on('connection', (socket) => {
    listener.accepted += 1;
    socket.destroy();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      listener.server.once('error', reject);
      listener.server.listen(0, address, () => resolve());
    });
  } catch {
    return null;
  }
  listener.port = (listener.server.address() as { port: number }).port;
  return listener;
}

/** The machine's own addresses, read now; link-local IPv6 needs a scope to bind, so it is judged without a listener. */
const ownAddresses = Object.values(networkInterfaces())
  .flatMap((entries) => entries ?? [])
  .map((entry) => entry.address);
const ownIpv4 = ownAddresses.filter((address) => isIP(address) === 4);
const ipv4Hex = (ip: string) => {
  const [a, b, c, d] = ip.split('.').map(Number) as [number, number, number, number];
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
};

/** Each target, and the local address a connection to it would reach (whose listener must stay untouched). */
const literalTargets: [string, string | null][] = [
  ['127.0.0.1', '127.0.0.1'],
  ['127.0.0.2', '127.0.0.2'],
  ['0.0.0.0', '127.0.0.1'],
  ['::1', '::1'],
  ['[::1]', '::1'],
  ['::', '::1'],
  ['::ffff:127.0.0.1', '127.0.0.1'],
  ['[::ffff:7f00:1]', '127.0.0.1'],
  ['::127.0.0.1', null],
  ['64:ff9b::127.0.0.1', null],
  ['64:ff9b::a00:1', null],
  ['64:ff9b:1::7f00:1', null],
  ['2002:7f00:1::', null],
  ['2002:c000:20a::1', null],
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', null],
  ['2001:db8::25', null],
  ['100::1', null],
  ['fc00::1', null],
  ['fd12:3456::1', null],
  ['fe80::1', null],
  ['ff02::1', null],
  ['10.0.0.1', null],
  ['172.16.5.4', null],
  ['192.168.1.1', null],
  ['169.254.169.254', null],
  ['100.64.0.1', null],
  ['192.0.0.8', null],
  ['192.0.2.10', null],
  ['198.51.100.7', null],
  ['203.0.113.9', null],
  ['192.88.99.1', null],
  ['198.18.0.1', null],
  ['224.0.0.1', null],
  ['240.0.0.1', null],
  ['255.255.255.255', null],
  ...ownAddresses.map((address): [string, string | null] => [address, address]),
  ...ownIpv4.flatMap((address): [string, string | null][] => [
    [`::ffff:${address}`, address],
    [`64:ff9b::${ipv4Hex(address)}`, null],
    [`2002:${ipv4Hex(address)}::1`, null],
  ]),
];

/** Names served by the test's own DNS server. */
const OWN = ownIpv4.find((address) => !address.startsWith('127.')) ?? '127.0.0.1';
const zone: Record<string, Partial<Record<string, DnsAnswer>>> = {
  'loopback.saatja.test': { A: [{ type: 'A', address: '127.0.0.1' }], AAAA: [] },
  'v6-loopback.saatja.test': { A: [], AAAA: [{ type: 'AAAA', address: '::1' }] },
  'mapped.saatja.test': { A: [], AAAA: [{ type: 'AAAA', address: '::ffff:127.0.0.1' }] },
  'internal.saatja.test': { A: [{ type: 'A', address: '10.1.2.3' }], AAAA: [] },
  'own.saatja.test': { A: [{ type: 'A', address: OWN }], AAAA: [] },
  'mixed.saatja.test': {
    A: [
      { type: 'A', address: '93.184.216.34' },
      { type: 'A', address: '127.0.0.1' },
    ],
    AAAA: [],
  },
  'servfail.saatja.test': { A: 'servfail', AAAA: 'servfail' },
  'timeout.saatja.test': { A: 'timeout', AAAA: 'timeout' },
  'public.saatja.test': { A: [{ type: 'A', address: '93.184.216.34' }], AAAA: [] },
};
const FLIP = 'flip.saatja.test';
let flipAnswers = 0;
function answer({ name, type }: DnsQuery): DnsAnswer {
  if (name === FLIP) {
    // "No such name", then 127.0.0.1 with TTL 0, and so on: the answer changes at every lookup.
    if (type !== 'A') return 'nxdomain';
    return flipAnswers++ % 2 === 0 ? 'nxdomain' : [{ type: 'A', address: '127.0.0.1', ttl: 0 }];
  }
  return zone[name]?.[type] ?? 'nxdomain';
}
const nameTargets: [string, string | null][] = [
  ['localhost', '127.0.0.1'],
  ['LOCALHOST.', '127.0.0.1'],
  ['smtp.localhost', '127.0.0.1'],
  ['loopback.saatja.test', '127.0.0.1'],
  ['v6-loopback.saatja.test', '::1'],
  ['mapped.saatja.test', '127.0.0.1'],
  ['internal.saatja.test', null],
  ['own.saatja.test', OWN],
  ['mixed.saatja.test', '127.0.0.1'],
  ['nowhere.saatja.test', null],
  ['servfail.saatja.test', null],
  ['timeout.saatja.test', null],
  ['2130706433', '127.0.0.1'],
  ['0x7f.0.0.1', '127.0.0.1'],
  [FLIP, '127.0.0.1'],
];
const targets = [...literalTargets, ...nameTargets];

let dns: LocalDnsServer;
let stack: TestStack;
const listeners = new Map<string, Listener>();
let policy: TargetPolicy;
const accepted = () => [...listeners.values()].reduce((sum, listener) => sum + listener.accepted, 0);
const portFor = (reaches: string | null) => listeners.get(reaches ?? '127.0.0.1')?.port ?? listeners.get('127.0.0.1')!.port;

beforeAll(async () => {
  dns = await startDnsServer({ answer });
  for (const address of new Set(['127.0.0.1', '127.0.0.2', '::1', ...ownAddresses])) {
    const listener = await listen(address);
    if (listener) listeners.set(address, listener);
  }
  const openPorts = [...listeners.values()].map((listener) => listener.port);
  const dnsServers = [`${dns.address}:${dns.port}`];
  // No allow-list: the guard is the deployment's, whatever the mode.
  stack = await startTestStack({ openPorts, smtpAllowList: [], dnsServers });
  policy = { openPorts, allowList: [], resolver: createDnsResolver(dnsServers, { timeoutMs: stack.config.dnsTimeoutMs }) };
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await dns?.close();
  await Promise.all([...listeners.values()].map((listener) => new Promise((resolve) => listener.server.close(resolve))));
});

describe('the target guard, always on', () => {
  it('when any of the targets is tried, then each is refused with the same error before a socket opens', async () => {
    expect(targets.length).toBeGreaterThanOrEqual(40);
    const errors = new Set<string>();
    for (const [host, reaches] of targets) {
      const outcome = await resolveTarget(host, portFor(reaches), policy).then(
        (pinned) => `allowed ${JSON.stringify(pinned)}`,
        (error: unknown) => JSON.stringify(error),
      );
      errors.add(outcome);
      expect(outcome, host).toMatch(/targetNotAllowed/);
    }
    expect(errors.size).toBe(1);
    expect(accepted()).toBe(0);
    printFigure(
      `SSRF table (guard): ${targets.length} targets, ${targets.length} refused, ${errors.size} distinct error, ${accepted()} sockets accepted on ${listeners.size} listeners (${[...listeners.keys()].join(', ')})`,
    );
  }, 60_000);

  it('when a public name or a listed relay is tried, then it passes, pinned, with the name kept', async () => {
    await expect(resolveTarget('public.saatja.test', 587, { ...policy, openPorts: [587] })).resolves.toEqual({
      address: '93.184.216.34',
      servername: 'public.saatja.test',
    });
    const relay = { ...policy, allowList: ['internal.saatja.test', '192.0.2.0/24'] };
    await expect(resolveTarget('internal.saatja.test', portFor(null), relay)).resolves.toEqual({
      address: '10.1.2.3',
      servername: 'internal.saatja.test',
    });
    await expect(resolveTarget('192.0.2.10', portFor(null), relay)).resolves.toMatchObject({ address: '192.0.2.10' });
  });

  it('when one of the host’s public addresses is the target, then it is refused like loopback', async () => {
    const ownPublic = { ...policy, ownAddresses: () => ['93.184.216.34'] };
    await expect(resolveTarget('public.saatja.test', portFor(null), ownPublic)).rejects.toMatchObject({
      options: { detail: 'targetNotAllowed' },
    });
    await expect(resolveTarget('::ffff:93.184.216.34', portFor(null), ownPublic)).rejects.toMatchObject({
      options: { detail: 'targetNotAllowed' },
    });
  });

  it('when a name flips between "no such name" and 127.0.0.1, then all 1,000 attempts are refused and none connects', async () => {
    const before = dns.queries();
    const outcomes = new Map<string, number>();
    for (let attempt = 0; attempt < 1000; attempt++) {
      const outcome = await resolveTarget(FLIP, portFor('127.0.0.1'), policy).then(
        () => 'allowed',
        (error: unknown) => JSON.stringify(error),
      );
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect([...outcomes.keys()]).toHaveLength(1);
    expect([...outcomes.keys()][0]).toMatch(/targetNotAllowed/);
    // One resolution per attempt: an A and an AAAA question, and nothing asked again to connect.
    expect(dns.queries() - before).toBe(2000);
    expect(accepted()).toBe(0);
    printFigure(
      `SSRF flip: 1000 attempts, ${outcomes.get([...outcomes.keys()][0]!)} refused with the same error, ${dns.queries() - before} DNS questions, ${accepted()} sockets accepted`,
    );
  }, 120_000);
});

describe('the listeners themselves', () => {
  it('when something does connect, then the listener counts it: the zeros above are real', async () => {
    const { connect } = await import('node:net');
    const before = accepted();
    for (const listener of listeners.values()) {
      await new Promise<void>((resolve, reject) => connect(listener.port, listener.address).once('connect', resolve).once('error', reject));
    }
    await expect.poll(() => accepted() - before).toBe(listeners.size);
    for (const listener of listeners.values()) listener.accepted = 0;
  });
});

describe('the send and the check, through the API', () => {
  it('when a card points at any of the targets, then the test mail and the check are refused alike and no listener sees a socket', async () => {
    const admin = apiClient(stack.url);
    expect((await admin.signIn('MARI', 'mari-demo-2026')).status).toBe(200);
    // Test mails are rate-limited per person: enough people to try every target twice.
    const people: ReturnType<typeof apiClient>[] = [];
    for (let i = 0; people.length * 4 < targets.length; i++) {
      const code = `SSRF${i}`;
      const created = await admin.call('POST', '/admin/users', {
        code,
        name: `Tester ${i}`,
        email: `ssrf${i}@firma.ee`,
        role: 'user',
        password: 'ssrf-tester-2026',
      });
      expect(created.status).toBe(201);
      const person = apiClient(stack.url);
      expect((await person.signIn(code, 'ssrf-tester-2026')).status).toBe(200);
      people.push(person);
    }
    const bodies = new Set<string>();
    let attempts = 0;
    let refusedAtSave = 0;
    for (const [index, [host, reaches]] of targets.entries()) {
      const person = people[Math.floor(index / 4)]!;
      const card = {
        name: 'Tester',
        email: 'tester@firma.ee',
        mailSender: {
          mode: 'smtp',
          smtp: { host, port: portFor(reaches), security: 'none', user: '', password: '', clearPassword: false },
        },
      };
      const saved = await person.call('PUT', '/card', card);
      if (saved.status === 422) {
        refusedAtSave += 1;
        continue;
      }
      expect(saved.status, host).toBe(200);
      for (const [path, body] of [
        ['/card/test-mail', {}],
        ['/card/check', { mode: 'dryRun' }],
      ] as const) {
        const response = await person.call('POST', path, body);
        attempts += 1;
        expect(response.status, `${host} ${path}`).toBe(502);
        bodies.add(response.text);
      }
    }
    expect([...bodies]).toEqual([JSON.stringify({ error: { code: 'sendFailed', detail: 'targetNotAllowed' } })]);
    expect(accepted()).toBe(0);
    printFigure(
      `SSRF table (API): ${targets.length} targets, ${refusedAtSave} refused by the card's own validation, ${attempts} test mails and checks refused with ${bodies.size} response body, ${accepted()} sockets accepted`,
    );
  }, 120_000);
});

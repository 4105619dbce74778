import { promises as dns } from 'node:dns';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsAnswer, type LocalDnsServer } from '../src';

let server: LocalDnsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(answer: (name: string, type: string) => DnsAnswer | Promise<DnsAnswer>) {
  server = await startDnsServer({ answer: ({ name, type }) => answer(name, type) });
  // Node's own c-ares resolver: the client the BFF uses.
  const resolver = new dns.Resolver({ timeout: 300, tries: 1 });
  resolver.setServers([`${server.address}:${server.port}`]);
  return resolver;
}

/** One DNS question over TCP (RFC 1035 §4.2.2: two-byte length prefix), returning the rcode and answer count. */
async function askOverTcp(port: number, name: string): Promise<{ rcode: number; answers: number }> {
  const labels = name.split('.').map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)]));
  const question = Buffer.concat([...labels, Buffer.from([0, 0, 1, 0, 1])]);
  const header = Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  const message = Buffer.concat([header, question]);
  const socket = connect(port, '127.0.0.1');
  socket.write(Buffer.concat([Buffer.from([message.length >> 8, message.length & 0xff]), message]));
  const chunks: Buffer[] = [];
  for await (const chunk of socket) {
    chunks.push(chunk as Buffer);
    const data = Buffer.concat(chunks);
    if (data.length >= 2 && data.length >= 2 + data.readUInt16BE(0)) {
      socket.destroy();
      return { rcode: data[5]! & 0x0f, answers: data.readUInt16BE(8) };
    }
  }
  throw new Error('connection closed before a full answer');
}

describe('the local DNS server', () => {
  it('when asked for A, AAAA, MX and TXT, then it serves the scripted records with their TTLs', async () => {
    const resolver = await serve((name, type) => {
      if (name !== 'mail.example.test') return 'nxdomain';
      if (type === 'A')
        return [
          { type: 'A', address: '192.0.2.10', ttl: 60 },
          { type: 'A', address: '192.0.2.11' },
        ];
      if (type === 'AAAA') return [{ type: 'AAAA', address: '2001:db8::25', ttl: 120 }];
      if (type === 'MX') return [{ type: 'MX', exchange: 'mx.example.test', priority: 10 }];
      if (type === 'TXT') return [{ type: 'TXT', data: ['v=spf1 ', '-all'], ttl: 30 }];
      return [];
    });
    expect(await resolver.resolve4('mail.example.test', { ttl: true })).toEqual([
      { address: '192.0.2.10', ttl: 60 },
      { address: '192.0.2.11', ttl: 300 },
    ]);
    expect(await resolver.resolve6('mail.example.test', { ttl: true })).toEqual([{ address: '2001:db8::25', ttl: 120 }]);
    expect(await resolver.resolveMx('mail.example.test')).toEqual([{ exchange: 'mx.example.test', priority: 10 }]);
    expect(await resolver.resolveTxt('mail.example.test')).toEqual([['v=spf1 ', '-all']]);
    expect(server!.queryLog().map(({ type, transport }) => `${type}/${transport}`)).toEqual(['A/udp', 'AAAA/udp', 'MX/udp', 'TXT/udp']);
  });

  it.each([
    ['nxdomain', 'ENOTFOUND'],
    ['servfail', 'ESERVFAIL'],
    ['refused', 'EREFUSED'],
    ['timeout', 'ETIMEOUT'],
  ] as const)('when the answer is %s, then the resolver fails with %s', async (answer, code) => {
    const resolver = await serve(() => answer);
    await expect(resolver.resolve4('x.example.test')).rejects.toMatchObject({ code });
    expect(server!.queries()).toBe(1);
  });

  it('when the answer is a function, then each query may get a different answer', async () => {
    let n = 0;
    const resolver = await serve(() => (n++ % 2 === 0 ? 'nxdomain' : [{ type: 'A', address: '127.0.0.1', ttl: 0 }]));
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(
        await resolver.resolve4('flip.example.test').then(
          ([a]) => a ?? '',
          (error: NodeJS.ErrnoException) => error.code ?? '',
        ),
      );
    }
    expect(outcomes).toEqual(['ENOTFOUND', '127.0.0.1', 'ENOTFOUND', '127.0.0.1']);
    expect(server!.queries()).toBe(4);
  });

  it('when an answer is delayed past the resolver timeout, then it times out; under it, it arrives', async () => {
    const resolver = await serve((name) => ({
      delayMs: name.startsWith('slow') ? 600 : 50,
      answer: [{ type: 'A', address: '192.0.2.1' }],
    }));
    await expect(resolver.resolve4('slow.example.test')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    expect(await resolver.resolve4('quick.example.test')).toEqual(['192.0.2.1']);
  });

  it('when asked over TCP on the same port, then it answers there too', async () => {
    await serve(() => [{ type: 'A', address: '192.0.2.7' }]);
    expect(await askOverTcp(server!.port, 'tcp.example.test')).toEqual({ rcode: 0, answers: 1 });
    expect(server!.queryLog()).toEqual([{ name: 'tcp.example.test', type: 'A', transport: 'tcp' }]);
  });

  it('when a CNAME is served, then the resolver reads it', async () => {
    const resolver = await serve(() => [{ type: 'CNAME', domain: 'target.example.test' }]);
    expect(await resolver.resolveCname('alias.example.test')).toEqual(['target.example.test']);
  });
});

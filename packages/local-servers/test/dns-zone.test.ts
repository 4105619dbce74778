import { promises as dns } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFromZone, startDnsServer, type LocalDnsServer } from '../src';

const longSpf = `v=spf1 ${Array.from({ length: 12 }, (_, n) => `include:spf${n}.example.test`).join(' ')} -all`;
let server: LocalDnsServer;
const resolver = new dns.Resolver({ timeout: 300, tries: 1 });

beforeAll(async () => {
  server = await startDnsServer({
    answer: answerFromZone({
      'zone.test': { MX: ['mx1.zone.test', 'mx2.zone.test'], TXT: [longSpf, 'other'], A: ['192.0.2.1'] },
      'quiet.test': { silent: true },
    }),
  });
  resolver.setServers([`${server.address}:${server.port}`]);
});
afterAll(() => server.close());

describe('answerFromZone', () => {
  it('when a name has records, then each type is served, MX in the order given', async () => {
    expect(await resolver.resolveMx('zone.test')).toEqual([
      { exchange: 'mx1.zone.test', priority: 10 },
      { exchange: 'mx2.zone.test', priority: 20 },
    ]);
    expect(await resolver.resolve4('zone.test')).toEqual(['192.0.2.1']);
  });

  it('when a TXT record is longer than 255 bytes, then it arrives split and joins back to the same text', async () => {
    const rows = await resolver.resolveTxt('zone.test');
    const spf = rows.find((row) => row[0]!.startsWith('v=spf1'))!;
    expect(longSpf.length).toBeGreaterThan(255);
    expect(spf.length).toBe(2);
    expect(spf.join('')).toBe(longSpf);
  });

  it.each([
    ['a known name without that type', 'ENODATA', () => resolver.resolveCname('zone.test')],
    ['an unknown name', 'ENOTFOUND', () => resolver.resolveTxt('nowhere.test')],
    ['a silent name', 'ETIMEOUT', () => resolver.resolveTxt('quiet.test')],
  ] as const)('when the query is for %s, then the resolver fails with %s', async (_what, code, ask) => {
    await expect(ask()).rejects.toMatchObject({ code });
  });
});

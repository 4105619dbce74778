import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../src/network/address-policy';
import { resolveTarget, type Resolver, type TargetPolicy } from '../src/network/target-guard';

const production: TargetPolicy = { openPorts: [25, 465, 587], publicOnly: true, allowList: [] };
const fakeDns = (table: Record<string, string[]>): Resolver => async (host) => {
  const answers = table[host];
  if (!answers) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return answers.map((address) => ({ address }));
};
const dns = fakeDns({
  'smtp.firma.ee': ['93.184.216.34'],
  'internal.firma.ee': ['10.1.2.3'],
  'mixed.example': ['93.184.216.34', '192.168.1.10'],
  'relay.firma.lan': ['10.0.0.25'],
});

describe('the SMTP target guard in production', () => {
  it.each([
    ['127.0.0.1', 587],
    ['::1', 587],
    ['[::1]', 587],
    ['::ffff:127.0.0.1', 587],
    ['[::ffff:127.0.0.1]', 465],
    ['10.0.0.1', 587],
    ['172.16.5.4', 587],
    ['172.31.255.255', 25],
    ['192.168.1.1', 587],
    ['fc00::1', 587],
    ['fd12:3456::1', 587],
    ['fe80::1', 587],
    ['169.254.169.254', 587],
    ['0.0.0.0', 587],
    ['100.64.0.1', 587],
    ['internal.firma.ee', 587],
    ['mixed.example', 587],
    ['smtp.firma.ee', 22],
    ['smtp.firma.ee', 2525],
  ])('when the target is %s:%i, then it is refused before any socket opens, with the same error', async (host, port) => {
    await expect(resolveTarget(host, port, production, dns)).rejects.toMatchObject({ code: 'sendFailed', options: { detail: 'targetNotAllowed' } });
  });

  it.each(['2130706433', '0177.0.0.1', '0x7f.0.0.1', '017700000001'])(
    'when the loopback address is written as %s, then the system resolver turns it into 127.0.0.1 and it is refused',
    async (host) => {
      await expect(resolveTarget(host, 587, production)).rejects.toMatchObject({ options: { detail: 'targetNotAllowed' } });
    },
  );

  it('when a public host is given, then the resolved address is pinned and the name kept for the certificate', async () => {
    await expect(resolveTarget('SMTP.firma.ee', 587, production, dns)).resolves.toEqual({ address: '93.184.216.34', servername: 'smtp.firma.ee' });
  });

  it('when an internal relay is allow-listed, then its private address is accepted', async () => {
    const policy = { ...production, allowList: ['relay.firma.lan'] };
    await expect(resolveTarget('relay.firma.lan', 25, policy, dns)).resolves.toMatchObject({ address: '10.0.0.25' });
  });

  it('when the name does not resolve, then the error says so', async () => {
    await expect(resolveTarget('nope.example', 587, production, dns)).rejects.toMatchObject({ options: { detail: 'dnsNotFound' } });
  });
});

describe('the SMTP target guard in dev mode', () => {
  it('when the target is loopback on an open port, then it is allowed; a closed port still is not', async () => {
    const dev = { ...production, publicOnly: false };
    await expect(resolveTarget('127.0.0.1', 587, dev)).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(resolveTarget('127.0.0.1', 22, dev)).rejects.toMatchObject({ options: { detail: 'targetNotAllowed' } });
  });
});

describe('isPublicAddress', () => {
  it.each([
    ['93.184.216.34', true],
    ['2606:2800:220:1:248:1893:25c8:1946', true],
    ['::ffff:93.184.216.34', true],
    ['224.0.0.1', false],
    ['not-an-ip', false],
  ])('when the address is %s, then public is %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

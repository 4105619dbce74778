import { startDnsServer } from '@saatja/local-servers';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { createDnsResolver } from '../src/network/dns-resolver';

describe('SAATJA_DNS_SERVERS', () => {
  it('when unset, then the system resolvers are used (an empty list), with a 3 s timeout', () => {
    expect(loadConfig({})).toMatchObject({ dnsServers: [], dnsTimeoutMs: 3000 });
  });

  it.each([
    ['192.0.2.53', ['192.0.2.53']],
    ['192.0.2.53:5353, 198.51.100.1', ['192.0.2.53:5353', '198.51.100.1']],
    ['2001:db8::53', ['2001:db8::53']],
    ['[2001:db8::53]:53,[::1]', ['[2001:db8::53]:53', '[::1]']],
  ])('when %s, then it is read as %j', (value, servers) => {
    expect(loadConfig({ SAATJA_DNS_SERVERS: value }).dnsServers).toEqual(servers);
  });

  it.each([
    'dns.example.com',
    '192.0.2.53:0',
    '192.0.2.53:70000',
    '2001:db8::53:53:x',
    '[192.0.2.1]:53',
    '192.0.2.53:53:53',
    '[2001:db8::1]x',
  ])('when %s, then start-up fails naming the setting', (value) => {
    expect(() => loadConfig({ SAATJA_DNS_SERVERS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ SAATJA_DNS_SERVERS: value })).toThrow(/SAATJA_DNS_SERVERS/);
  });

  it.each(['0', '50', 'soon'])('when the timeout is %s, then start-up fails', (value) => {
    expect(() => loadConfig({ SAATJA_DNS_TIMEOUT_MS: value })).toThrow(/SAATJA_DNS_TIMEOUT_MS/);
  });

  it('when servers are given, then the resolver asks them and nobody else', async () => {
    const dns = await startDnsServer({ answer: ({ type }) => (type === 'A' ? [{ type: 'A', address: '192.0.2.99' }] : []) });
    try {
      const resolver = createDnsResolver([`${dns.address}:${dns.port}`], { timeoutMs: 500 });
      expect(resolver.getServers()).toEqual([`127.0.0.1:${dns.port}`]);
      expect(await resolver.resolve4('relay.example.test')).toEqual(['192.0.2.99']);
      expect(dns.queries()).toBe(1);
    } finally {
      await dns.close();
    }
  });

  it('when no servers are given, then the resolver keeps the system ones', () => {
    expect(createDnsResolver([], { timeoutMs: 500 }).getServers().length).toBeGreaterThan(0);
  });
});

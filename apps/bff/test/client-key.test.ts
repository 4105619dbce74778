import { describe, expect, it } from 'vitest';
import { clientKey } from '../src/http/client-key';

describe('clientKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:5:7:abcd::1', '2001:db8:5:7::/64'],
    ['2001:DB8:5:7:ffff:ffff:ffff:ffff', '2001:db8:5:7::/64'],
    ['fe80::1%eth0', 'fe80::/64'],
    ['', ''],
    ['not-an-address', 'not-an-address'],
  ])('when the client address is %j, then it counts as %j', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });
});

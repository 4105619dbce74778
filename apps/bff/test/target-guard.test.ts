import { describe, expect, it } from 'vitest';
import { addressForms, inAddressList, isOwnAddress, isPublicAddress } from '../src/network/address-policy';

describe('isPublicAddress (ipaddr.js range classification)', () => {
  it.each([
    ['93.184.216.34', true],
    ['2606:2800:220:1:248:1893:25c8:1946', true],
    ['::ffff:93.184.216.34', true],
    ['64:ff9b::5db8:d822', true],
    ['127.0.0.1', false],
    ['10.0.0.1', false],
    ['100.64.0.1', false],
    ['169.254.169.254', false],
    ['192.0.2.1', false],
    ['198.51.100.1', false],
    ['203.0.113.1', false],
    ['192.88.99.1', false],
    ['198.18.0.1', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::ffff:10.0.0.1', false],
    ['64:ff9b::7f00:1', false],
    ['64:ff9b:1::5db8:d822', false],
    ['2002:5db8:d822::1', false],
    ['2001:0:4136:e378:8000:63bf:a247:2ddd', false],
    ['::93.184.216.34', false],
    ['100::1', false],
    ['2001:db8::1', false],
    ['fe80::1%eth0', false],
    // Outside 2000::/3, the only IPv6 space allocated for global unicast: ipaddr.js calls these unicast.
    ['4000::1', false],
    ['1::1', false],
    ['::1:2:3:4', false],
    ['not-an-ip', false],
  ])('when the address is %s, then public is %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('addressForms', () => {
  it.each([
    ['::ffff:127.0.0.1', ['127.0.0.1']],
    ['64:ff9b::7f00:1', ['127.0.0.1']],
    ['2002:c000:0202::1', ['192.0.2.2']],
    ['::127.0.0.1', ['127.0.0.1']],
    // Teredo: the server's IPv4 in bits 32–63, the client's inverted in the last 32.
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', ['65.54.227.120', '127.0.0.1']],
    ['93.184.216.34', []],
    ['2606:2800:220:1::1', []],
  ])('when the address is %s, then it carries %j', (address, carried) => {
    expect(addressForms(address).slice(1).map(String)).toEqual(carried);
  });

  it('when the text is no address, then it has no forms', () => {
    expect(addressForms('relay.firma.lan')).toEqual([]);
  });
});

describe('isOwnAddress', () => {
  it.each([
    ['192.0.2.2', true],
    ['::ffff:192.0.2.2', true],
    ['64:ff9b::c000:202', true],
    ['2002:c000:202::1', true],
    ['fd00:0:0::2', true],
    ['192.0.2.3', false],
  ])('when the host has 192.0.2.2 and fd00::2 and the target is %s, then own is %s', (address, expected) => {
    expect(isOwnAddress(address, ['192.0.2.2', 'fd00::2'])).toBe(expected);
  });
});

describe('inAddressList', () => {
  it.each([
    ['10.0.0.25', ['10.0.0.25'], true],
    ['10.0.7.1', ['10.0.0.0/16'], true],
    ['::ffff:10.0.7.1', ['10.0.0.0/16'], true],
    ['fd00::25', ['[fd00::25]'], true],
    ['fd00::25', ['fd00::/8'], true],
    ['10.1.0.1', ['10.0.0.0/16', 'relay.firma.lan'], false],
  ])('when %s is checked against %j, then listed is %s', (address, entries, expected) => {
    expect(inAddressList(address, entries)).toBe(expected);
  });
});

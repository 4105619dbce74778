import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { printFigure } from './support/figures';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** A sign-in as a browser behind a proxy would send it; `from` goes into X-Forwarded-For. */
async function signIn(code: string, password: string, from?: string): Promise<number> {
  const response = await fetch(`${stack!.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', ...(from ? { 'X-Forwarded-For': from } : {}) },
    body: JSON.stringify({ code, password }),
  });
  return response.status;
}

describe('sign-in limits behind a trusted proxy', () => {
  it('when one code gets 10 wrong passwords from 10 addresses, then it is locked, even for the right password; others are not', async () => {
    stack = await startTestStack({ trustProxy: ['127.0.0.1'] });
    const statuses: number[] = [];
    for (let i = 1; i <= 10; i++) statuses.push(await signIn('JAAN', `wrong-${i}`, `203.0.113.${i}`));
    expect(statuses).toEqual(Array(10).fill(401));
    expect(await signIn('JAAN', 'jaan-demo-2026', '203.0.113.77')).toBe(429);
    expect(await signIn('jaan', 'jaan-demo-2026', '198.51.100.1')).toBe(429);
    expect(await signIn('MARI', 'mari-demo-2026', '203.0.113.1')).toBe(200);
    printFigure(
      `Sign-in, one code: 10 wrong passwords from 10 forwarded addresses → ${statuses.filter((s) => s === 401).length}× 401, then the right password → 429 (locked)`,
    );
  });

  it('when one address tries 20 codes, then it is limited after 15 failures, and other addresses are not', async () => {
    stack = await startTestStack({ trustProxy: ['127.0.0.1'] });
    const statuses: number[] = [];
    for (let i = 1; i <= 20; i++) statuses.push(await signIn(`USER${i}`, 'guess-1234', '203.0.113.50'));
    expect(statuses).toEqual([...Array(15).fill(401), ...Array(5).fill(429)]);
    expect(await signIn('MARI', 'mari-demo-2026', '203.0.113.50')).toBe(429);
    expect(await signIn('MARI', 'mari-demo-2026', '203.0.113.51')).toBe(200);
    printFigure(
      `Sign-in, one address: 20 codes → ${statuses.filter((s) => s === 401).length}× 401, ${statuses.filter((s) => s === 429).length}× 429 (limited)`,
    );
  });

  it('when 30 wrong passwords for one code arrive at once, then at most 10 are checked and the rest are refused as limited', async () => {
    stack = await startTestStack({ trustProxy: ['127.0.0.1'] });
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn('JAAN', `wrong-${i}`, `203.0.113.${i + 1}`)));
    const checked = statuses.filter((status) => status === 401).length;
    expect(checked).toBe(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    printFigure(`Sign-in, one code, 30 parallel wrong passwords → ${checked}× 401, ${30 - checked}× 429`);
  });

  it('when 30 codes are tried at once from one address, then at most 15 are checked', async () => {
    stack = await startTestStack({ trustProxy: ['127.0.0.1'] });
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(`USER${i}`, 'guess-1234', '203.0.113.60')));
    expect(statuses.filter((status) => status === 401)).toHaveLength(15);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it('when one IPv6 /64 tries 20 codes from 20 of its addresses, then it is limited as one client after 15 failures', async () => {
    stack = await startTestStack({ trustProxy: ['127.0.0.1'] });
    const statuses: number[] = [];
    for (let i = 1; i <= 20; i++) statuses.push(await signIn(`USER${i}`, 'guess-1234', `2001:db8:5:7:${i.toString(16)}::${i}`));
    expect(statuses).toEqual([...Array(15).fill(401), ...Array(5).fill(429)]);
    expect(await signIn('MARI', 'mari-demo-2026', '2001:db8:5:8::1')).toBe(200);
    printFigure(
      `Sign-in, one IPv6 /64, 20 addresses: ${statuses.filter((s) => s === 401).length}× 401, ${statuses.filter((s) => s === 429).length}× 429`,
    );
  });

  it('when the same user signs in successfully 25 times, then no limit trips (only failures count)', async () => {
    stack = await startTestStack();
    const statuses = new Set<number>();
    for (let i = 0; i < 25; i++) statuses.add(await signIn('JAAN', 'jaan-demo-2026'));
    expect([...statuses]).toEqual([200]);
  });
});

describe('sign-in limits with no trusted proxy', () => {
  it('when X-Forwarded-For changes at every attempt, then it is ignored: the socket address is limited', async () => {
    stack = await startTestStack();
    const statuses: number[] = [];
    for (let i = 1; i <= 16; i++) statuses.push(await signIn(`USER${i}`, 'guess-1234', `198.51.100.${i}`));
    expect(statuses).toEqual([...Array(15).fill(401), 429]);
  });
});

describe('SAATJA_TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['1', 1],
    ['10.0.0.5', ['10.0.0.5']],
    ['10.0.0.0/24, fd00::/64', ['10.0.0.0/24', 'fd00::/64']],
  ])('when it is %j, then Express trusts %j', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { SAATJA_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['loopback', 'proxy.example.com', '10.0.0.0/33', '1,2'])('when it is %s, then start-up fails naming it', (value) => {
    expect(() => loadConfig({ SAATJA_TRUST_PROXY: value })).toThrow(/SAATJA_TRUST_PROXY/);
  });

  it('when production runs without it, then it trusts no proxy', () => {
    expect(
      loadConfig({
        SAATJA_MODE: 'production',
        SAATJA_RELAY_HOST: 'relay.example.com',
        SAATJA_SECRETS_KEYS: 'k:x',
        SAATJA_PUBLIC_ORIGIN: 'https://mail.example.com',
      }).trustProxy,
    ).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_M365_MAILBOXES, DEV_M365_CLIENT } from '../src/dev/dev-m365';
import { createSecretBox } from '../src/secrets/secret-box';
import { apiClient } from './support/api-client';
import { authorizeInBrowser } from './support/identity-browser';
import { loadCallback, startSignIn } from './support/m365-flow';
import { startTestStack, type TestStack } from './support/stack';

const MAILBOX = DEMO_M365_MAILBOXES[0]!;
let stack: TestStack;
const logLines: string[] = [];

beforeEach(async () => {
  stack = await startTestStack({ m365: true, logDestination: { write: (line) => void logLines.push(line) } });
});

afterEach(async () => {
  await stack.close();
});

/** Every token secret the user's sealed MSAL cache holds right now. */
async function cachedSecrets(): Promise<string[]> {
  const row = await stack.bff.db.selectFrom('m365_tokens').selectAll().executeTakeFirstOrThrow();
  const cache = JSON.parse(createSecretBox(stack.config.secretsKeys!).open(row.token_cache_sealed, `m365-cache:${row.user_id}`)) as Record<
    string,
    Record<string, { secret: string }>
  >;
  return ['AccessToken', 'RefreshToken', 'IdToken'].flatMap((kind) => Object.values(cache[kind] ?? {}).map((entry) => entry.secret));
}

describe('Microsoft 365 secrets never leak', () => {
  it('when the whole flow runs (sign-in, sends, a refresh, a revoked grant), then no log line or API answer holds a token, code or secret', async () => {
    const jaan = apiClient(stack.url);
    const seen: string[] = [];
    const record = (response: { text: string }) => seen.push(response.text);
    await jaan.signIn('JAAN', 'jaan-demo-2026');
    stack.m365!.emulator.setAccessTokenLifetime(60);
    const authorizeUrl = await startSignIn(jaan, MAILBOX.email);
    const back = await authorizeInBrowser(authorizeUrl, stack.m365!.emulator.ca, MAILBOX);
    const page = await loadCallback(jaan, back);
    expect(page.result.outcome).toBe('authenticated');
    const secrets = [back.searchParams.get('code')!, DEV_M365_CLIENT.clientSecret, ...(await cachedSecrets())];
    record(await jaan.call('POST', '/card/test-mail', {}));
    secrets.push(...(await cachedSecrets()));
    for (const path of ['/card', '/card/m365', '/card/effective']) record(await jaan.call('GET', path));
    // A replayed code and a revoked grant take the error paths.
    record({ text: (await loadCallback(jaan, back)).html });
    stack.m365!.emulator.revokeGrants(MAILBOX.email);
    record(await jaan.call('POST', '/card/test-mail', {}));
    record(await jaan.call('GET', '/card/m365'));

    expect(secrets.length).toBeGreaterThanOrEqual(6);
    expect(logLines.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      for (const text of [...seen, page.html, ...logLines]) expect(text).not.toContain(secret);
    }
    expect(logLines.join('\n')).toContain('AADSTS50173');
  });
});

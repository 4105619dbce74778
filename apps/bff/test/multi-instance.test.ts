import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_M365_MAILBOXES } from '../src/dev/dev-m365';
import { apiClient } from './support/api-client';
import { postfixDsn } from './support/dsn-messages';
import { eventsOf, JAAN, MAILBOX, MARI, sendAsEventMailbox } from './support/events-setup';
import { authorizeInBrowser } from './support/identity-browser';
import { deliverRaw } from './support/inbound-client';
import { printFigure } from './support/figures';
import { startInstances, type Instances } from './support/instances';
import { loadCallback, startSignIn } from './support/m365-flow';

const JAAN_MAILBOX = DEMO_M365_MAILBOXES[0]!;
let instances: Instances;

beforeAll(async () => {
  instances = await startInstances(3);
}, 120_000);

afterAll(async () => {
  await instances?.close();
});

/** A client whose every request goes to the next instance: the test is the load balancer. */
const roundRobin = () => apiClient(() => instances.next().url);

describe('three BFF instances on one PostgreSQL', () => {
  it('when a session is made on one instance, then it works on the others', async () => {
    const client = roundRobin();
    expect((await client.signIn(JAAN.code, JAAN.password)).status).toBe(200);

    const answers = await Promise.all(instances.all.map((instance) => apiClient(instance.url, client.cookie).call('GET', '/auth/me')));

    expect(answers.map((answer) => [answer.status, answer.json?.code])).toEqual([
      [200, 'JAAN'],
      [200, 'JAAN'],
      [200, 'JAAN'],
    ]);
  });

  it('when wrong passwords are spread over the instances, then the sign-in limit counts them all', async () => {
    const client = roundRobin();
    const wrong: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) wrong.push((await client.signIn(MARI.code, 'not-the-password')).status);
    // Each instance saw at most four of them: only a shared count reaches the limit.
    const next = await Promise.all(instances.all.map((instance) => apiClient(instance.url).signIn(MARI.code, MARI.password)));

    expect(wrong).toEqual(Array(10).fill(401));
    expect(next.map((answer) => answer.status)).toEqual([429, 429, 429]);
    printFigure(
      `Sign-in limit across 3 instances: 10 wrong passwords round-robin → 10× 401, then the right one on each instance → ${next.map((answer) => answer.status).join(', ')}`,
    );
  });

  it('when three instances refresh one user’s expired Microsoft token at the same moment, then the identity provider sees one refresh and the card stays authenticated', async () => {
    const emulator = instances.m365.emulator;
    // msal renews a token expiring within 5 minutes: the one issued at sign-in is renewed at once.
    emulator.setAccessTokenLifetime(60);
    const jaan = roundRobin();
    expect((await jaan.signIn(JAAN.code, JAAN.password)).status).toBe(200);
    // Exchange lets a mailbox send only as itself: the card's e-mail is the mailbox's address.
    const card = { name: JAAN_MAILBOX.name, email: JAAN_MAILBOX.email, mailSender: { mode: 'default' } };
    expect((await jaan.call('PUT', '/card', card)).status).toBe(200);
    const back = await authorizeInBrowser(await startSignIn(jaan, JAAN_MAILBOX.email), emulator.ca, JAAN_MAILBOX);
    expect((await loadCallback(jaan, back)).result.outcome).toBe('authenticated');
    emulator.setAccessTokenLifetime(3600);
    const before = emulator.stats.refreshTokenGrants;

    const sends = await Promise.all(
      instances.all.map((instance) => apiClient(instance.url, jaan.cookie).call('POST', '/card/test-mail', {})),
    );

    expect(sends.map((send) => send.status)).toEqual([200, 200, 200]);
    expect(emulator.stats.refreshTokenGrants - before).toBe(1);
    expect((await jaan.call('GET', '/card/m365')).json).toMatchObject({ connected: true, needsReauthentication: false });
    expect(instances.m365.smtp.received().map((mail) => mail.authUser)).toEqual([
      JAAN_MAILBOX.email,
      JAAN_MAILBOX.email,
      JAAN_MAILBOX.email,
    ]);
    printFigure(
      `Token refresh across 3 instances: 3 simultaneous sends → ${emulator.stats.refreshTokenGrants - before} refresh grant at the identity emulator`,
    );
  });

  it('when one bounce is delivered to every instance (the sender retried elsewhere), then it becomes one event', async () => {
    const jaan = roundRobin();
    expect((await jaan.signIn(JAAN.code, JAAN.password)).status).toBe(200);
    const messageId = await sendAsEventMailbox(jaan, JAAN);
    const bounce = postfixDsn(messageId, MAILBOX);

    const replies = await Promise.all(instances.all.map((instance) => deliverRaw(instance.inboundPort, { to: MAILBOX, raw: bounce })));

    expect(replies.map((reply) => reply.response.slice(0, 3))).toEqual(['250', '250', '250']);
    const seen = await Promise.all(instances.all.map(() => eventsOf(jaan)));
    for (const events of seen) expect(events.filter((event) => event.originalMessageId === messageId)).toHaveLength(1);
  });

  it('when one instance is killed with SIGKILL during a load of card saves, then no card is half-written and the other two keep answering', async () => {
    const jaan = roundRobin();
    expect((await jaan.signIn(JAAN.code, JAAN.password)).status).toBe(200);
    const victim = instances.all[2]!;
    const auditBefore = await instances.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('id'))
      .executeTakeFirstOrThrow();
    const outcome = { saved: 0, savedAfterKill: 0, victimFailures: 0, liveFailures: [] as string[] };
    let killed = false;
    const deadline = Date.now() + LOAD_MS;
    setTimeout(() => {
      victim.process.kill('SIGKILL');
      victim.alive = false;
      killed = true;
    }, KILL_AFTER_MS);

    await Promise.all(
      Array.from({ length: LOAD_CLIENTS }, async (_, client) => {
        for (let n = 0; Date.now() < deadline; n++) {
          const instance = instances.next();
          try {
            const answer = await apiClient(instance.url, jaan.cookie).call('PUT', '/card', card(client * 100_000 + n));
            if (answer.status !== 200) throw new Error(`${answer.status} ${answer.text}`);
            outcome.saved += 1;
            if (killed && instance !== victim) outcome.savedAfterKill += 1;
          } catch (error) {
            if (instance === victim) outcome.victimFailures += 1;
            else outcome.liveFailures.push(String(error));
          }
        }
      }),
    );

    expect(killed).toBe(true);
    expect(outcome.liveFailures).toEqual([]);
    expect(outcome.savedAfterKill).toBeGreaterThan(0);
    const stored = await instances.db
      .selectFrom('users')
      .innerJoin('mail_settings', 'mail_settings.user_id', 'users.id')
      .select(['users.name', 'users.email', 'mail_settings.smtp_host'])
      .where('users.code', '=', JAAN.code)
      .executeTakeFirstOrThrow();
    const k = numberIn(stored.name);
    expect(stored).toEqual({ name: `Kaart ${k}`, email: `kaart${k}@firma.ee`, smtp_host: `smtp${k}.example.com` });
    // Every save that committed, on any instance, committed whole.
    const saves = await instances.db
      .selectFrom('audit_log')
      .select('changes')
      .where('id', '>', auditBefore.id)
      .where('action', '=', 'card.save')
      .where('target', '=', `user:${JAAN.code}`)
      .execute();
    expect(saves.length).toBeGreaterThanOrEqual(outcome.saved);
    for (const { changes } of saves) {
      const name = changes.name?.to as string;
      expect(changes.smtpHost?.to).toBe(`smtp${numberIn(name)}.example.com`);
    }
    const shown = await jaan.call('GET', '/card');
    expect(shown.json).toMatchObject({ name: `Kaart ${k}`, mailSender: { smtp: { host: `smtp${k}.example.com` } } });
    printFigure(
      `SIGKILL during load: ${outcome.saved} card saves answered 200 (${outcome.savedAfterKill} by the two live instances after the kill), ` +
        `${outcome.victimFailures} requests lost with the killed instance, 0 failures on the live ones; ${saves.length} saves committed, all whole`,
    );
  });
});

/** ms of card saves, and when into it the third instance is killed. */
const LOAD_MS = 4_000;
const KILL_AFTER_MS = 1_500;
const LOAD_CLIENTS = 6;

/** Card `k`: every field that a save writes carries k, so a half-written card would show two numbers. */
const card = (k: number) => ({
  name: `Kaart ${k}`,
  email: `kaart${k}@firma.ee`,
  mailSender: {
    mode: 'smtp',
    smtp: { host: `smtp${k}.example.com`, port: 587, security: 'starttls', user: '', password: '', clearPassword: false },
  },
});

const numberIn = (text: string) => Number(/\d+/.exec(text)?.[0]);

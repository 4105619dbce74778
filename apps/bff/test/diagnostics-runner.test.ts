import { diagnoseFailure, type StepEvent } from '@saatja/core';
import { createLocalTls, startSmtpServer, type LocalSmtpServer, type TlsMaterial, type XOAuth2Verdict } from '@saatja/local-servers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_TIMEOUTS, runCheck, type CheckTarget } from '../src/diagnostics/run-check';
import { diagnosisOf, rawServer, smtpServer, startScenario, stepResults, type Scenario } from './support/diagnostics';

/**
 * The step runner on its own, against real servers: token logins (the card's Microsoft 365 mode
 * gets its token elsewhere) and silent ports, with timeouts short enough for a test (ms).
 */
const TIMEOUTS = { ...CHECK_TIMEOUTS, greetingMs: 3_000, tlsMs: 5_000, probeMs: 5_000 };
const SLOW_TEST_MS = 60_000;

let material: TlsMaterial;
const stops: (() => Promise<void>)[] = [];
let scenario: Scenario | null = null;

beforeAll(async () => {
  material = await createLocalTls();
});

afterEach(async () => {
  await scenario?.close();
  scenario = null;
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function check(target: Partial<CheckTarget> & Pick<CheckTarget, 'port' | 'security'>) {
  const events: StepEvent[] = [];
  const outcome = await runCheck(
    { target: { host: 'localhost', tls: { ca: [material.ca] }, auth: null, ...target }, envelope: null, timeouts: TIMEOUTS },
    (event) => events.push(event),
  );
  return { events, outcome, diagnosis: outcome.ok ? null : diagnoseFailure(outcome.failure, outcome.context) };
}

async function xoauth2Server(verdict: XOAuth2Verdict): Promise<LocalSmtpServer> {
  const server = await startSmtpServer({ security: 'starttls', tls: material, authenticateXOAuth2: async () => verdict });
  stops.push(() => server.close());
  return server;
}

describe('token logins (XOAUTH2)', () => {
  it('when the server answers the token with a 334 challenge, then authChallenge shows the decoded JSON', async () => {
    const challenge = { status: '400', schemes: 'Bearer', scope: 'https://outlook.office.com/SMTP.Send' };
    const server = await xoauth2Server({ ok: false, challenge });

    const { events, diagnosis } = await check({
      port: server.port,
      security: 'starttls',
      auth: { user: 'mari@firma.ee', accessToken: 'token-of-the-wrong-audience' },
    });

    expect(events.at(-1)).toMatchObject({ step: 'auth', status: 'failed' });
    expect(diagnosis).toMatchObject({
      failureClass: 'authChallenge',
      messageKey: 'diagnostics.failure.authChallenge',
      params: { challenge },
    });
    expect(JSON.stringify(events)).not.toContain('token-of-the-wrong-audience');
  });

  it('when Microsoft refuses the token with 535 5.7.3, then it is authM365WrongAccount', async () => {
    const server = await xoauth2Server({ ok: false, responseCode: 535, message: '5.7.3 Authentication unsuccessful' });

    const { diagnosis } = await check({
      port: server.port,
      security: 'starttls',
      auth: { user: 'mari@firma.ee', accessToken: 'graph-token' },
    });

    expect(diagnosis).toMatchObject({ failureClass: 'authM365WrongAccount', params: { command: 'AUTH XOAUTH2', enhancedCode: '5.7.3' } });
  });

  it('when the token is accepted, then the AUTH step names XOAUTH2 and the user', async () => {
    const server = await xoauth2Server({ ok: true });

    const { events, outcome } = await check({
      port: server.port,
      security: 'starttls',
      auth: { user: 'mari@firma.ee', accessToken: 'good' },
    });

    expect(outcome.ok).toBe(true);
    expect(events).toContainEqual(
      expect.objectContaining({ step: 'auth', status: 'ok', detail: { mechanism: 'XOAUTH2', user: 'mari@firma.ee' } }),
    );
  });
});

describe('silent ports', () => {
  it(
    'when a port accepts and never answers, then the greeting step fails with noGreeting, not a guess about TLS',
    async () => {
      const silent = await rawServer();
      stops.push(() => silent.close());

      const { events, diagnosis } = await check({ port: silent.port, security: 'starttls' });

      expect(stepResults(events)).toEqual([
        ['dns', 'ok'],
        ['tcp', 'ok'],
        ['greeting', 'failed'],
      ]);
      expect(diagnosis).toMatchObject({ failureClass: 'noGreeting', messageKey: 'diagnostics.failure.noGreeting' });
    },
    SLOW_TEST_MS,
  );

  it(
    'when SSL is chosen and the port accepts but never answers, then the TLS step fails with noGreeting',
    async () => {
      const silent = await rawServer();
      stops.push(() => silent.close());

      const { events, diagnosis } = await check({ port: silent.port, security: 'ssl' });

      expect(stepResults(events).at(-1)).toEqual(['tls', 'failed']);
      expect(diagnosis?.failureClass).toBe('noGreeting');
    },
    SLOW_TEST_MS,
  );

  it(
    'when STARTTLS is chosen for an implicit-TLS port, then the app waits for the greeting, probes with SSL and says plainOnSslPort',
    async () => {
      const server = await smtpServer(material, { security: 'ssl' });
      scenario = await startScenario(material, { port: server.port, security: 'starttls', user: '' }, [() => server.close()]);

      const { events } = await scenario.check('dryRun');

      expect(stepResults(events)).toEqual([
        ['dns', 'ok'],
        ['tcp', 'ok'],
        ['greeting', 'failed'],
      ]);
      expect(diagnosisOf(events)).toMatchObject({ failureClass: 'plainOnSslPort', fixKey: 'diagnostics.fix.plainOnSslPort' });
    },
    SLOW_TEST_MS,
  );
});

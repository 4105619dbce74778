import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveEffectiveConfig, type MailProfile } from '../src/effective-config';
import { senderModes, tlsModes } from '../src/mail-settings';
import { deployment } from './fixtures';

// Few distinct values, so users and global users often share hosts, ports, user names and codes.
const savedSmtpArb: fc.Arbitrary<NonNullable<MailProfile['smtp']>> = fc.record({
  host: fc.constantFrom<string | null>(null, 'smtp.firma.ee', 'smtp.gmail.com', 'smtp.office365.com'),
  port: fc.constantFrom(25, 465, 587),
  security: fc.constantFrom(...tlsModes),
  user: fc.constantFrom('', 'mari@firma.ee', 'info@firma.ee'),
  hasPassword: fc.boolean(),
});

const profileArb: fc.Arbitrary<MailProfile> = fc.record({
  code: fc.constantFrom('MARI', 'JAAN', 'GLOBAL'),
  name: fc.constantFrom('Mari', 'Jaan'),
  email: fc.constantFrom('mari@firma.ee', 'jaan@firma.ee'),
  mode: fc.constantFrom(...senderModes),
  smtp: fc.option(savedSmtpArb, { nil: null }),
});

const pairArb = fc.tuple(profileArb, fc.option(profileArb, { nil: null }));

const serverOf = (smtp: { host: string | null; port: number; security: string }) => ({
  host: smtp.host,
  port: smtp.port,
  security: smtp.security,
});

const resolve = (user: MailProfile, global: MailProfile | null) => resolveEffectiveConfig(user, global, deployment);

describe('resolveEffectiveConfig invariants', () => {
  it('when a credential is sent, then it goes to the server it was saved for', () => {
    fc.assert(
      fc.property(pairArb, ([user, global]) => {
        const { transport } = resolve(user, global);
        if (transport.kind !== 'smtp' || !transport.credentials) return;
        const sentTo = serverOf(transport);
        if (transport.credentials.owner === 'own') {
          expect(user.mode).toBe('smtp');
          expect(transport.credentials.user).toBe(user.smtp?.user);
          if (user.smtp?.host != null) {
            expect(sentTo).toEqual(serverOf(user.smtp));
          } else {
            // Credentials only: bound to the global user's server, never one the user typed.
            expect(user.smtp?.host).toBeNull();
            expect(user.smtp?.hasPassword).toBe(true);
            expect(global).not.toBeNull();
            expect(global?.code).not.toBe(user.code);
            expect(global?.mode).toBe('smtp');
            expect(sentTo).toEqual(serverOf(global!.smtp!));
          }
        } else {
          expect(global?.mode).toBe('smtp');
          expect(global?.code).not.toBe(user.code);
          expect(transport.credentials.user).toBe(global?.smtp?.user);
          expect(sentTo).toEqual(serverOf(global!.smtp!));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("when the chosen server's user name is empty and no override applies, then no credentials are sent", () => {
    fc.assert(
      fc.property(pairArb, ([user, global]) => {
        const config = resolve(user, global);
        const { transport } = config;
        if (transport.kind !== 'smtp') return;
        const chosen = config.provenance.server === 'own' ? user : global!;
        const overridden = config.provenance.server === 'global' && config.provenance.credentials === 'own';
        if (chosen.smtp?.user === '' && !overridden) {
          expect(transport.credentials).toBeNull();
          expect(config.provenance.credentials).toBe('none');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("when the user has an own server, then the global user's credentials are never used", () => {
    fc.assert(
      fc.property(pairArb, ([user, global]) => {
        const { transport, provenance } = resolve(user, global);
        const ownServer = user.mode === 'm365' || (user.mode === 'smtp' && user.smtp?.host != null);
        if (!ownServer) return;
        expect(provenance.server).toBe('own');
        expect(transport.kind === 'relay' ? null : transport.kind === 'm365' ? transport.owner : transport.credentials?.owner).not.toBe(
          'global',
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('when the user chose replyTo, then mail never goes through smtp or m365', () => {
    fc.assert(
      fc.property(pairArb, ([user, global]) => {
        const config = resolve({ ...user, mode: 'replyTo' }, global);
        expect(config.transport).toEqual({ kind: 'relay' });
        expect(config.replyTo).toBe(user.email);
        expect(config.provenance).toEqual({ server: 'vendor', credentials: 'none', globalUserCode: null });
      }),
      { numRuns: 500 },
    );
  });

  it('when any configuration resolves, then provenance agrees with the transport', () => {
    fc.assert(
      fc.property(pairArb, ([user, global]) => {
        const { transport, provenance, massMail, from } = resolve(user, global);
        expect(massMail).toBe(transport.kind !== 'relay');
        expect(provenance.server === 'vendor').toBe(transport.kind === 'relay');
        expect(provenance.globalUserCode).toBe(provenance.server === 'global' ? global?.code : null);
        const owner = transport.kind === 'relay' ? 'none' : transport.kind === 'm365' ? transport.owner : (transport.credentials?.owner ?? 'none');
        expect(provenance.credentials).toBe(owner);
        if (transport.kind === 'm365') {
          const m365User = transport.owner === 'own' ? user : global!;
          expect(m365User.mode).toBe('m365');
        }
        if (user.mode !== 'replyTo') expect(from).toEqual({ name: user.name, address: user.email });
      }),
      { numRuns: 1000 },
    );
  });
});

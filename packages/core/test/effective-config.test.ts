import { describe, expect, it } from 'vitest';
import {
  assertNever,
  hasOwnServer,
  resolveEffectiveConfig,
  type EffectiveConfig,
  type MailProfile,
} from '../src/effective-config';
import type { SenderMode } from '../src/mail-settings';
import { deployment, globalProfile, profile, savedSmtp } from './fixtures';

const relayFromOwn: EffectiveConfig = {
  transport: { kind: 'relay' },
  from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
  replyTo: null,
  massMail: false,
  provenance: { server: 'vendor', credentials: 'none', globalUserCode: null },
};

const globalSmtp = { kind: 'smtp', host: 'smtp.firma.ee', port: 465, security: 'ssl' } as const;

interface Row {
  when: string;
  then: string;
  user: MailProfile;
  global: MailProfile | null;
  expected: EffectiveConfig;
}

const rows: Row[] = [
  {
    when: 'the user chose replyTo',
    then: 'the relay sends From the company event mailbox with Reply-To the user',
    user: profile({ mode: 'replyTo' }),
    global: globalProfile(),
    expected: {
      transport: { kind: 'relay' },
      from: { name: 'Mari Maasikas', address: 'ounapuupoderou@event.data.directo.ee' },
      replyTo: 'mari@firma.ee',
      massMail: false,
      provenance: { server: 'vendor', credentials: 'none', globalUserCode: null },
    },
  },
  {
    when: 'the user chose replyTo and saved an own SMTP server earlier',
    then: 'the saved server is ignored and the relay sends',
    user: profile({ mode: 'replyTo', smtp: savedSmtp() }),
    global: null,
    expected: {
      transport: { kind: 'relay' },
      from: { name: 'Mari Maasikas', address: 'ounapuupoderou@event.data.directo.ee' },
      replyTo: 'mari@firma.ee',
      massMail: false,
      provenance: { server: 'vendor', credentials: 'none', globalUserCode: null },
    },
  },
  {
    when: 'the user has an own SMTP server with a user name',
    then: 'the own server sends with the own credentials',
    user: profile({ mode: 'smtp', smtp: savedSmtp() }),
    global: globalProfile(),
    expected: {
      transport: {
        kind: 'smtp',
        host: 'smtp.mari.ee',
        port: 587,
        security: 'starttls',
        credentials: { user: 'mari@mari.ee', owner: 'own' },
      },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'own', globalUserCode: null },
    },
  },
  {
    when: 'the user has an own SMTP server without a user name',
    then: 'the own server sends without authentication',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ user: '', hasPassword: false, security: 'none', port: 25 }) }),
    global: globalProfile(),
    expected: {
      transport: { kind: 'smtp', host: 'smtp.mari.ee', port: 25, security: 'none', credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'none', globalUserCode: null },
    },
  },
  {
    when: 'the user chose m365 with a saved user name',
    then: 'Microsoft 365 sends as that user with own credentials',
    user: profile({ mode: 'm365', smtp: savedSmtp({ host: 'smtp.office365.com', user: 'mari@firma.onmicrosoft.com' }) }),
    global: globalProfile(),
    expected: {
      transport: { kind: 'm365', user: 'mari@firma.onmicrosoft.com', owner: 'own' },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'own', globalUserCode: null },
    },
  },
  {
    when: 'the user chose m365 without saved SMTP fields',
    then: 'Microsoft 365 sends as the card e-mail',
    user: profile({ mode: 'm365', smtp: null }),
    global: null,
    expected: {
      transport: { kind: 'm365', user: 'mari@firma.ee', owner: 'own' },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'own', globalUserCode: null },
    },
  },
  {
    when: 'the user chose m365 with an empty saved user name',
    then: 'Microsoft 365 sends as the card e-mail',
    user: profile({ mode: 'm365', smtp: savedSmtp({ user: '' }) }),
    global: null,
    expected: {
      transport: { kind: 'm365', user: 'mari@firma.ee', owner: 'own' },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'own', globalUserCode: null },
    },
  },
  {
    when: 'a global user is set and the user is in default mode',
    then: 'the global server sends with the global credentials',
    user: profile({ mode: 'default' }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: { user: 'info@firma.ee', owner: 'global' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'global', globalUserCode: 'GLOBAL' },
    },
  },
  {
    when: 'a global user is set and the user in default mode kept old credentials-only SMTP fields',
    then: 'the global credentials are used, not the stale own ones',
    user: profile({ mode: 'default', smtp: savedSmtp({ host: null }) }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: { user: 'info@firma.ee', owner: 'global' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'global', globalUserCode: 'GLOBAL' },
    },
  },
  {
    when: 'a global user without authentication is set',
    then: 'the global server sends without credentials',
    user: profile(),
    global: globalProfile({ smtp: savedSmtp({ host: 'relay.firma.ee', port: 25, security: 'none', user: '', hasPassword: false }) }),
    expected: {
      transport: { kind: 'smtp', host: 'relay.firma.ee', port: 25, security: 'none', credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'none', globalUserCode: 'GLOBAL' },
    },
  },
  {
    when: 'the user saved credentials only and the global user has an SMTP server',
    then: 'the global server sends with the own credentials',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null, user: 'mari@firma.ee' }) }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: { user: 'mari@firma.ee', owner: 'own' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'own', globalUserCode: 'GLOBAL' },
    },
  },
  {
    when: 'the user saved credentials only and the global server needs no authentication',
    then: 'the global server sends with the own credentials',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null, user: 'mari@firma.ee' }) }),
    global: globalProfile({ smtp: savedSmtp({ host: 'relay.firma.ee', user: '', hasPassword: false }) }),
    expected: {
      transport: {
        kind: 'smtp',
        host: 'relay.firma.ee',
        port: 587,
        security: 'starttls',
        credentials: { user: 'mari@firma.ee', owner: 'own' },
      },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'own', globalUserCode: 'GLOBAL' },
    },
  },
  {
    when: 'the user saved a credentials-only user name without a password',
    then: 'the global credentials are used',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null, hasPassword: false }) }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: { user: 'info@firma.ee', owner: 'global' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'global', globalUserCode: 'GLOBAL' },
    },
  },
  {
    when: 'the user chose smtp with neither server nor user name',
    then: 'the global credentials are used',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null, user: '', hasPassword: false }) }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: { user: 'info@firma.ee', owner: 'global' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'global', globalUserCode: 'GLOBAL' },
    },
  },
  {
    when: 'the user chose smtp without any saved SMTP fields',
    then: 'the global server sends with the global credentials',
    user: profile({ mode: 'smtp', smtp: null }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: { user: 'info@firma.ee', owner: 'global' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'global', globalUserCode: 'GLOBAL' },
    },
  },
  {
    when: 'the user saved credentials only and the global user uses m365',
    then: "the global user's Microsoft 365 sends and the own credentials are not used",
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null }) }),
    global: globalProfile({ mode: 'm365', smtp: null }),
    expected: {
      transport: { kind: 'm365', user: 'info@firma.ee', owner: 'global' },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'global', globalUserCode: 'GLOBAL' },
    },
  },
  {
    when: 'the global user uses m365 with a saved user name',
    then: 'Microsoft 365 sends as the global mailbox',
    user: profile(),
    global: globalProfile({ mode: 'm365', smtp: savedSmtp({ user: 'saatja@firma.onmicrosoft.com' }) }),
    expected: {
      transport: { kind: 'm365', user: 'saatja@firma.onmicrosoft.com', owner: 'global' },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'global', globalUserCode: 'GLOBAL' },
    },
  },
  ...(['default', 'replyTo'] as const).map(
    (mode): Row => ({
      when: `the global user is in ${mode} mode`,
      then: 'the relay sends',
      user: profile(),
      global: globalProfile({ mode }),
      expected: relayFromOwn,
    }),
  ),
  {
    when: 'the global user chose smtp but saved credentials only',
    then: 'the relay sends',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null }) }),
    global: globalProfile({ smtp: savedSmtp({ host: null }) }),
    expected: relayFromOwn,
  },
  {
    when: 'the global user chose smtp without saved SMTP fields',
    then: 'the relay sends',
    user: profile(),
    global: globalProfile({ smtp: null }),
    expected: relayFromOwn,
  },
  {
    when: 'the user is the global user and has no own server',
    then: 'the relay sends',
    user: profile({ code: 'GLOBAL', mode: 'smtp', smtp: savedSmtp({ host: null }) }),
    global: globalProfile(),
    expected: relayFromOwn,
  },
  {
    when: 'the user is the global user with an own server',
    then: 'the own server sends with own credentials',
    user: globalProfile({ name: 'Mari Maasikas', email: 'mari@firma.ee' }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: { user: 'info@firma.ee', owner: 'own' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'own', globalUserCode: null },
    },
  },
  {
    when: 'no global user is set and the user is in default mode',
    then: 'the relay sends From the user e-mail',
    user: profile(),
    global: null,
    expected: relayFromOwn,
  },
  {
    when: 'no global user is set and the user saved credentials only',
    then: 'the relay sends and the credentials are not used',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null }) }),
    global: null,
    expected: relayFromOwn,
  },
];

describe('resolveEffectiveConfig', () => {
  it.each(rows)('when $when, then $then', ({ user, global, expected }) => {
    expect(resolveEffectiveConfig(user, global, deployment)).toEqual(expected);
  });

  it.each([
    { mode: 'default', massMail: true },
    { mode: 'replyTo', massMail: false },
    { mode: 'm365', massMail: true },
  ] as const)('when a global user is set and the user is in $mode mode, then massMail is $massMail', ({ mode, massMail }) => {
    expect(resolveEffectiveConfig(profile({ mode }), globalProfile(), deployment).massMail).toBe(massMail);
  });

  it('when the deployment has another event domain and company, then the replyTo From follows them', () => {
    const config = resolveEffectiveConfig(profile({ mode: 'replyTo' }), null, {
      eventDomain: 'events.example.test',
      companyName: 'ACME 24/7 OÜ',
    });
    expect(config.from.address).toBe('acme247ou@events.example.test');
  });
});

describe('hasOwnServer', () => {
  it.each<{ mode: SenderMode; saved: string; smtp: MailProfile['smtp']; expected: boolean }>([
    { mode: 'smtp', saved: 'a server', smtp: savedSmtp(), expected: true },
    { mode: 'smtp', saved: 'credentials only', smtp: savedSmtp({ host: null }), expected: false },
    { mode: 'smtp', saved: 'nothing', smtp: null, expected: false },
    { mode: 'm365', saved: 'nothing', smtp: null, expected: true },
    { mode: 'default', saved: 'a server', smtp: savedSmtp(), expected: false },
    { mode: 'replyTo', saved: 'a server', smtp: savedSmtp(), expected: false },
  ])('when mode is $mode with $saved saved, then it is $expected', ({ mode, smtp, expected }) => {
    expect(hasOwnServer(profile({ mode, smtp }))).toBe(expected);
  });

  it('when the mode is unknown, then it throws', () => {
    expect(() => hasOwnServer(profile({ mode: 'pigeon' as SenderMode }))).toThrow('Unexpected value: pigeon');
  });
});

describe('assertNever', () => {
  it('when called, then it throws naming the value', () => {
    expect(() => assertNever('x' as never)).toThrow('Unexpected value: x');
  });
});

import { describe, expect, it } from 'vitest';
import {
  assertNever,
  hasOwnServer,
  resolveEffectiveConfig,
  sameServer,
  type EffectiveConfig,
  type MailProfile,
  type ServerRef,
} from '../src/effective-config';
import type { SenderMode } from '../src/mail-sender';
import { deployment, globalProfile, globalServer, profile, savedSmtp } from './fixtures';

const relayFromOwn: EffectiveConfig = {
  transport: { kind: 'relay' },
  from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
  replyTo: null,
  massMail: false,
  provenance: { server: 'vendor', credentials: 'none', globalUserCode: null },
  passwordNeeded: false,
};

const globalSmtp = { kind: 'smtp', host: 'smtp.firma.ee', port: 465, security: 'ssl' } as const;

/** A server the global mail user used before the admin moved it to `globalServer`. */
const oldGlobalServer: ServerRef = { host: 'mail.firma.ee', port: 587, security: 'starttls' };

/** The user's own server in `savedSmtp()`. */
const mariServer: ServerRef = { host: 'smtp.mari.ee', port: 587, security: 'starttls' };

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
      passwordNeeded: false,
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
      passwordNeeded: false,
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
      passwordNeeded: false,
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
      passwordNeeded: false,
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
      passwordNeeded: false,
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
      passwordNeeded: false,
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
      passwordNeeded: false,
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
      passwordNeeded: false,
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
      passwordNeeded: false,
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
      passwordNeeded: false,
    },
  },
  {
    when: 'the user saved credentials only for the global SMTP server',
    then: 'the global server sends with the own credentials',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null, user: 'mari@firma.ee' }) }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: { user: 'mari@firma.ee', owner: 'own' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'own', globalUserCode: 'GLOBAL' },
      passwordNeeded: false,
    },
  },
  {
    when: 'the user saved credentials only for the global server, which needs no authentication',
    then: 'the global server sends with the own credentials',
    user: profile({
      mode: 'smtp',
      smtp: savedSmtp({
        host: null,
        user: 'mari@firma.ee',
        credentialsFor: { host: 'relay.firma.ee', port: 587, security: 'starttls' },
      }),
    }),
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
      passwordNeeded: false,
    },
  },
  {
    when: 'the user saved a credentials-only user name without a password',
    then: 'no credentials are sent, not even the global ones, and the password is needed',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null, hasPassword: false }) }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'none', globalUserCode: 'GLOBAL' },
      passwordNeeded: true,
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
      passwordNeeded: false,
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
      passwordNeeded: false,
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
      passwordNeeded: false,
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
      passwordNeeded: false,
    },
  },
  ...(['default', 'replyTo'] as const).map((mode): Row => ({
    when: `the global user is in ${mode} mode`,
    then: 'the relay sends',
    user: profile(),
    global: globalProfile({ mode }),
    expected: relayFromOwn,
  })),
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
      passwordNeeded: false,
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
  // A saved password is bound to the server it was entered for (SPEC §3 invariant).
  {
    when: 'the user has an own SMTP server whose password was saved for another server',
    then: 'the own server sends without credentials and the password is needed',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ credentialsFor: { host: 'smtp.zone.eu', port: 587, security: 'starttls' } }) }),
    global: globalProfile(),
    expected: {
      transport: { kind: 'smtp', ...mariServer, credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'none', globalUserCode: null },
      passwordNeeded: true,
    },
  },
  ...(
    [
      { what: 'the same host on another port', credentialsFor: { ...mariServer, port: 465 } },
      { what: 'the same host and port with another security', credentialsFor: { ...mariServer, security: 'ssl' } },
      { what: 'the global server', credentialsFor: globalServer },
      { what: 'no server at all', credentialsFor: null },
    ] satisfies { what: string; credentialsFor: ServerRef | null }[]
  ).map(({ what, credentialsFor }): Row => ({
    when: `the user has an own SMTP server whose password was saved for ${what}`,
    then: 'neither the own nor the global credentials are sent and the password is needed',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ credentialsFor }) }),
    global: globalProfile(),
    expected: {
      transport: { kind: 'smtp', ...mariServer, credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'none', globalUserCode: null },
      passwordNeeded: true,
    },
  })),
  {
    when: 'the user has an own SMTP server whose password was saved for the same host in other letter case',
    then: 'the own server sends with the own credentials',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: 'SMTP.Mari.EE', credentialsFor: mariServer }) }),
    global: null,
    expected: {
      transport: { kind: 'smtp', ...mariServer, host: 'SMTP.Mari.EE', credentials: { user: 'mari@mari.ee', owner: 'own' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'own', globalUserCode: null },
      passwordNeeded: false,
    },
  },
  {
    when: 'the user has an own SMTP server with a user name but no saved password',
    then: 'the own server sends without credentials and the password is needed',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ hasPassword: false }) }),
    global: globalProfile(),
    expected: {
      transport: { kind: 'smtp', ...mariServer, credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'none', globalUserCode: null },
      passwordNeeded: true,
    },
  },
  {
    when: 'the user has an own SMTP server without a user name but a leftover password for it',
    then: 'the own server sends without authentication and no password is needed',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ user: '' }) }),
    global: globalProfile(),
    expected: {
      transport: { kind: 'smtp', ...mariServer, credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'none', globalUserCode: null },
      passwordNeeded: false,
    },
  },
  {
    when: 'the user chose m365 and the saved SMTP password is bound to no server',
    then: 'Microsoft 365 sends and no password is needed',
    user: profile({
      mode: 'm365',
      smtp: savedSmtp({ host: 'smtp.office365.com', user: 'mari@firma.onmicrosoft.com', credentialsFor: null }),
    }),
    global: globalProfile(),
    expected: {
      transport: { kind: 'm365', user: 'mari@firma.onmicrosoft.com', owner: 'own' },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: 'own', globalUserCode: null },
      passwordNeeded: false,
    },
  },
  {
    when: 'the user chose replyTo and the saved own server password belongs to another server',
    then: 'the relay sends and no password is needed',
    user: profile({ mode: 'replyTo', smtp: savedSmtp({ credentialsFor: null }) }),
    global: globalProfile(),
    expected: {
      transport: { kind: 'relay' },
      from: { name: 'Mari Maasikas', address: 'ounapuupoderou@event.data.directo.ee' },
      replyTo: 'mari@firma.ee',
      massMail: false,
      provenance: { server: 'vendor', credentials: 'none', globalUserCode: null },
      passwordNeeded: false,
    },
  },
  {
    when: 'no global user is set and the user in default mode kept an own server whose password belongs elsewhere',
    then: 'the relay sends and no password is needed',
    user: profile({ mode: 'default', smtp: savedSmtp({ credentialsFor: null }) }),
    global: null,
    expected: relayFromOwn,
  },
  // Credentials only: the own user/password with the global server, only if saved for that server.
  {
    when: 'the user saved credentials only for an old global server and the admin moved the global server since',
    then: 'the new global server gets no credentials, not even the global ones, and the password is needed',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null, user: 'mari@firma.ee', credentialsFor: oldGlobalServer }) }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'none', globalUserCode: 'GLOBAL' },
      passwordNeeded: true,
    },
  },
  ...(
    [
      { what: 'the global host on another port', credentialsFor: { ...globalServer, port: 587 } },
      { what: 'the global host and port with another security', credentialsFor: { ...globalServer, security: 'starttls' } },
      { what: 'no server at all', credentialsFor: null },
    ] satisfies { what: string; credentialsFor: ServerRef | null }[]
  ).map(({ what, credentialsFor }): Row => ({
    when: `the user saved credentials only for ${what}`,
    then: 'the global server gets no credentials and the password is needed',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null, user: 'mari@firma.ee', credentialsFor }) }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'none', globalUserCode: 'GLOBAL' },
      passwordNeeded: true,
    },
  })),
  {
    when: 'the user saved credentials only for the global host in other letter case',
    then: 'the global server sends with the own credentials',
    user: profile({
      mode: 'smtp',
      smtp: savedSmtp({ host: null, user: 'mari@firma.ee', credentialsFor: { ...globalServer, host: 'SMTP.FIRMA.EE' } }),
    }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: { user: 'mari@firma.ee', owner: 'own' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'own', globalUserCode: 'GLOBAL' },
      passwordNeeded: false,
    },
  },
  {
    when: 'the user saved credentials only for an old server and the global server now needs no authentication',
    then: 'the global server sends without credentials and the password is needed',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null, user: 'mari@firma.ee', credentialsFor: oldGlobalServer }) }),
    global: globalProfile({ smtp: savedSmtp({ host: 'relay.firma.ee', port: 25, security: 'none', user: '', hasPassword: false }) }),
    expected: {
      transport: { kind: 'smtp', host: 'relay.firma.ee', port: 25, security: 'none', credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'none', globalUserCode: 'GLOBAL' },
      passwordNeeded: true,
    },
  },
  {
    when: 'the user saved credentials only for an old server and the global user now uses m365',
    then: "the global user's Microsoft 365 sends and no password is needed",
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null, credentialsFor: oldGlobalServer }) }),
    global: globalProfile({ mode: 'm365', smtp: null }),
    expected: {
      transport: { kind: 'm365', user: 'info@firma.ee', owner: 'global' },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'global', globalUserCode: 'GLOBAL' },
      passwordNeeded: false,
    },
  },
  {
    when: 'a global user is set and the user in default mode kept credentials-only fields bound to an old server',
    then: 'the global credentials are used and no password is needed',
    user: profile({ mode: 'default', smtp: savedSmtp({ host: null, credentialsFor: oldGlobalServer }) }),
    global: globalProfile(),
    expected: {
      transport: { ...globalSmtp, credentials: { user: 'info@firma.ee', owner: 'global' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'global', globalUserCode: 'GLOBAL' },
      passwordNeeded: false,
    },
  },
  // The global user's own password is bound to the global server too.
  {
    when: "the global user's password was saved for an old server and the admin moved the global server since",
    then: 'the inheriting user gets no credentials and the password is needed',
    user: profile(),
    global: globalProfile({ smtp: savedSmtp({ ...globalServer, user: 'info@firma.ee', credentialsFor: oldGlobalServer }) }),
    expected: {
      transport: { ...globalSmtp, credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'none', globalUserCode: 'GLOBAL' },
      passwordNeeded: true,
    },
  },
  {
    when: 'the global user names a user but saved no password',
    then: 'the inheriting user gets no credentials and the password is needed',
    user: profile(),
    global: globalProfile({ smtp: savedSmtp({ ...globalServer, user: 'info@firma.ee', hasPassword: false }) }),
    expected: {
      transport: { ...globalSmtp, credentials: null },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'none', globalUserCode: 'GLOBAL' },
      passwordNeeded: true,
    },
  },
  {
    when: "the global user's password belongs to an old server but the user saved credentials only for the current one",
    then: 'the global server sends with the own credentials and no password is needed',
    user: profile({ mode: 'smtp', smtp: savedSmtp({ host: null, user: 'mari@firma.ee' }) }),
    global: globalProfile({ smtp: savedSmtp({ ...globalServer, user: 'info@firma.ee', credentialsFor: oldGlobalServer }) }),
    expected: {
      transport: { ...globalSmtp, credentials: { user: 'mari@firma.ee', owner: 'own' } },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'own', globalUserCode: 'GLOBAL' },
      passwordNeeded: false,
    },
  },
  {
    when: 'the global user is in m365 mode and its saved SMTP password is bound to no server',
    then: 'Microsoft 365 sends as the global mailbox and no password is needed',
    user: profile(),
    global: globalProfile({ mode: 'm365', smtp: savedSmtp({ user: 'saatja@firma.onmicrosoft.com', credentialsFor: null }) }),
    expected: {
      transport: { kind: 'm365', user: 'saatja@firma.onmicrosoft.com', owner: 'global' },
      from: { name: 'Mari Maasikas', address: 'mari@firma.ee' },
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: 'global', globalUserCode: 'GLOBAL' },
      passwordNeeded: false,
    },
  },
  {
    when: 'the user is the global user without an own server and saved credentials only for an old server',
    then: 'the relay sends and no password is needed',
    user: profile({ code: 'GLOBAL', mode: 'smtp', smtp: savedSmtp({ host: null, credentialsFor: oldGlobalServer }) }),
    global: globalProfile(),
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

describe('sameServer', () => {
  const a: ServerRef = { host: 'smtp.firma.ee', port: 465, security: 'ssl' };

  it.each<{ what: string; left: ServerRef | null; right: ServerRef | null; expected: boolean }>([
    { what: 'equal servers', left: a, right: { ...a }, expected: true },
    { what: 'hosts differing only in letter case', left: a, right: { ...a, host: 'SMTP.Firma.EE' }, expected: true },
    { what: 'another host', left: a, right: { ...a, host: 'smtp.firma.ee.evil.example' }, expected: false },
    { what: 'another port', left: a, right: { ...a, port: 587 }, expected: false },
    { what: 'another security', left: a, right: { ...a, security: 'starttls' }, expected: false },
    { what: 'null on the left', left: null, right: a, expected: false },
    { what: 'null on the right', left: a, right: null, expected: false },
    { what: 'null on both sides', left: null, right: null, expected: false },
  ])('when comparing $what, then it is $expected both ways', ({ left, right, expected }) => {
    expect(sameServer(left, right)).toBe(expected);
    expect(sameServer(right, left)).toBe(expected);
  });
});

describe('assertNever', () => {
  it('when called, then it throws naming the value', () => {
    expect(() => assertNever('x' as never)).toThrow('Unexpected value: x');
  });
});

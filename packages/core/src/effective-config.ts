import { companySlug } from './company-slug';
import type { SenderMode, TlsMode } from './mail-sender';

/** A server as a saved password is bound to it: host, port and security. */
export interface ServerRef {
  host: string;
  port: number;
  security: TlsMode;
}

export function sameServer(a: ServerRef | null, b: ServerRef | null): boolean {
  return a !== null && b !== null && a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.security === b.security;
}

/** What the resolution needs to know of one user's card. */
export interface MailProfile {
  code: string;
  name: string;
  email: string;
  mode: SenderMode;
  /** Saved SMTP fields; host is null for a "credentials only" card (SPEC §3 step 3). */
  smtp: {
    host: string | null;
    port: number;
    security: TlsMode;
    user: string;
    hasPassword: boolean;
    /** The server the saved password was entered for; it is never sent anywhere else. */
    credentialsFor: ServerRef | null;
  } | null;
}

export interface DeploymentMail {
  eventDomain: string;
  companyName: string;
}

export type Owner = 'own' | 'global';

export type EffectiveTransport =
  | { kind: 'relay' }
  | {
      kind: 'smtp';
      host: string;
      port: number;
      security: TlsMode;
      /** Whose saved credentials authenticate; null = the server needs no authentication. */
      credentials: { user: string; owner: Owner } | null;
    }
  | { kind: 'm365'; user: string; owner: Owner };

export interface EffectiveConfig {
  transport: EffectiveTransport;
  from: { name: string; address: string };
  replyTo: string | null;
  /** Own-server sending enables the mass-mail module (SPEC §1). */
  massMail: boolean;
  provenance: {
    server: 'own' | 'global' | 'vendor';
    credentials: 'own' | 'global' | 'none';
    globalUserCode: string | null;
  };
  /**
   * The card names a user, but its saved password belongs to another server (the global mail
   * user's server changed since): the password must be entered again; nothing is sent meanwhile.
   */
  passwordNeeded: boolean;
}

/** A card whose own configuration decides where its mail goes (SPEC §3 step 2). */
export function hasOwnServer(profile: MailProfile): boolean {
  switch (profile.mode) {
    case 'm365':
      return true;
    case 'smtp':
      return profile.smtp?.host != null;
    case 'default':
    case 'replyTo':
      return false;
    default:
      return assertNever(profile.mode);
  }
}

/** A card that fills only User/Password, so the server comes from the global mail user. */
function isCredentialsOnly(profile: MailProfile): boolean {
  return profile.mode === 'smtp' && profile.smtp !== null && profile.smtp.host === null && profile.smtp.user !== '';
}

/** The saved credentials of `profile`, if they were saved for `server`. */
function credentialsAt(profile: MailProfile, server: ServerRef, owner: Owner): { user: string; owner: Owner } | null {
  const smtp = profile.smtp;
  if (!smtp || smtp.user === '' || !smtp.hasPassword || !sameServer(smtp.credentialsFor, server)) return null;
  return { user: smtp.user, owner };
}

/** The own server of a card that has one (hasOwnServer), with the credentials bound to it. */
function ownTransport(profile: MailProfile, owner: Owner): { transport: EffectiveTransport; passwordNeeded: boolean } {
  if (profile.mode === 'm365')
    return { transport: { kind: 'm365', user: profile.smtp?.user || profile.email, owner }, passwordNeeded: false };
  const smtp = profile.smtp!;
  const server = { host: smtp.host!, port: smtp.port, security: smtp.security };
  const credentials = credentialsAt(profile, server, owner);
  return { transport: { kind: 'smtp', ...server, credentials }, passwordNeeded: smtp.user !== '' && !credentials };
}

/**
 * The effective sending configuration of `user` (SPEC §3). Invariant: a credential is only ever
 * used with the server it was saved for — the global user's with the global server, the user's
 * own with their own server, or with the global server when the user saved credentials only.
 */
export function resolveEffectiveConfig(user: MailProfile, globalUser: MailProfile | null, deployment: DeploymentMail): EffectiveConfig {
  const ownFrom = { name: user.name, address: user.email };

  if (user.mode === 'replyTo') {
    return {
      transport: { kind: 'relay' },
      from: { name: user.name, address: `${companySlug(deployment.companyName)}@${deployment.eventDomain}` },
      replyTo: user.email,
      massMail: false,
      provenance: { server: 'vendor', credentials: 'none', globalUserCode: null },
      passwordNeeded: false,
    };
  }

  if (hasOwnServer(user)) {
    const { transport, passwordNeeded } = ownTransport(user, 'own');
    const authenticated = transport.kind === 'm365' || (transport.kind === 'smtp' && transport.credentials);
    return {
      transport,
      from: ownFrom,
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: authenticated ? 'own' : 'none', globalUserCode: null },
      passwordNeeded,
    };
  }

  if (globalUser && globalUser.code !== user.code && hasOwnServer(globalUser)) {
    const inherited = ownTransport(globalUser, 'global');
    let transport = inherited.transport;
    let passwordNeeded = inherited.passwordNeeded;
    if (transport.kind === 'smtp' && isCredentialsOnly(user)) {
      // The user's own credentials, but only at the server they were saved for.
      const own = credentialsAt(user, transport, 'own');
      transport = { ...transport, credentials: own };
      passwordNeeded = !own;
    }
    const credentials = transport.kind === 'relay' ? null : transport.kind === 'm365' ? transport : transport.credentials;
    return {
      transport,
      from: ownFrom,
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: credentials ? credentials.owner : 'none', globalUserCode: globalUser.code },
      passwordNeeded,
    };
  }

  return {
    transport: { kind: 'relay' },
    from: ownFrom,
    replyTo: null,
    massMail: false,
    provenance: { server: 'vendor', credentials: 'none', globalUserCode: null },
    passwordNeeded: false,
  };
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

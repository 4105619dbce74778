import { companySlug } from './company-slug';
import type { SenderMode, TlsMode } from './mail-settings';

/** What the resolution needs to know of one user's card. */
export interface MailProfile {
  code: string;
  name: string;
  email: string;
  mode: SenderMode;
  /** Saved SMTP fields; host is null for a "credentials only" card (SPEC §3 step 3). */
  smtp: { host: string | null; port: number; security: TlsMode; user: string; hasPassword: boolean } | null;
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
function credentialsOnly(profile: MailProfile): { user: string } | null {
  const smtp = profile.smtp;
  if (profile.mode !== 'smtp' || !smtp || smtp.host !== null || smtp.user === '' || !smtp.hasPassword) return null;
  return { user: smtp.user };
}

function ownTransport(profile: MailProfile, owner: Owner): EffectiveTransport {
  if (profile.mode === 'm365') return { kind: 'm365', user: profile.smtp?.user || profile.email, owner };
  const smtp = profile.smtp!;
  return {
    kind: 'smtp',
    host: smtp.host!,
    port: smtp.port,
    security: smtp.security,
    credentials: smtp.user === '' ? null : { user: smtp.user, owner },
  };
}

/**
 * The effective sending configuration of `user` (SPEC §3). Invariant: a credential is only ever
 * used with the server it was saved for — the global user's with the global server, the user's
 * own with their own server, or with the global server when the user saved credentials only.
 */
export function resolveEffectiveConfig(
  user: MailProfile,
  globalUser: MailProfile | null,
  deployment: DeploymentMail,
): EffectiveConfig {
  const ownFrom = { name: user.name, address: user.email };

  if (user.mode === 'replyTo') {
    return {
      transport: { kind: 'relay' },
      from: { name: user.name, address: `${companySlug(deployment.companyName)}@${deployment.eventDomain}` },
      replyTo: user.email,
      massMail: false,
      provenance: { server: 'vendor', credentials: 'none', globalUserCode: null },
    };
  }

  if (hasOwnServer(user)) {
    const transport = ownTransport(user, 'own');
    const authenticated = transport.kind === 'm365' || (transport.kind === 'smtp' && transport.credentials);
    return {
      transport,
      from: ownFrom,
      replyTo: null,
      massMail: true,
      provenance: { server: 'own', credentials: authenticated ? 'own' : 'none', globalUserCode: null },
    };
  }

  if (globalUser && globalUser.code !== user.code && hasOwnServer(globalUser)) {
    const inherited = ownTransport(globalUser, 'global');
    const override = credentialsOnly(user);
    const transport: EffectiveTransport =
      inherited.kind === 'smtp' && override ? { ...inherited, credentials: { user: override.user, owner: 'own' } } : inherited;
    const credentials = transport.kind === 'relay' ? null : transport.kind === 'm365' ? transport : transport.credentials;
    return {
      transport,
      from: ownFrom,
      replyTo: null,
      massMail: true,
      provenance: { server: 'global', credentials: credentials ? credentials.owner : 'none', globalUserCode: globalUser.code },
    };
  }

  return {
    transport: { kind: 'relay' },
    from: ownFrom,
    replyTo: null,
    massMail: false,
    provenance: { server: 'vendor', credentials: 'none', globalUserCode: null },
  };
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

import path from 'node:path';
import {
  createSendAsPolicy,
  loadOrCreateSigningKey,
  startIdentityEmulator,
  xoauth2Verifier,
  type EmulatorMailbox,
  type IdentityEmulator,
  type SendAsPolicy,
} from '@saatja/identity-emulator';
import { startSmtpServer, type LocalSmtpServer, type ReceivedMail, type TlsMaterial } from '@saatja/local-servers';
import type { M365Config } from '../config';

/** Fixed: msal's cache keys contain the authority's host:port, so saved accounts survive restarts. */
export const DEV_IDENTITY_PORT = 3443;

/** The dev app registration; a local stand-in, worthless outside the emulator. */
export const DEV_M365_CLIENT = { clientId: '5aa7ea00-0000-4000-8000-00000000c11e', clientSecret: 'saatja-dev-client-secret' } as const;

/** Mailboxes of the emulated tenant; printed at start so a newcomer can sign in. */
export const DEMO_M365_MAILBOXES: readonly EmulatorMailbox[] = [
  { email: 'jaan@firma.onmicrosoft.com', password: 'jaan-m365-2026', name: 'Jaan Tamm' },
  { email: 'mari@firma.onmicrosoft.com', password: 'mari-m365-2026', name: 'Mari Maasikas' },
];

export interface LocalM365 {
  emulator: IdentityEmulator;
  /** Stands in for smtp.office365.com:587: STARTTLS, XOAUTH2 with tokens that verify against the emulator. */
  smtp: LocalSmtpServer;
  /** Who may send as whom: each mailbox only as itself, unless granted (Exchange's Send As right). */
  sendAs: SendAsPolicy;
  /** What the BFF is configured with: an authority, a client, an SMTP host; nothing emulator-specific. */
  config: M365Config;
  close(): Promise<void>;
}

export interface LocalM365Options {
  tls: TlsMaterial;
  redirectUri: string;
  /** 0 = a free port (tests); dev mode uses DEV_IDENTITY_PORT. */
  port: number;
  /** Dev: a key file kept under ./data, so tokens survive restarts; default a key per run. */
  signingKeyFile?: string;
  mailboxes?: readonly EmulatorMailbox[];
}

/** The local Microsoft identity platform and its SMTP server, for dev mode and tests (SPEC §2). */
export async function startLocalM365(options: LocalM365Options): Promise<LocalM365> {
  const emulator = await startIdentityEmulator({
    port: options.port,
    tls: options.tls,
    clients: [{ ...DEV_M365_CLIENT, redirectUris: [options.redirectUri], displayName: 'Saatja' }],
    mailboxes: [...(options.mailboxes ?? DEMO_M365_MAILBOXES)],
    ...(options.signingKeyFile ? { signingKey: await loadOrCreateSigningKey(options.signingKeyFile) } : {}),
  });
  const sendAs = createSendAsPolicy();
  const smtp = await startSmtpServer({
    security: 'starttls',
    tls: options.tls,
    name: 'smtp.office365.local',
    authenticateXOAuth2: xoauth2Verifier(emulator),
    replyToMessage: (mail) => sendAs.check(mail),
  });
  return {
    emulator,
    smtp,
    sendAs,
    config: {
      ...DEV_M365_CLIENT,
      authority: emulator.authority,
      redirectUri: options.redirectUri,
      smtp: { host: 'localhost', port: smtp.port },
    },
    async close() {
      await smtp.close();
      await emulator.close();
    },
  };
}

export const devSigningKeyFile = (dataDir: string) => path.join(dataDir, 'identity', 'signing-key.pem');

/** Mail ids of the M365 server are offset so the dev mailbox can list both servers' mail together. */
const M365_MAIL_ID_OFFSET = 1_000_000;

/** The dev mailbox page: the relay catcher's mail and the local Microsoft 365 server's, oldest first. */
export function withLocalM365Mail(relayMail: readonly ReceivedMail[], m365: LocalM365 | null): ReceivedMail[] {
  const m365Mail = (m365?.smtp.received() ?? []).map((mail) => ({ ...mail, id: mail.id + M365_MAIL_ID_OFFSET }));
  return [...relayMail, ...m365Mail].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

/** For the start-up banner. */
export function describeLocalM365(m365: LocalM365): string[] {
  return [
    `  Microsoft 365: local identity emulator at ${m365.emulator.origin} (certificate by the local CA, tls/local-ca.pem in the data folder);`,
    `    local smtp.office365.com at ${m365.config.smtp.host}:${m365.config.smtp.port} (STARTTLS, XOAUTH2); its mail is on the dev mailbox page`,
    '    demo mailboxes (e-mail / password):',
    ...DEMO_M365_MAILBOXES.map((mailbox) => `      ${mailbox.email.padEnd(28)} ${mailbox.password}`),
  ];
}

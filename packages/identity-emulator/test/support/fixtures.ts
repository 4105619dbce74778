import { createLocalTls, type TlsMaterial } from '@saatja/local-servers';
import { generateSigningKey, startIdentityEmulator, type EmulatorClient, type EmulatorMailbox, type IdentityEmulator } from '../../src';

export const CLIENT: EmulatorClient = {
  clientId: '11111111-2222-4333-8444-555555555555',
  clientSecret: 'test-client-secret~value',
  redirectUris: ['https://127.0.0.1:5173/api/auth/microsoft/callback'],
  displayName: 'Saatja test',
};
export const OTHER_CLIENT: EmulatorClient = {
  clientId: '99999999-8888-4777-8666-555555555555',
  clientSecret: 'other-secret',
  redirectUris: ['https://127.0.0.1:5999/callback'],
};
export const REDIRECT_URI = CLIENT.redirectUris[0] ?? '';

export const MAILBOX: EmulatorMailbox = { email: 'info@saatja.test', password: 'Correct-horse-1', name: 'Saatja Info' };
export const OTHER_MAILBOX: EmulatorMailbox = { email: 'admin@saatja.test', password: 'Admin-pass-2', name: 'Admin' };
export const SMTP_SCOPE = 'https://outlook.office.com/SMTP.Send';

let tls: TlsMaterial | undefined;
let signingKey: string | undefined;
const running: IdentityEmulator[] = [];

/** One CA and one RSA key per test file keep start-up fast; each test gets a fresh emulator. */
export async function startTestEmulator(extra: Partial<Parameters<typeof startIdentityEmulator>[0]> = {}): Promise<IdentityEmulator> {
  tls ??= await createLocalTls();
  signingKey ??= await generateSigningKey();
  const emulator = await startIdentityEmulator({
    tls,
    signingKey,
    clients: [CLIENT, OTHER_CLIENT],
    mailboxes: [MAILBOX, OTHER_MAILBOX],
    ...extra,
  });
  running.push(emulator);
  return emulator;
}

/** For afterEach. */
export async function closeTestEmulators(): Promise<void> {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
}

export { startIdentityEmulator } from './start-identity-emulator';
export { xoauth2Verifier } from './xoauth2-verifier';
export { createSendAsPolicy, type SendAsPolicy } from './send-as-policy';
export { createHttpsNetworkClient } from './https-network-client';
export { generateSigningKey } from './signing-keys';
export { loadOrCreateSigningKey } from './signing-key-store';
export { DEFAULT_TENANT_ID } from './options';
export { stableObjectId } from './directory';
export type {
  AccessTokenVerdict,
  EmulatorClient,
  EmulatorMailbox,
  EmulatorOutage,
  EmulatorStats,
  IdentityEmulator,
  IdentityEmulatorOptions,
} from './types';

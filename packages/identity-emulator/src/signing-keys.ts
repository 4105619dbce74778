import { hkdfSync } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type CryptoKey, type JWK } from 'jose';

export interface SigningKeys {
  /** RFC 7638 thumbprint: stable for a persisted key, so cached JWKS stay valid across restarts. */
  kid: string;
  privateKey: CryptoKey;
  /** The JWKS entry. */
  publicJwk: JWK;
  /** 32 bytes for A256GCM; derived from the signing key so refresh tokens persist with it. */
  refreshTokenKey: Uint8Array;
}

const MODULUS_BITS = 2048;

/** A new RSA key as PKCS#8 PEM, the format `signingKey` takes. */
export async function generateSigningKey(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: MODULUS_BITS, extractable: true });
  return exportPKCS8(privateKey);
}

export async function loadSigningKeys(pem: string): Promise<SigningKeys> {
  let privateKey: CryptoKey;
  try {
    privateKey = await importPKCS8(pem, 'RS256', { extractable: true });
  } catch (error) {
    throw new Error('identity emulator: signingKey must be an RSA private key in PKCS#8 PEM', { cause: error });
  }
  const jwk = await exportJWK(privateKey);
  if (jwk.n === undefined || jwk.e === undefined || jwk.d === undefined) {
    throw new Error('identity emulator: signingKey is not a complete RSA private key');
  }
  const publicPart = { kty: 'RSA', n: jwk.n, e: jwk.e };
  const kid = await calculateJwkThumbprint(publicPart);
  // The private exponent is canonical key material, unlike the PEM text (line endings may vary).
  const refreshTokenKey = new Uint8Array(
    hkdfSync('sha256', Buffer.from(jwk.d, 'base64url'), 'saatja-identity-emulator', 'refresh-token-encryption', 32),
  );
  return { kid, privateKey, publicJwk: { ...publicPart, kid, use: 'sig', alg: 'RS256' }, refreshTokenKey };
}

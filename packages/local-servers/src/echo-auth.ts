import type { PasswordVerdict } from './types';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * A refusal that repeats what the client authenticated with, as some servers do: the AUTH PLAIN
 * line (both authzid forms), the AUTH LOGIN lines and the password as typed. For
 * `authenticatePassword`, to prove nothing the server says reaches a user, a log or a database.
 */
export function echoPasswordRefusal(user: string, password: string): PasswordVerdict {
  const plain = `AUTH PLAIN ${b64(`\0${user}\0${password}`)} / ${b64(`${user}\0${user}\0${password}`)}`;
  const login = `AUTH LOGIN ${b64(user)} ${b64(password)}`;
  return { ok: false, responseCode: 535, message: `5.7.8 Authentication failed: ${plain}; ${login}; password "${password}"` };
}

/** The same for `authenticateXOAuth2`: the XOAUTH2 string as sent and the bearer token in it. */
export function echoXOAuth2Refusal(user: string, accessToken: string): PasswordVerdict {
  const xoauth2 = b64(`user=${user}\x01auth=Bearer ${accessToken}\x01\x01`);
  return { ok: false, responseCode: 535, message: `5.7.3 Authentication unsuccessful: AUTH XOAUTH2 ${xoauth2}; Bearer ${accessToken}` };
}

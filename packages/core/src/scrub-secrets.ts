/**
 * What an SMTP client sent that a server may echo back: the password (AUTH PLAIN/LOGIN) or the
 * OAuth access token (XOAUTH2), and the user they go with.
 */
export interface SentSecrets {
  user: string;
  password?: string | null | undefined;
  accessToken?: string | null | undefined;
}

export const REDACTED = '[redacted]';

const toBase64 = (bytes: readonly number[]) => btoa(String.fromCharCode(...bytes));

/** Below this many characters a base64 fragment matches ordinary words too often to be evidence, chars. */
const MIN_FRAGMENT_CHARS = 4;
/** A run of base64 or base64url characters, as an encoded credential appears in a reply. */
const BASE64_RUN = /[A-Za-z0-9+/_-]+=*/g;

/**
 * The base64 characters that depend on `secret` alone, for each of the 3 byte alignments it can
 * have inside a longer encoded string (`\0user\0pass`, `user=…\x01auth=Bearer …`): whatever comes
 * before or after it, an encoding that contains the secret contains one of these.
 */
export function base64Fragments(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const fragments = new Set<string>();
  for (let offset = 0; offset < 3; offset++) {
    const encoded = toBase64([...new Uint8Array(offset), ...bytes]);
    // Character i covers bits [6i, 6i + 6): keep those entirely inside the secret's bits.
    const fragment = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
    if (fragment.length >= MIN_FRAGMENT_CHARS) {
      fragments.add(fragment);
      fragments.add(fragment.replaceAll('+', '-').replaceAll('/', '_'));
    }
  }
  return [...fragments];
}

function secretsOf(sent: SentSecrets): string[] {
  return [sent.password, sent.accessToken].filter((secret): secret is string => typeof secret === 'string' && secret !== '');
}

/** The secret as sent, and as a URL or a form would carry it (a server may echo it in a help link). */
function textForms(secret: string): string[] {
  const component = encodeURIComponent(secret);
  return [secret, component, component.replaceAll('%20', '+'), new URLSearchParams({ s: secret }).toString().slice(2)];
}

/** A reply line's code and enhanced status code (`535-5.7.8 `): they stay when its text goes. */
const REPLY_PREFIX = /^(\d{3}[ -]?(?:\d\.\d{1,3}\.\d{1,3} )?)?(.*)$/s;

/**
 * A server reply with the credentials taken out (SPEC §8): the password and the token as sent (also
 * URL-encoded), and any base64 run that encodes them (AUTH PLAIN's `\0user\0pass`, AUTH LOGIN's
 * password line, the XOAUTH2 string), whichever alignment they have inside it. A secret wrapped
 * over the lines of a multi-line reply takes the text of all its lines.
 */
export function scrubSecrets(reply: string, sent: SentSecrets): string {
  return secretScrubber(sent)(reply);
}

/** `scrubSecrets` for many replies to one client: the forms of its secrets are worked out once. */
export function secretScrubber(sent: SentSecrets): (reply: string) => string {
  const secrets = secretsOf(sent);
  if (secrets.length === 0) return (reply) => reply;
  // Longest first, so a token that contains the password is removed whole.
  const raw = [...new Set(secrets.flatMap(textForms))].sort((a, b) => b.length - a.length);
  const fragments = secrets.flatMap(base64Fragments);
  const encodes = (run: string) => fragments.some((fragment) => run.includes(fragment));
  return (reply) => {
    // Most replies hold none of it ("250 2.0.0 Ok: queued"): nothing to take out, nothing wrapped.
    if (!reply.includes('\n') && !raw.some((secret) => reply.includes(secret)) && !fragments.some((fragment) => reply.includes(fragment)))
      return reply;
    let scrubbed = reply;
    for (const secret of raw) scrubbed = scrubbed.split(secret).join(REDACTED);
    scrubbed = scrubbed.replace(BASE64_RUN, (run) => (encodes(run) ? REDACTED : run));
    const lines = scrubbed.split('\n').map((line) => REPLY_PREFIX.exec(line)!);
    if (lines.length < 2) return scrubbed;
    const joined = lines.map((line) => line[2]!.trim()).join('');
    const wrapped = raw.some((secret) => joined.includes(secret)) || (joined.match(BASE64_RUN) ?? []).some(encodes);
    return wrapped ? lines.map((line) => `${line[1] ?? ''}${REDACTED}`).join('\n') : scrubbed;
  };
}

import { request } from 'node:https';

/**
 * A browser without JavaScript for the identity emulator's sign-in and consent pages (copied in
 * small from @saatja/identity-emulator's own test support). Redirects are not followed.
 */
export interface Page {
  status: number;
  location: string | null;
  body: string;
}

export function load(url: string | URL, ca: string, form?: Record<string, string>): Promise<Page> {
  const body = form === undefined ? undefined : new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' };
    const req = request(url, { method: body === undefined ? 'GET' : 'POST', ca, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface ParsedForm {
  action: string;
  values: Record<string, string>;
  buttons: { name: string; value: string; label: string }[];
}

const unescapeHtml = (value: string) => value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

function attribute(attributes: string, name: string): string | undefined {
  const raw = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
  return raw === undefined ? undefined : unescapeHtml(raw);
}

/** Just enough HTML reading for the emulator's own pages (attribute order as it writes them). */
function parseForm(html: string): ParsedForm {
  const action = /<form method="post" action="([^"]*)">/.exec(html)?.[1];
  if (action === undefined) throw new Error(`No form on the page:\n${html}`);
  const values: Record<string, string> = {};
  for (const match of html.matchAll(/<input ([^>]*)>/g)) {
    const name = attribute(match[1] ?? '', 'name');
    const value = attribute(match[1] ?? '', 'value');
    if (name !== undefined && value !== undefined) values[name] = value;
  }
  const buttons = [...html.matchAll(/<button type="submit"([^>]*)>([^<]*)<\/button>/g)].map((match) => ({
    name: attribute(match[1] ?? '', 'name') ?? '',
    value: attribute(match[1] ?? '', 'value') ?? '',
    label: match[2] ?? '',
  }));
  return { action: unescapeHtml(action), values, buttons };
}

export interface Credentials {
  email: string;
  password: string;
}

/** Opens the authorize URL, signs in, answers the consent page; resolves with the redirect back to the app. */
export async function authorizeInBrowser(authorizeUrl: string, ca: string, credentials: Credentials, answer: 'Accept' | 'Cancel' = 'Accept'): Promise<URL> {
  const signInPage = await load(authorizeUrl, ca);
  if (signInPage.status !== 200) throw new Error(`authorize answered ${signInPage.status}: ${signInPage.body}`);
  const signInForm = parseForm(signInPage.body);
  const signInUrl = new URL(signInForm.action, authorizeUrl);
  const consentPage = await load(signInUrl, ca, { ...signInForm.values, login: credentials.email, passwd: credentials.password });
  const consentForm = parseForm(consentPage.body);
  const button = consentForm.buttons.find((candidate) => candidate.label === answer);
  if (button === undefined) throw new Error(`No ${answer} button on the page:\n${consentPage.body}`);
  const response = await load(new URL(consentForm.action, signInUrl), ca, { ...consentForm.values, [button.name]: button.value });
  if (response.status !== 302 || response.location === null) throw new Error(`consent answered ${response.status}: ${response.body}`);
  return new URL(response.location);
}

import { load, parseForm, type Page } from './browser';

export interface Credentials {
  email: string;
  password: string;
}

export interface SignedIn {
  /** The page after the sign-in form was posted: consent, or the sign-in page again with an error. */
  page: Page;
  url: URL;
}

/** Opens the authorize URL like a browser and posts the sign-in form. */
export async function signIn(authorizeUrl: string, ca: string, credentials: Credentials): Promise<SignedIn> {
  const signInPage = await load(authorizeUrl, ca);
  if (signInPage.status !== 200) throw new Error(`authorize answered ${signInPage.status}: ${signInPage.body}`);
  const form = parseForm(signInPage.body);
  const url = new URL(form.action, authorizeUrl);
  const page = await load(url, ca, { ...form.values, login: credentials.email, passwd: credentials.password });
  return { page, url };
}

/** Presses Accept or Cancel on the consent page; resolves with where the emulator redirects to. */
export async function answerConsent({ page, url }: SignedIn, ca: string, answer: 'Accept' | 'Cancel'): Promise<URL> {
  const form = parseForm(page.body);
  const button = form.buttons.find((candidate) => candidate.label === answer);
  if (button === undefined) throw new Error(`No ${answer} button on the page:\n${page.body}`);
  const response = await load(new URL(form.action, url), ca, { ...form.values, [button.name]: button.value });
  if (response.status !== 302 || response.location === null) {
    throw new Error(`consent answered ${response.status}: ${response.body}`);
  }
  return new URL(response.location);
}

/** The whole browser part of the code flow; resolves with the redirect back to the app. */
export async function authorizeInBrowser(
  authorizeUrl: string,
  ca: string,
  credentials: Credentials,
  answer: 'Accept' | 'Cancel' = 'Accept',
): Promise<URL> {
  return answerConsent(await signIn(authorizeUrl, ca, credentials), ca, answer);
}

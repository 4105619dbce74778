import { load, parseForm } from '@saatja/identity-emulator/testing';

/** The emulator's sign-in and consent pages, driven the way a person would, without JavaScript. */
export interface Credentials {
  email: string;
  password: string;
}

/** Opens the authorize URL, signs in, answers the consent page; resolves with the redirect back to the app. */
export async function authorizeInBrowser(
  authorizeUrl: string,
  ca: string,
  credentials: Credentials,
  answer: 'Accept' | 'Cancel' = 'Accept',
): Promise<URL> {
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

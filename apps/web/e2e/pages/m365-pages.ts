import type { Page } from '@playwright/test';

/** The Microsoft 365 section of the user card (Estonian labels). */
export class M365Section {
  constructor(private readonly page: Page) {}

  get user() {
    return this.page.getByLabel('Kasutaja (Microsoft 365 e-posti aadress)');
  }
  get authenticateButton() {
    return this.page.getByRole('button', { name: 'Autendi Microsoft 365' });
  }
  get authenticateAgainButton() {
    return this.page.getByRole('button', { name: 'Autendi uuesti' });
  }
  get disconnectButton() {
    return this.page.getByRole('button', { name: 'Katkesta ühendus' });
  }

  /** Chooses the mode and types the mailbox, without saving: the successful sign-in saves the card. */
  async choose(mailbox: string) {
    await this.page.getByLabel('Meili saatja').selectOption({ label: 'Microsoft 365 OAUTH' });
    await this.user.fill(mailbox);
  }

  /** Presses the button and returns the sign-in window it opens. */
  async openSignIn(): Promise<Page> {
    const popup = this.page.waitForEvent('popup');
    await this.authenticateButton.click();
    return popup;
  }
}

/** The identity emulator's sign-in and consent pages (English, like Microsoft's). */
export class MicrosoftSignIn {
  constructor(private readonly page: Page) {}

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByRole('heading', { name: 'Permissions requested' }).waitFor();
  }

  /** Answers the consent page; in a popup, resolves once the popup has closed itself. */
  async answer(button: 'Accept' | 'Cancel', { popup }: { popup: boolean }) {
    // Waiting for 'close' must start before the click: the window closes at once.
    const closed = popup ? this.page.waitForEvent('close') : Promise.resolve();
    await this.page.getByRole('button', { name: button }).click();
    await closed;
  }
}

/** In the signed-in card: chooses Microsoft 365 for `cardUser` and answers the popup's sign-in as `mailbox`. */
export async function authenticateM365(
  page: Page,
  {
    cardUser,
    mailbox,
    answer = 'Accept',
  }: { cardUser: string; mailbox: { email: string; password: string }; answer?: 'Accept' | 'Cancel' },
) {
  const m365 = new M365Section(page);
  await m365.choose(cardUser);
  const popup = await m365.openSignIn();
  const microsoft = new MicrosoftSignIn(popup);
  await microsoft.signIn(mailbox.email, mailbox.password);
  await microsoft.answer(answer, { popup: true });
}

// /activate/done: the confirmation after a password was set by an activation or reset link.
import { expect, type Locator, type Page } from '@playwright/test';

export class PasswordSetPage {
  readonly heading: Locator;
  readonly message: Locator;
  readonly ok: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Hasło zostało ustawione' });
    this.message = page.getByRole('main').getByRole('status');
    this.ok = page.getByRole('link', { name: 'OK, przejdź do logowania' });
  }

  async expectShown(reset = false): Promise<void> {
    await expect(this.page).toHaveURL(reset ? /\/activate\/done\?reset=1$/ : /\/activate\/done$/);
    await expect(this.heading).toBeVisible();
    await expect(this.message).toContainText(reset ? 'Hasło zostało zmienione' : 'Konto jest aktywne');
  }
}

// /account: the signed-in patient's own page, with the account's status (SPEC §2.4, §5).
import { expect, type Locator, type Page } from '@playwright/test';
import { DESK } from '../support/words';

export class AccountPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Moje konto' });
    this.status = page.locator('[data-account-status]');
    this.signOut = page.getByRole('button', { name: 'Wyloguj', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/account');
    await expect(this.heading).toBeVisible();
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/account$/);
    await expect(this.heading).toBeVisible();
  }

  /** Unverified: says so and sends the patient to the registration desk with an ID. */
  async expectUnverified(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-account-status', 'unverified');
    await expect(this.status).toContainText('Konto niezweryfikowane');
    await expect(this.status).toContainText(DESK.name);
    await expect(this.status).toContainText(DESK.address);
    await expect(this.status).toContainText(DESK.hours);
  }

  async expectVerified(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-account-status', 'verified');
    await expect(this.status).toContainText('Konto zweryfikowane');
  }
}

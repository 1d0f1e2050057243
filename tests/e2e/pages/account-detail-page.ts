// /admin/verifications/<id>: one account and the desk's decisions about it (SPEC §11).
import { expect, type Locator, type Page } from '@playwright/test';

export class AccountDetailPage {
  readonly status: Locator;
  readonly message: Locator;
  readonly problem: Locator;
  readonly documents: Locator;
  readonly verify: Locator;
  readonly reason: Locator;
  readonly block: Locator;
  readonly unblock: Locator;
  readonly resend: Locator;
  /** The sign-in lock after failed attempts, with its "lift" form (issue 9). */
  readonly signInLock: Locator;
  readonly liftSignInLock: Locator;

  constructor(readonly page: Page) {
    this.status = page.locator('[data-account-status]');
    this.message = page.getByRole('main').getByRole('status');
    this.problem = page.getByRole('main').getByRole('alert');
    this.documents = page.getByRole('group', { name: 'Sprawdzony dokument' });
    this.verify = page.getByRole('button', { name: 'Potwierdź tożsamość', exact: true });
    this.reason = page.getByRole('textbox', { name: 'Powód blokady', exact: true });
    this.block = page.getByRole('button', { name: 'Zablokuj', exact: true });
    this.unblock = page.getByRole('button', { name: 'Odblokuj', exact: true });
    this.resend = page.getByRole('button', { name: 'Wyślij ponownie link aktywacyjny', exact: true });
    this.signInLock = page.locator('[data-signin-lock]');
    this.liftSignInLock = this.signInLock.getByRole('button', { name: 'Zdejmij blokadę logowania', exact: true });
  }

  document(name: 'Dowód osobisty' | 'Paszport' | 'Inny dokument'): Locator {
    return this.documents.getByRole('radio', { name, exact: true });
  }

  async goto(accountId: string): Promise<void> {
    await this.page.goto(`/admin/verifications/${accountId}`);
    await expect(this.status).toBeVisible();
  }

  async blockWith(reason: string): Promise<void> {
    await this.reason.fill(reason);
    await this.block.click();
    await expect(this.message).toHaveText('Konto zostało zablokowane.');
    await expect(this.status).toHaveAttribute('data-account-status', 'blocked');
  }

  async doUnblock(): Promise<void> {
    await this.unblock.click();
    await expect(this.message).toHaveText('Konto zostało odblokowane.');
  }
}

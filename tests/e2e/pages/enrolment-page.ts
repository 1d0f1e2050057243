// /login/mfa-setup: enrolment of a second factor — QR code, the secret as text, a Kod field, then
// the recovery codes.
import { expect, type Locator, type Page } from '@playwright/test';
import { enrolmentSecret, freshCode, saveSecret } from '../support/totp';

export class EnrolmentPage {
  readonly qrCode: Locator;
  readonly code: Locator;
  readonly submit: Locator;
  readonly recoveryCodes: Locator;
  readonly continue: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.qrCode = page.getByRole('img', { name: 'Kod QR do zeskanowania aplikacją uwierzytelniającą' });
    this.code = page.getByRole('textbox', { name: 'Kod', exact: true });
    this.submit = page.getByRole('button', { name: 'Włącz', exact: true });
    this.recoveryCodes = page.locator('[data-recovery-codes] li');
    this.continue = page.getByRole('button', { name: 'Przejdź dalej', exact: true });
    this.error = page.getByRole('main').getByRole('alert');
  }

  /** Reads the secret, enters a fresh code for it and returns the secret and the recovery codes. */
  async enrol(login: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const secret = await enrolmentSecret(this.page);
    await this.code.fill(await freshCode(login, secret));
    await this.submit.click();
    await expect(this.recoveryCodes).toHaveCount(10);
    saveSecret(login, secret);
    return { secret, recoveryCodes: await this.recoveryCodes.allInnerTexts() };
  }
}

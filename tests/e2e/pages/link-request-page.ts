// "Send me a new link" (/activate/resend) and "I forgot my password" (/password/forgot): one
// field, and the same answer whether or not an account exists (SPEC §9).
import { expect, type Locator, type Page } from '@playwright/test';
import { FORGOT_SENT, RESEND_SENT } from '../support/words';

export class LinkRequestPage {
  readonly field: Locator;
  readonly submit: Locator;
  readonly status: Locator;

  constructor(
    readonly page: Page,
    readonly kind: 'resend' | 'forgot',
  ) {
    this.field = page.getByRole('textbox', { name: kind === 'resend' ? 'Adres email' : 'Login lub adres email', exact: true });
    this.submit = page.getByRole('button', { name: kind === 'resend' ? 'Wyślij nowy link' : 'Wyślij link', exact: true });
    this.status = page.getByRole('main').getByRole('status');
  }

  async goto(): Promise<void> {
    await this.page.goto(this.kind === 'resend' ? '/activate/resend' : '/password/forgot');
    await expect(this.submit).toBeVisible();
  }

  /** Asks for a link and returns the answer shown (always the same, SPEC §9). */
  async request(value: string): Promise<string> {
    await this.field.fill(value);
    await this.submit.click();
    await expect(this.status).toHaveText(this.kind === 'resend' ? RESEND_SENT : FORGOT_SENT);
    return (await this.status.textContent()) ?? '';
  }
}

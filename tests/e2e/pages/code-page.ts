// /login/code: the second step of signing in, one field labelled Kod (SPEC §12).
import { expect, type Locator, type Page } from '@playwright/test';

export class CodePage {
  readonly heading: Locator;
  readonly code: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Potwierdź logowanie kodem' });
    this.code = page.getByRole('textbox', { name: 'Kod', exact: true });
    this.submit = page.getByRole('button', { name: 'Potwierdź', exact: true });
    this.error = page.getByRole('main').getByRole('alert');
  }

  async enter(code: string): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.code.fill(code);
    await this.submit.click();
  }
}

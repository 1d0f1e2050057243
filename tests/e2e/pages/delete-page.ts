// /account/delete: erasing the patient's web account (issue 12).
import { expect, type Locator, type Page } from '@playwright/test';

export class DeletePage {
  readonly heading: Locator;
  readonly confirm: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Usuń konto w portalu' });
    this.confirm = page.getByRole('checkbox', { name: 'Rozumiem, że konto w portalu zostanie usunięte i nie da się tego cofnąć.' });
    this.password = page.getByLabel('Hasło', { exact: true });
    this.submit = page.getByRole('button', { name: 'Usuń konto na stałe', exact: true });
    this.problem = page.getByRole('main').getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/account/delete');
    await expect(this.heading).toBeVisible();
  }
}

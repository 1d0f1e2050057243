// /login: the first step of signing in, for patients and staff (SPEC §5, §12).
import { expect, type Locator, type Page } from '@playwright/test';

export class LoginPage {
  readonly login: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly registerLink: Locator;
  readonly forgotLink: Locator;

  constructor(readonly page: Page) {
    this.login = page.getByRole('textbox', { name: 'Login', exact: true });
    this.password = page.getByLabel('Hasło', { exact: true });
    this.submit = page.getByRole('button', { name: 'Zaloguj', exact: true });
    // Scoped to the main content: Next's route announcer is an empty role=alert too.
    this.error = page.getByRole('main').getByRole('alert');
    this.registerLink = page.getByRole('link', { name: 'Załóż konto', exact: true });
    this.forgotLink = page.getByRole('link', { name: 'Nie pamiętam hasła', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.submit).toBeVisible();
  }

  /** Types the login and password and presses Zaloguj (the caller checks where it leads). */
  async signIn(login: string, password: string): Promise<void> {
    await this.login.fill(login);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in on the login page and expects the refusal `message`. */
  async expectRefused(login: string, password: string, message: string): Promise<void> {
    await this.goto();
    await this.signIn(login, password);
    await expect(this.error).toHaveText(message);
    await expect(this.page).toHaveURL(/\/login(\?.*)?$/);
  }
}

// The page behind an activation or reset link (/activate/<token>, /password/reset/<token>): the
// password form, or why the link is dead (SPEC §9).
import { expect, type Locator, type Page } from '@playwright/test';
import { LINK_STATES, PASSWORD_REFUSED, PASSWORD_RULES, type LinkState, type PasswordRule } from '../support/words';

export class PasswordPage {
  readonly heading: Locator;
  readonly password: Locator;
  readonly passwordRepeat: Locator;
  readonly submit: Locator;
  readonly showPassword: Locator;
  readonly rules: Locator;
  readonly refusal: Locator;
  readonly linkState: Locator;

  constructor(
    readonly page: Page,
    readonly js = true,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.password = page.getByLabel('Hasło', { exact: true });
    this.passwordRepeat = page.getByLabel('Powtórz hasło', { exact: true });
    this.submit = page.getByRole('button', { name: 'Zapisz hasło', exact: true });
    this.showPassword = page.getByRole('checkbox', { name: 'Pokaż hasło' });
    this.rules = page.locator('#password-rules li');
    this.refusal = page.getByRole('main').getByRole('alert').filter({ hasText: PASSWORD_REFUSED });
    this.linkState = page.locator('[data-link-state]');
  }

  /** Opens a link and waits for the form (hydrated, with JavaScript). */
  async open(href: string): Promise<void> {
    await this.page.goto(href);
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.submit).toBeVisible();
    // The "show password" switch exists only once React has taken over the form.
    if (this.js) await expect(this.showPassword).toBeVisible();
  }

  async setPassword(password: string, repeat = password): Promise<void> {
    await this.password.fill(password);
    await this.passwordRepeat.fill(repeat);
    await this.submit.click();
  }

  /** The password was refused, naming exactly the `broken` rules, and both fields are empty. */
  async expectRefused(broken: PasswordRule[]): Promise<void> {
    await expect(this.refusal).toBeVisible();
    const listed = this.refusal.getByRole('listitem');
    await expect(listed).toHaveText(broken.map((rule) => PASSWORD_RULES[rule]));
    await expect(this.password).toHaveValue('');
    await expect(this.passwordRepeat).toHaveValue('');
  }

  /** The page for a dead link: its heading, its state and the way to get a new link. */
  async expectDeadLink(state: LinkState, purpose: 'activation' | 'password_reset' = 'activation'): Promise<void> {
    await expect(this.heading).toHaveText(LINK_STATES[state]);
    await expect(this.linkState).toHaveAttribute('data-link-state', state);
    await expect(this.submit).toHaveCount(0);
    if (purpose === 'activation') {
      await expect(this.page.getByRole('link', { name: 'Wyślij link aktywacyjny ponownie' })).toHaveAttribute('href', '/activate/resend');
    } else {
      await expect(this.page.getByRole('link', { name: /Wyślij link/ })).toHaveAttribute('href', '/password/forgot');
    }
  }
}

// The pages of the login.gov.pl flow (SPEC §17) that route handlers answer themselves: the page
// that carries the signed request to the node (auto-submitted; "Dalej" without JavaScript) and
// the refusal page with its 4xx status. The buttons that start a use live on /login, /register
// and /account.
import { expect, type Locator, type Page } from '@playwright/test';

export const WK_BUTTONS = {
  login: 'Zaloguj przez login.gov.pl',
  register: 'Wypełnij dane przez login.gov.pl',
  verify: 'Potwierdź tożsamość przez login.gov.pl',
} as const;

/** Any button that names login.gov.pl: none may show when the node is not configured. */
export function anyWkButton(page: Page): Locator {
  return page.getByRole('button', { name: /login\.gov\.pl/ });
}

export class WkRedirectPage {
  readonly continue: Locator;

  constructor(readonly page: Page) {
    this.continue = page.getByRole('button', { name: 'Dalej', exact: true });
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveTitle('Przekierowanie do login.gov.pl');
    await expect(this.continue).toBeVisible();
  }
}

export class WkRefusalPage {
  /** The alert carries the reason code in data-wk-refusal (for tests and logs, not for people). */
  readonly alert: Locator;
  readonly backToLogin: Locator;

  constructor(readonly page: Page) {
    this.alert = page.locator('[role="alert"][data-wk-refusal]');
    this.backToLogin = page.getByRole('link', { name: 'Wróć do logowania', exact: true });
  }

  async reason(): Promise<string | null> {
    await expect(this.alert).toBeVisible();
    return this.alert.getAttribute('data-wk-refusal');
  }
}

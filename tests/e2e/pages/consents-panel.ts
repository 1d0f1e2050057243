// The consents on /account (issue 12): their states, the buttons to withdraw or give them, and
// their history.
import { expect, type Locator, type Page } from '@playwright/test';

export class ConsentsPanel {
  readonly region: Locator;
  readonly status: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Zgody', exact: true });
    this.status = this.region.getByRole('status');
    this.history = this.region.getByRole('table', { name: /Historia zgód/ });
  }

  state(kind: 'data_processing' | 'email' | 'sms'): Locator {
    return this.region.locator(`[data-consent="${kind}"] [data-consent-state]`);
  }

  button(action: 'Wycofaj' | 'Wyraź', kind: 'Powiadomienia email' | 'Powiadomienia SMS'): Locator {
    return this.region.getByRole('button', { name: `${action} zgodę: ${kind}`, exact: true });
  }

  async openHistory(): Promise<void> {
    await this.region.getByText('Historia zgód', { exact: true }).click();
    await expect(this.history).toBeVisible();
  }
}

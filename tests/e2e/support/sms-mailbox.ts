// The SMS half of the dev mailbox (/dev/mail, DEV_MAILBOX=1, SPEC §18): every row of sms_outbox
// with its recipient (E.164), text and status, newest first — what was queued, whether or not a
// provider took it.
import { expect, type Locator, type Page } from '@playwright/test';

export class DevSmsList {
  readonly heading: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2, name: 'SMS', exact: true });
    this.list = page.getByTestId('sms-list');
  }

  async goto(): Promise<void> {
    await this.page.goto('/dev/mail');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Skrzynka deweloperska' })).toBeVisible();
    await expect(this.heading).toBeVisible();
  }

  /** The texts to `e164` listed in the mailbox, newest first (opens /dev/mail). */
  async textsTo(e164: string): Promise<Locator> {
    await this.goto();
    return this.list.getByRole('listitem').filter({ has: this.page.getByTestId('sms-recipient').getByText(e164, { exact: true }) });
  }

  /** The text of one listed SMS. */
  body(item: Locator): Locator {
    return item.getByTestId('sms-body');
  }
}

/** An outbox status as the list prints it (`… · sent · <time>`). */
export function smsStatus(status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled'): RegExp {
  return new RegExp(`· ${status} ·`);
}

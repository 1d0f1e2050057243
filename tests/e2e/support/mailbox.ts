// The dev mailbox (/dev/mail, DEV_MAILBOX=1): every email the server sent, readable in the
// browser, so that tests follow the links a patient would click.
import { expect, type Locator, type Page } from '@playwright/test';
import { ACTIVATION_HREF } from './links';
import { ACTIVATION_SUBJECT } from './words';

export class DevMailbox {
  constructor(readonly page: Page) {}

  /**
   * Opens the activation email sent to `recipient` and returns the links to /activate/ in its text
   * version (the text version repeats the link: once for the button, once as the fallback).
   */
  async openActivationEmail(recipient: string): Promise<Locator> {
    await this.page.goto('/dev/mail');
    const item = this.page.getByRole('listitem').filter({ has: this.page.getByTestId('recipient').getByText(recipient, { exact: true }) });
    await expect(item).toHaveCount(1);
    await item.getByRole('link', { name: ACTIVATION_SUBJECT }).click();
    await expect(this.page).toHaveURL(/\/dev\/mail\/[0-9a-f-]{36}$/);
    await expect(this.page.getByRole('heading', { level: 1, name: ACTIVATION_SUBJECT })).toBeVisible();
    return this.page.locator('pre').getByRole('link', { name: /\/activate\// });
  }

  /** The recipient printed on the message page (the "Do" entry). */
  recipient(): Locator {
    return this.page.locator('dt', { hasText: /^Do$/ }).locator('xpath=following-sibling::dd[1]');
  }

  /** The messages to `recipient` listed in the mailbox, newest first (opens /dev/mail). */
  async messagesTo(recipient: string): Promise<Locator> {
    await this.page.goto('/dev/mail');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Skrzynka deweloperska' })).toBeVisible();
    return this.page.getByRole('listitem').filter({ has: this.page.getByTestId('recipient').getByText(recipient, { exact: true }) });
  }

  /**
   * Opens the newest message to `recipient` with `subject` and returns the links in its text.
   * Links asked for on /activate/resend and /password/forgot are queued after the answer (Next's
   * `after()`, so timing reveals nothing), so the mailbox is reloaded until the message is there.
   */
  async openEmail(recipient: string, subject: string): Promise<Locator> {
    await expect(async () => {
      const items = (await this.messagesTo(recipient)).filter({
        has: this.page.getByRole('link', { name: subject, exact: true }),
      });
      expect(await items.count(), `no "${subject}" to ${recipient} yet`).toBeGreaterThan(0);
      await items.first().getByRole('link', { name: subject, exact: true }).click();
      await expect(this.page).toHaveURL(/\/dev\/mail\/[0-9a-f-]{36}$/, { timeout: 5_000 });
    }).toPass({ timeout: 20_000, intervals: [200, 500, 1_000] });
    await expect(this.page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
    return this.page.locator('pre').getByRole('link');
  }

  /**
   * The one link matching `pattern` in the newest message to `recipient` with `subject`; waits
   * (reloading the mailbox) until that link is none of `excluding` — for a freshly requested link.
   */
  async latestLink(recipient: string, subject: string, pattern: RegExp, excluding: string[] = []): Promise<string> {
    let href = '';
    await expect(async () => {
      const links = await this.openEmail(recipient, subject);
      const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter((h) => pattern.test(h));
      expect(new Set(hrefs).size, `links matching ${pattern} in "${subject}" to ${recipient}: ${hrefs.join(', ')}`).toBe(1);
      expect(excluding, 'no newer message yet').not.toContain(hrefs[0]);
      href = hrefs[0]!;
    }).toPass({ timeout: 30_000, intervals: [200, 500, 1_000] });
    return href;
  }
}

/** The newest activation link sent to `email` (waiting for one that is none of `excluding`). */
export function activationLinkFor(page: Page, email: string, excluding: string[] = []): Promise<string> {
  return new DevMailbox(page).latestLink(email, ACTIVATION_SUBJECT, ACTIVATION_HREF, excluding);
}

/** Every activation link in the message has the right shape and points at the same token. */
export async function expectActivationLinks(links: Locator, origin: string): Promise<string> {
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).toMatch(ACTIVATION_HREF);
  expect(new Set(hrefs).size, `different activation links: ${hrefs.join(', ')}`).toBe(1);
  const href = hrefs[0]!;
  expect(new URL(href).origin).toBe(new URL(origin).origin);
  return href;
}

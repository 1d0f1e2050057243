// The suite's Playwright `test`: the built-in fixtures plus page objects for the pages most specs
// start from, the dev mailbox, and `newPage()` for a second browser (another person: a patient
// beside the registrar, say). Page objects live in ./pages (one a file), flows and checks in
// ./support, test people in ../helpers/people.ts.
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { AccountPage } from './pages/account-page';
import { LoginPage } from './pages/login-page';
import { PasswordPage } from './pages/password-page';
import { RegisterPage } from './pages/register-page';
import { DevMailbox } from './support/mailbox';

export { expect };

interface Fixtures {
  registerPage: RegisterPage;
  mailbox: DevMailbox;
  loginPage: LoginPage;
  passwordPage: PasswordPage;
  accountPage: AccountPage;
  /** A page in a new browser context with the project's options (and `options` on top). */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  registerPage: async ({ page, javaScriptEnabled }, use) => {
    await use(new RegisterPage(page, javaScriptEnabled));
  },
  mailbox: async ({ page }, use) => {
    await use(new DevMailbox(page));
  },
  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page));
  },
  passwordPage: async ({ page, javaScriptEnabled }, use) => {
    await use(new PasswordPage(page, javaScriptEnabled));
  },
  accountPage: async ({ page }, use) => {
    await use(new AccountPage(page));
  },
  newPage: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      // browser.newContext() in a test takes the project's `use` options (baseURL, locale…).
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

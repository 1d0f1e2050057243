// WCAG 2.1 AA (SPEC §13): axe-core finds nothing on the registration journey's pages, and the
// pages reflow without horizontal scrolling at 360 px and at 200 % zoom.
import type { Locator } from '@playwright/test';
import { newPerson } from '../helpers/people';
import { expect, test } from './fixtures';
import { RegisterPage } from './pages/register-page';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { CONFLICT_HEADING, SENT_HEADING } from './support/words';

async function showServerErrors(form: RegisterPage): Promise<void> {
  await form.goto();
  await form.submit.click(); // the enhanced form has noValidate: the server answers
  await expect(form.errorSummary).toBeFocused();
}

test.describe('axe-core finds no WCAG 2.1 A/AA violations', () => {
  test('on the login page', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('link', { name: 'Załóż konto' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the registration form', async ({ page, registerPage: form }) => {
    await form.goto();
    await expectNoAxeViolations(page);
  });

  test('on the registration form with every conditional field shown', async ({ page, registerPage: form }) => {
    await form.goto();
    await form.pesel.fill('BRAK');
    await form.email.fill('jan@example.pl');
    await form.phone.fill('600100200');
    await form.login.fill('abc'); // the short-login warning
    await expect(form.consentSms).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the registration form showing server errors', async ({ page, registerPage: form }) => {
    await showServerErrors(form);
    await expectNoAxeViolations(page);
  });

  test('on the registration form showing a data conflict', async ({ page, registerPage: form }) => {
    await form.goto();
    await form.register(newPerson({ pesel: '75110245621', firstName: 'Anna', lastName: 'Nowak' }));
    await expect(form.conflict.getByRole('heading', { name: CONFLICT_HEADING })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the "check your email" page', async ({ page }) => {
    await page.goto('/register/sent');
    await expect(page.getByRole('heading', { level: 1, name: SENT_HEADING })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the registration form as served without JavaScript', async ({ page }) => {
    // axe itself needs JavaScript, so the app's scripts are blocked instead: the form stays as
    // the server rendered it, with every conditional field and browser validation on.
    await page.route(/\/_next\/static\/.*\.js(\?|$)/, (route) => route.abort());
    // A browser without JavaScript draws what <noscript> holds (the birth date field before
    // hydration); Chromium with its scripts only blocked still hides it, so the page is served
    // here as such a browser reads it.
    await page.route(/\/register$/, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replaceAll('<noscript>', '<div data-noscript>').replaceAll('</noscript>', '</div>');
      await route.fulfill({ response, body: html });
    });
    const form = new RegisterPage(page, false);
    await form.goto();
    await expect(form.birthDate).toBeVisible();
    await expect(form.consentSms).toBeVisible();
    await expect(form.form).not.toHaveAttribute('novalidate', /.*/);
    await expectNoAxeViolations(page);
  });
});

test('the registration fields carry the autocomplete tokens browsers fill in', async ({ registerPage: form }) => {
  await form.goto();
  await form.pesel.fill('BRAK');
  const tokens: Array<[Locator, string]> = [
    [form.birthDate, 'bday'],
    [form.firstName, 'given-name'],
    [form.lastName, 'family-name'],
    [form.login, 'username'],
    [form.email, 'email'],
    [form.phone, 'tel'],
    [form.postalCode, 'postal-code'],
    [form.city, 'address-level2'],
  ];
  for (const [field, token] of tokens) await expect(field).toHaveAttribute('autocomplete', token);
  // Numbers the patient must work out or copy are not remembered by the browser.
  await expect(form.pesel).toHaveAttribute('autocomplete', 'off');
  await expect(form.captcha).toHaveAttribute('autocomplete', 'off');
});

test.describe('no horizontal scrolling at 360 px width', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('on the login page', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('link', { name: 'Załóż konto' })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });

  test('on the registration form', async ({ registerPage: form }) => {
    await form.goto();
    await expectNoHorizontalScroll(form.page);
  });

  test('on the registration form showing server errors', async ({ registerPage: form }) => {
    await showServerErrors(form);
    await expectNoHorizontalScroll(form.page);
  });

  test('on the "check your email" page', async ({ page }) => {
    await page.goto('/register/sent');
    await expect(page.getByRole('heading', { level: 1, name: SENT_HEADING })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

test.describe('no horizontal scrolling at 200 % zoom (a 1280 px window seen as 640 px)', () => {
  test.use({ viewport: { width: 640, height: 360 } });

  test('on the registration form', async ({ registerPage: form }) => {
    await form.goto();
    await expectNoHorizontalScroll(form.page);
  });

  test('on the registration form showing server errors', async ({ registerPage: form }) => {
    await showServerErrors(form);
    await expectNoHorizontalScroll(form.page);
  });
});

// Polish, English and Ukrainian (issue 13): the whole patient path — register → email → password
// → sign in → account — in each language, with JavaScript (the language chosen with the header's
// switcher) and without (chosen with the `lang` cookie or the browser's Accept-Language); every
// patient page axe-clean in every language; Ukrainian at 360 px without horizontal scrolling; the
// switcher without JavaScript; and emails in the language a signed-in patient switched to.
// Texts come from the catalogues, so this spec checks that each page speaks the chosen language,
// not the wording itself (the Polish wording is pinned by support/words.ts).
import type { BrowserContextOptions, Page } from '@playwright/test';
import { solveQuestion } from '@/lib/captcha';
import { localeNames, type Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { legalWordsFor } from '@/lib/messages/legal';
import { newPerson, strongPassword, type Person } from '../helpers/people';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { escapeRegExp, expectFieldError, REGISTRATION_TEXT_FIELDS } from './support/forms';
import { ACTIVATION_HREF, RESET_HREF, unknownToken } from './support/links';
import { DevMailbox, expectActivationLinks } from './support/mailbox';

const LANGUAGES: Locale[] = ['en', 'uk', 'pl'];

/** A phone's window: long Ukrainian words must still fit (WCAG 1.4.10 reflow). */
const PHONE = { width: 360, height: 740 };

/** Ukrainian pages are checked on a phone's width, the others on the desktop's. */
const viewportFor = (lang: Locale): BrowserContextOptions => (lang === 'uk' ? { viewport: PHONE } : {});

async function expectLanguage(page: Page, lang: Locale): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** The page's one heading is `heading` and the document says it is in `lang`. */
async function expectPage(page: Page, lang: Locale, heading: string, url?: RegExp): Promise<void> {
  if (url) await expect(page).toHaveURL(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectLanguage(page, lang);
}

/** axe-core finds nothing; at a phone's width the page does not scroll sideways. */
async function expectAccessible(page: Page, axe = true): Promise<void> {
  if (axe) await expectNoAxeViolations(page);
  if (page.viewportSize()?.width === PHONE.width) await expectNoHorizontalScroll(page);
}

// ---------------------------------------------------------------------------------------------
// The registration form by its fields' names (SPEC §12): the labels differ per language.

const registrationForm = (page: Page) => page.locator('form').filter({ has: page.locator('[name="captchaAnswer"]') });

async function fillPerson(page: Page, person: Person): Promise<void> {
  const form = registrationForm(page);
  for (const name of REGISTRATION_TEXT_FIELDS) await form.locator(`[name="${name}"]`).fill(person[name]);
}

/** Answers the arithmetic question, checking it is asked in `lang`. */
async function answerCaptcha(page: Page, lang: Locale): Promise<void> {
  const input = page.locator('input[name="captchaAnswer"]');
  const label = (await page.locator(`label[for="${await input.getAttribute('id')}"]`).textContent()) ?? '';
  const question = /\d{1,2} [+−] \d{1,2}/.exec(label)?.[0];
  expect(question, `a question in the label "${label}"`).toBeTruthy();
  expect(label).toContain(wordsFor(lang).register.labels.captcha(question!));
  await input.fill(String(solveQuestion(question!)));
}

async function giveConsents(page: Page): Promise<void> {
  for (const name of ['consentDataProcessing', 'consentEmail', 'consentSms'])
    await page.locator(`input[type="checkbox"][name="${name}"]`).check();
}

const submitRegistration = (page: Page, lang: Locale) =>
  registrationForm(page)
    .getByRole('button', { name: wordsFor(lang).register.submit, exact: true })
    .click();

/** With JavaScript, waits until React has taken the form over (it turns browser validation off). */
async function registrationReady(page: Page, lang: Locale, js: boolean): Promise<void> {
  await expectPage(page, lang, wordsFor(lang).register.title, /\/register$/);
  if (js) await expect(registrationForm(page)).toHaveAttribute('novalidate', '');
}

// ---------------------------------------------------------------------------------------------
// The rest of the path

/** Opens the newest email with `subject` to `recipient`: its text says `phrases`, its HTML is in `lang`. */
async function readEmail(page: Page, recipient: string, subject: string, lang: Locale, phrases: string[]) {
  const links = await new DevMailbox(page).openEmail(recipient, subject);
  for (const phrase of phrases) await expect(page.locator('pre')).toContainText(phrase);
  const html = (await page.locator('iframe').getAttribute('srcdoc')) ?? '';
  expect(html, 'the HTML version declares its language').toMatch(new RegExp(`<html[^>]*\\slang="${lang}"`));
  return links;
}

/** The activation email is in `lang`; returns its link. */
async function activationLink(page: Page, person: Person, lang: Locale, baseURL: string): Promise<string> {
  const m = wordsFor(lang).email.activation;
  const links = await readEmail(page, person.email, m.subject, lang, [m.greeting(person.firstName), m.body]);
  const href = await expectActivationLinks(links, baseURL);
  expect(href).toMatch(ACTIVATION_HREF);
  return href;
}

/** Sets the password behind an activation link, checking both pages (axe only with JavaScript). */
async function setPassword(page: Page, href: string, lang: Locale, js: boolean, password: string): Promise<void> {
  const t = wordsFor(lang).activate;
  await page.goto(href);
  await expectPage(page, lang, t.title);
  if (js) await expect(page.getByRole('checkbox', { name: t.show })).toBeVisible(); // hydrated
  await expectAccessible(page, js);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="passwordRepeat"]').fill(password);
  await page.getByRole('button', { name: t.submit, exact: true }).click();
  await expectPage(page, lang, t.done.title, /\/activate\/done$/);
}

/** Signs in on /login (checking it) and lands on /account in `lang`. */
async function signIn(page: Page, person: Person, password: string, lang: Locale, js: boolean): Promise<void> {
  const t = wordsFor(lang);
  await page.goto('/login');
  await expectPage(page, lang, t.login.title);
  await expectAccessible(page, js);
  await page.locator('input[name="login"]').fill(person.login);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: t.login.submit, exact: true }).click();
  await expectPage(page, lang, t.account.title, /\/account$/);
  await expectAccessible(page, js);
}

/** Presses the header switcher's button for `lang`. */
async function switchTo(page: Page, lang: Locale): Promise<void> {
  await page.locator('header form[action="/lang"]').getByRole('button', { name: localeNames[lang], exact: true }).click();
  await expectLanguage(page, lang);
  await expect(page.locator('header').getByRole('button', { name: localeNames[lang], exact: true })).toHaveAttribute(
    'aria-current',
    'true',
  );
}

// ---------------------------------------------------------------------------------------------

for (const lang of LANGUAGES) {
  const t = wordsFor(lang);

  test.describe(`in ${localeNames[lang]} (${lang})`, () => {
    test('with JavaScript: the switcher, the whole patient path, and every page axe-clean', async ({ newPage, baseURL }) => {
      test.slow();
      // Start in another language, so the switcher has something to change.
      const page = await newPage({ ...viewportFor(lang), locale: lang === 'pl' ? 'en-GB' : 'pl-PL' });
      const person = newPerson();
      const password = strongPassword();

      await test.step('the header switcher changes the language and stays on /register', async () => {
        await page.goto('/register');
        await expectLanguage(page, lang === 'pl' ? 'en' : 'pl');
        await switchTo(page, lang);
        await expect(page).toHaveURL(/\/register$/);
        await registrationReady(page, lang, true);
        await expectAccessible(page);
      });

      await test.step('the server’s errors in the chosen language', async () => {
        await submitRegistration(page, lang); // empty: the enhanced form lets the server answer
        const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: t.register.summaryTitle }) });
        await expect(summary).toBeFocused();
        await expectFieldError(page.locator('input[name="houseNumber"]'), t.register.errors.required);
        await expectAccessible(page);
      });

      await test.step('registers and is told to check the inbox', async () => {
        await fillPerson(page, person);
        await answerCaptcha(page, lang);
        await giveConsents(page);
        await submitRegistration(page, lang);
        await expectPage(page, lang, t.register.sent.title, /\/register\/sent$/);
        await expectAccessible(page);
      });

      const href = await test.step('the activation email is in the chosen language', () => activationLink(page, person, lang, baseURL!));
      await test.step('sets the password', () => setPassword(page, href, lang, true, password));
      await test.step('signs in to the account', () => signIn(page, person, password, lang, true));

      await test.step('the account’s pages', async () => {
        const s = t.selfService;
        // The consent history (a wide table) unfolded on the account page.
        await page.getByText(s.consents.history, { exact: true }).click();
        await expect(page.getByRole('table', { name: s.consents.historyCaption })).toBeVisible();
        await expectAccessible(page);
        const pages = [
          ['/account/settings', s.settings.title],
          ['/account/data', s.data.title],
          ['/account/delete', s.delete.title],
          ['/account/mfa', t.mfa.manage],
        ] as const;
        for (const [path, heading] of pages) {
          await page.goto(path);
          await expectPage(page, lang, heading);
          await expectAccessible(page);
        }
      });
    });

    test('with JavaScript: the pages without an account are axe-clean', async ({ newPage, baseURL }) => {
      const page = await newPage(viewportFor(lang));
      await page.context().addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
      const legal = legalWordsFor(lang);
      const pages = [
        ['/password/forgot', t.forgot.title],
        ['/activate/resend', t.activate.resend.title],
        ['/activate/done', t.activate.done.title],
        ['/register/sent', t.register.sent.title],
        ['/dostepnosc', legal.accessibility.title],
        ['/prywatnosc', legal.privacy.title],
      ] as const;
      for (const [path, heading] of pages) {
        await page.goto(path);
        await expectPage(page, lang, heading);
        await expectAccessible(page);
      }
      // A dead link's page, in the language too.
      await page.goto(`/activate/${unknownToken()}`);
      await expectPage(page, lang, t.activate.invalid.unknown.title);
      await expectAccessible(page);
    });

    test('without JavaScript: the whole patient path in the language the browser asks for', async ({ newPage, baseURL }) => {
      test.slow();
      // English by the cookie, Ukrainian by Accept-Language, Polish by the cookie over an English browser.
      const page = await newPage({
        ...viewportFor(lang),
        javaScriptEnabled: false,
        locale: { en: 'pl-PL', uk: 'uk-UA', pl: 'en-GB' }[lang],
      });
      if (lang !== 'uk') await page.context().addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
      const person = newPerson();
      const password = strongPassword();

      await test.step('the server’s errors in the chosen language, the input kept', async () => {
        await page.goto('/register');
        await registrationReady(page, lang, false);
        await expectAccessible(page, false);
        await fillPerson(page, { ...person, email: 'zly-adres' });
        await answerCaptcha(page, lang);
        await registrationForm(page).evaluate((f) => f.setAttribute('novalidate', ''));
        await submitRegistration(page, lang);
        await expect(page).toHaveURL(/\/register$/);
        await expect(page.getByRole('alert').getByRole('heading', { name: t.register.summaryTitle })).toBeVisible();
        await expectLanguage(page, lang);
        await expectFieldError(page.locator('input[name="email"]'), t.register.errors.email);
        await expectFieldError(page.locator('input[name="consentDataProcessing"]'), t.register.errors.consentDataProcessing);
        await expect(page.locator('input[name="login"]')).toHaveValue(person.login);
        await expectAccessible(page, false);
      });

      await test.step('registers with a plain form post', async () => {
        await page.locator('input[name="email"]').fill(person.email);
        await answerCaptcha(page, lang);
        await giveConsents(page);
        await submitRegistration(page, lang);
        await expectPage(page, lang, t.register.sent.title, /\/register\/sent$/);
        await expectAccessible(page, false);
      });

      const href = await test.step('the activation email is in the chosen language', () => activationLink(page, person, lang, baseURL!));
      await test.step('sets the password', () => setPassword(page, href, lang, false, password));
      await test.step('signs in to the account', () => signIn(page, person, password, lang, false));

      if (lang !== 'pl') return;
      await test.step('switching language while signed in: later emails come in it', async () => {
        const uk = wordsFor('uk');
        await switchTo(page, 'uk');
        await expectPage(page, 'uk', uk.account.title, /\/account$/);
        await page.goto('/password/forgot');
        await expectPage(page, 'uk', uk.forgot.title);
        await page.locator('input[name="identifier"]').fill(person.login);
        await page.getByRole('button', { name: uk.forgot.submit, exact: true }).click();
        await expect(page.getByRole('main').getByRole('status')).toHaveText(uk.forgot.sent);
        const m = uk.email.reset;
        const links = await readEmail(page, person.email, m.subject, 'uk', [m.body]);
        const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        expect(
          hrefs.some((h) => RESET_HREF.test(h)),
          `a reset link among ${hrefs.join(', ')}`,
        ).toBe(true);
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------

test('the switcher works without JavaScript and keeps the page’s query string', async ({ newPage }) => {
  const page = await newPage({ javaScriptEnabled: false });
  const ended = page.locator('[data-session-ended]');
  await page.goto('/login?reason=idle');
  await expect(ended).toHaveText(wordsFor('pl').session.idle);
  await switchTo(page, 'uk');
  await expect(page).toHaveURL(/\/login\?reason=idle$/);
  await expect(ended).toHaveText(wordsFor('uk').session.idle);
  await expectPage(page, 'uk', wordsFor('uk').login.title);
  await switchTo(page, 'en');
  await expect(page).toHaveURL(/\/login\?reason=idle$/);
  await expect(ended).toHaveText(wordsFor('en').session.idle);
});

test('/lang sends the browser back only to a page of this site', async ({ request, baseURL }) => {
  const headers = { Origin: new URL(baseURL!).origin };
  const post = (form: Record<string, string>) => request.post('/lang', { form, headers, maxRedirects: 0 });

  for (const next of ['//evil.example', '//evil.example/login', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '']) {
    const answer = await post({ locale: 'en', next });
    expect(answer.status(), next).toBe(303);
    expect(answer.headers().location, next).toBe('/');
  }

  const kept = await post({ locale: 'uk', next: '/login?reason=idle' });
  expect(kept.status()).toBe(303);
  expect(kept.headers().location).toBe('/login?reason=idle');
  expect(kept.headers()['set-cookie']).toMatch(new RegExp(`^${escapeRegExp('lang=uk;')}`));

  // An unknown language changes nothing.
  const unknown = await post({ locale: 'de', next: '/login' });
  expect(unknown.status()).toBe(303);
  expect(unknown.headers().location).toBe('/login');
  expect(unknown.headers()['set-cookie']).toBeUndefined();
});

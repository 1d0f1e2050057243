// Shared pieces of the end-to-end suite: unique test people, a page object for the registration
// form and one for the dev mailbox. Every test makes its own people (random PESEL, login, email,
// surname), so tests run in parallel and repeatedly against the same database.
import { randomBytes, randomInt } from 'node:crypto';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { solveQuestion } from '../../lib/captcha';
import { encodePesel } from '../../lib/pesel';

export { expect };

// ---------------------------------------------------------------------------------------------
// Test data

export interface Person {
  pesel: string; // 11 digits, or BRAK
  birthDate: string; // YYYY-MM-DD; typed only when pesel is BRAK (or the field is shown without JS)
  firstName: string;
  lastName: string;
  login: string;
  email: string;
  phone: string;
  street: string;
  houseNumber: string;
  flatNumber: string;
  postalCode: string;
  city: string;
}

const isBrak = (value: string) => value.trim().toUpperCase() === 'BRAK';
const pad = (n: number) => String(n).padStart(2, '0');

/** Random letters, for surnames that no other test (or run) uses. */
function letters(n: number): string {
  const abc = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: n }, () => abc[randomInt(abc.length)]).join('');
}

export function randomBirthDate(): { year: number; month: number; day: number; iso: string } {
  const year = randomInt(1930, 2006);
  const month = randomInt(1, 13);
  const day = randomInt(1, 29);
  return { year, month, day, iso: `${year}-${pad(month)}-${pad(day)}` };
}

/** A valid PESEL that no other test uses (with overwhelming probability). */
export function uniquePesel(): { pesel: string; birthDate: string } {
  const d = randomBirthDate();
  return { pesel: encodePesel(d, randomInt(0, 1000), randomInt(0, 10)), birthDate: d.iso };
}

/** The same PESEL with a wrong check digit. */
export function withBadChecksum(pesel: string): string {
  return pesel.slice(0, 10) + String((Number(pesel[10]) + 1) % 10);
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** A complete, valid registrant with a unique PESEL, login, email and surname. */
export function newPerson(overrides: Partial<Person> = {}): Person {
  const { pesel, birthDate } = uniquePesel();
  const suffix = uniqueSuffix();
  return {
    pesel,
    birthDate,
    firstName: 'Zofia',
    lastName: `Testowa-${letters(1).toUpperCase()}${letters(9)}`,
    login: `e2e.${suffix}`, // 4 + 8..9 + 6 characters: within 8–32
    email: `e2e.${suffix}@example.pl`,
    phone: '600 100 200',
    street: 'Krasnystawska',
    houseNumber: '52',
    flatNumber: '',
    postalCode: '21-010',
    city: 'Łęczna',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Words on the pages (SPEC §3, §8; lib/messages/pl.ts, lib/consents.ts)

export const CONSENT_LABELS = {
  dataProcessing:
    'Wyrażam zgodę na przetwarzanie moich danych osobowych w celu założenia i prowadzenia konta w portalu E-Rejestracja.',
  email: 'Wyrażam zgodę na otrzymywanie powiadomień na podany adres email.',
  sms: 'Wyrażam zgodę na otrzymywanie powiadomień SMS na podany numer telefonu.',
} as const;

export const ACTIVATION_SUBJECT = 'Aktywacja konta w portalu E-Rejestracja';
export const ACTIVATION_HREF = /\/activate\/[A-Za-z0-9_-]{43}$/;
export const SENT_HEADING = 'Sprawdź swoją skrzynkę email';
export const CONFLICT_HEADING = 'Konflikt danych';
export const SUMMARY_HEADING = 'Popraw błędy w formularzu';

/** `Wynik działania 7 + 5 =` or `Wynik działania 12 − 3 =` (U+2212) → the question part. */
const CAPTCHA_LABEL = /^Wynik działania (\d{1,2} [+−] \d{1,2}) =/;

// ---------------------------------------------------------------------------------------------
// Page objects

export class RegisterPage {
  readonly form: Locator;
  readonly pesel: Locator;
  readonly birthDate: Locator;
  readonly firstName: Locator;
  readonly lastName: Locator;
  readonly login: Locator;
  readonly email: Locator;
  readonly phone: Locator;
  readonly street: Locator;
  readonly houseNumber: Locator;
  readonly flatNumber: Locator;
  readonly postalCode: Locator;
  readonly city: Locator;
  readonly captcha: Locator;
  readonly captchaToken: Locator;
  readonly consentDataProcessing: Locator;
  readonly consentEmail: Locator;
  readonly consentSms: Locator;
  readonly submit: Locator;
  readonly errorSummary: Locator;
  readonly conflict: Locator;

  constructor(
    readonly page: Page,
    /** Whether the browser runs JavaScript (the form is enhanced then). */
    readonly js = true,
  ) {
    // By accessible name: the required marker (" *") next to a label is aria-hidden.
    const label = (text: string) => page.getByRole('textbox', { name: text, exact: true });
    this.form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Załóż konto' }) });
    this.pesel = label('PESEL');
    this.birthDate = label('Data urodzenia');
    this.firstName = label('Imię');
    this.lastName = label('Nazwisko');
    this.login = label('Login');
    this.email = label('Adres email');
    this.phone = label('Numer telefonu');
    this.street = label('Ulica');
    this.houseNumber = label('Numer domu');
    this.flatNumber = label('Nr lokalu');
    this.postalCode = label('Kod pocztowy');
    this.city = label('Miejscowość');
    this.captcha = page.getByLabel(CAPTCHA_LABEL);
    this.captchaToken = page.locator('input[type="hidden"][name="captchaToken"]');
    this.consentDataProcessing = page.getByRole('checkbox', { name: CONSENT_LABELS.dataProcessing });
    this.consentEmail = page.getByRole('checkbox', { name: CONSENT_LABELS.email });
    this.consentSms = page.getByRole('checkbox', { name: CONSENT_LABELS.sms });
    this.submit = page.getByRole('button', { name: 'Załóż konto', exact: true });
    this.errorSummary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: SUMMARY_HEADING }) });
    this.conflict = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: CONFLICT_HEADING }) });
  }

  async goto(): Promise<void> {
    await this.page.goto('/register');
    await this.ready();
  }

  /** Waits until the page can be used: with JavaScript, until React has hydrated the form. */
  async ready(): Promise<void> {
    await expect(this.submit).toBeVisible();
    if (this.js) {
      // The form turns off browser validation (noValidate) once it is enhanced.
      await expect(this.form).toHaveAttribute('novalidate', '');
    }
  }

  /** The arithmetic question currently shown, e.g. `7 + 5`. */
  async question(): Promise<string> {
    const id = await this.captcha.getAttribute('id');
    const text = (await this.page.locator(`label[for="${id}"]`).textContent()) ?? '';
    const match = CAPTCHA_LABEL.exec(text.trim());
    if (!match?.[1]) throw new Error(`No captcha question in label: ${text}`);
    return match[1];
  }

  async solveCaptcha(): Promise<number> {
    const answer = solveQuestion(await this.question());
    if (answer === null) throw new Error('Captcha question could not be solved');
    await this.captcha.fill(String(answer));
    return answer;
  }

  /** Types the person's data into the form (the birth date only when PESEL is BRAK). */
  async fillPerson(p: Person): Promise<void> {
    await this.pesel.fill(p.pesel);
    if (isBrak(p.pesel)) {
      await expect(this.birthDate).toBeVisible();
      await this.birthDate.fill(p.birthDate);
    }
    await this.firstName.fill(p.firstName);
    await this.lastName.fill(p.lastName);
    await this.login.fill(p.login);
    await this.email.fill(p.email);
    await this.phone.fill(p.phone);
    await this.street.fill(p.street);
    await this.houseNumber.fill(p.houseNumber);
    await this.flatNumber.fill(p.flatNumber);
    await this.postalCode.fill(p.postalCode);
    await this.city.fill(p.city);
  }

  /** Ticks every consent the form asks for, given what was typed (SPEC §8). */
  async giveConsents(p: Person): Promise<void> {
    await this.consentDataProcessing.check();
    if (!this.js || p.email.trim() !== '') await this.consentEmail.check();
    if (!this.js || (p.phone.trim() !== '' && !isBrak(p.phone))) await this.consentSms.check();
  }

  /** Fills everything, solves the captcha, gives the consents and submits. */
  async register(p: Person): Promise<void> {
    await this.fillPerson(p);
    await this.solveCaptcha();
    await this.giveConsents(p);
    await this.submit.click();
  }

  /** The error text shown next to a field (`name` is the form field name). */
  errorOf(name: string): Locator {
    return this.page.locator(`#field-${name}-error`);
  }
}

export class DevMailbox {
  constructor(readonly page: Page) {}

  /**
   * Opens the activation email sent to `recipient` and returns the links to /activate/ in its text
   * version (the text version repeats the link: once for the button, once as the fallback).
   */
  async openActivationEmail(recipient: string): Promise<Locator> {
    await this.page.goto('/dev/mail');
    const item = this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByTestId('recipient').getByText(recipient, { exact: true }) });
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

export const test = base.extend<{ registerPage: RegisterPage; mailbox: DevMailbox }>({
  registerPage: async ({ page, javaScriptEnabled }, use) => {
    await use(new RegisterPage(page, javaScriptEnabled));
  },
  mailbox: async ({ page }, use) => {
    await use(new DevMailbox(page));
  },
});

/** Checks that `field` is marked invalid and described by an error containing `message`. */
export async function expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(typeof message === 'string' ? new RegExp(escape(message)) : message);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

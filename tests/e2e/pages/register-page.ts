// /register: the registration form (SPEC §3, §8), with and without JavaScript.
import { expect, type Locator, type Page } from '@playwright/test';
import { solveQuestion } from '@/lib/captcha';
import { isBrak } from '@/lib/brak';
import type { Person } from '../../helpers/people';
import { CONFLICT_HEADING, CONSENT_LABELS, SUMMARY_HEADING } from '../support/words';

/** `Wynik działania 7 + 5 =` or `Wynik działania 12 − 3 =` (U+2212) → the question part. */
const CAPTCHA_LABEL = /^Wynik działania (\d{1,2} [+−] \d{1,2}) =/;

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

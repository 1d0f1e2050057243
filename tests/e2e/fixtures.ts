// Shared pieces of the end-to-end suite: unique test people, a page object for the registration
// form and one for the dev mailbox. Every test makes its own people (random PESEL, login, email,
// surname), so tests run in parallel and repeatedly against the same database.
import { randomBytes, randomInt } from 'node:crypto';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { solveQuestion } from '../../lib/captcha';
import { encodePesel } from '../../lib/pesel';
import { enrolmentSecret, freshCode, savedSecret, saveSecret, withLoginLock } from './support/totp';

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

  /** The messages to `recipient` listed in the mailbox, newest first (opens /dev/mail). */
  async messagesTo(recipient: string): Promise<Locator> {
    await this.page.goto('/dev/mail');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Skrzynka deweloperska' })).toBeVisible();
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByTestId('recipient').getByText(recipient, { exact: true }) });
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
      const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter((h) =>
        pattern.test(h),
      );
      expect(new Set(hrefs).size, `links matching ${pattern} in "${subject}" to ${recipient}: ${hrefs.join(', ')}`).toBe(1);
      expect(excluding, 'no newer message yet').not.toContain(hrefs[0]);
      href = hrefs[0]!;
    }).toPass({ timeout: 30_000, intervals: [200, 500, 1_000] });
    return href;
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

// =============================================================================================
// Accounts after registration: activation, sign-in, the patient's account, password reset and
// the registration desk (SPEC §5, §9, §11). Added for activation/account/password-reset/staff/
// admin-authorization/accessibility-account specs.

export const RESET_SUBJECT = 'Ustawienie nowego hasła w portalu E-Rejestracja';
export const VERIFIED_SUBJECT = 'Konto w portalu E-Rejestracja zostało zweryfikowane';
export const RESET_HREF = /\/password\/reset\/[A-Za-z0-9_-]{43}$/;

export const SIGN_IN_MESSAGES = {
  failed: 'Nieprawidłowy login lub hasło.',
  pending: 'Konto nie zostało jeszcze aktywowane. Kliknij link aktywacyjny z wiadomości email, aby ustawić hasło.',
  blocked: 'Konto jest zablokowane. Skontaktuj się z pracownikami jednostki.',
} as const;

/** The password rules as the page words them (policy `strong`, SPEC §9). */
export const PASSWORD_RULES = {
  minLength: 'co najmniej 8 znaków',
  maxLength: 'najwyżej 128 znaków',
  upper: 'co najmniej jedna wielka litera',
  lower: 'co najmniej jedna mała litera',
  digit: 'co najmniej jedna cyfra',
  special: 'co najmniej jeden znak specjalny (np. # $ ! %)',
  notCommon: 'nie może być popularnym, łatwym do odgadnięcia hasłem',
  noLogin: 'nie może zawierać loginu',
  noPesel: 'nie może zawierać numeru PESEL',
  repeat: 'oba wpisane hasła muszą być identyczne',
} as const;

export const PASSWORD_REFUSED = 'Hasło nie spełnia warunków';

/** The pages for links that cannot be used (SPEC §9): heading and `data-link-state`. */
export const LINK_STATES = {
  unknown: 'Nieprawidłowy link',
  expired: 'Link wygasł',
  used: 'Link został już użyty',
  superseded: 'Link został zastąpiony nowszym',
} as const;
export type LinkState = keyof typeof LINK_STATES;

export const RESEND_SENT =
  'Jeżeli pod tym adresem jest konto oczekujące na aktywację, wysłaliśmy na niego nowy link aktywacyjny. Sprawdź skrzynkę (także folder spam).';
export const FORGOT_SENT =
  'Jeżeli takie konto istnieje, wysłaliśmy na jego adres email link do ustawienia nowego hasła. Link jest ważny przez 1 godzinę.';

/** The first deployment's registration desk (SPEC §2, §12). */
export const DESK = {
  name: 'Punkt Rejestracji Pacjenta SPZOZ w Łęcznej',
  address: 'ul. Krasnystawska 52, 21-010 Łęczna',
  hours: 'Godziny pracy:',
} as const;

/** Demo staff seeded with DEMO_SEED=1 (db/seed.ts). */
export const STAFF = {
  registrar: { login: 'rejestracja', password: 'Rejestracja#2026', name: 'Demo Rejestratorka' },
  admin: { login: 'administrator', password: 'Administrator#2026', name: 'Demo Administrator' },
} as const;
export type StaffRole = keyof typeof STAFF;

/** A password the `strong` policy accepts, different on every call. */
export function strongPassword(): string {
  return `Sosna#${randomBytes(4).toString('hex')}Kz7`;
}

/** A well-formed token (43 base64url characters) that was never issued. */
export function unknownToken(): string {
  return randomBytes(32).toString('base64url');
}

export class LoginPage {
  readonly login: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly registerLink: Locator;
  readonly forgotLink: Locator;

  constructor(readonly page: Page) {
    this.login = page.getByRole('textbox', { name: 'Login', exact: true });
    this.password = page.getByLabel('Hasło', { exact: true });
    this.submit = page.getByRole('button', { name: 'Zaloguj', exact: true });
    // Scoped to the main content: Next's route announcer is an empty role=alert too.
    this.error = page.getByRole('main').getByRole('alert');
    this.registerLink = page.getByRole('link', { name: 'Załóż konto', exact: true });
    this.forgotLink = page.getByRole('link', { name: 'Nie pamiętam hasła', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.submit).toBeVisible();
  }

  /** Types the login and password and presses Zaloguj (the caller checks where it leads). */
  async signIn(login: string, password: string): Promise<void> {
    await this.login.fill(login);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in on the login page and expects the refusal `message`. */
  async expectRefused(login: string, password: string, message: string): Promise<void> {
    await this.goto();
    await this.signIn(login, password);
    await expect(this.error).toHaveText(message);
    await expect(this.page).toHaveURL(/\/login(\?.*)?$/);
  }
}

/** The page behind an activation or reset link: the password form, or why the link is dead. */
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
  async expectRefused(broken: Array<keyof typeof PASSWORD_RULES>): Promise<void> {
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

/** The confirmation after a password was set: /activate/done. */
export class PasswordSetPage {
  readonly heading: Locator;
  readonly message: Locator;
  readonly ok: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Hasło zostało ustawione' });
    this.message = page.getByRole('main').getByRole('status');
    this.ok = page.getByRole('link', { name: 'OK, przejdź do logowania' });
  }

  async expectShown(reset = false): Promise<void> {
    await expect(this.page).toHaveURL(reset ? /\/activate\/done\?reset=1$/ : /\/activate\/done$/);
    await expect(this.heading).toBeVisible();
    await expect(this.message).toContainText(reset ? 'Hasło zostało zmienione' : 'Konto jest aktywne');
  }
}

/** "Send me a new link" (/activate/resend) and "I forgot my password" (/password/forgot). */
export class LinkRequestPage {
  readonly field: Locator;
  readonly submit: Locator;
  readonly status: Locator;

  constructor(
    readonly page: Page,
    readonly kind: 'resend' | 'forgot',
  ) {
    this.field = page.getByRole('textbox', { name: kind === 'resend' ? 'Adres email' : 'Login lub adres email', exact: true });
    this.submit = page.getByRole('button', { name: kind === 'resend' ? 'Wyślij nowy link' : 'Wyślij link', exact: true });
    this.status = page.getByRole('main').getByRole('status');
  }

  async goto(): Promise<void> {
    await this.page.goto(this.kind === 'resend' ? '/activate/resend' : '/password/forgot');
    await expect(this.submit).toBeVisible();
  }

  /** Asks for a link and returns the answer shown (always the same, SPEC §9). */
  async request(value: string): Promise<string> {
    await this.field.fill(value);
    await this.submit.click();
    await expect(this.status).toHaveText(this.kind === 'resend' ? RESEND_SENT : FORGOT_SENT);
    return (await this.status.textContent()) ?? '';
  }
}

export class AccountPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Moje konto' });
    this.status = page.locator('[data-account-status]');
    this.signOut = page.getByRole('button', { name: 'Wyloguj', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/account');
    await expect(this.heading).toBeVisible();
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/account$/);
    await expect(this.heading).toBeVisible();
  }

  /** Unverified: says so and sends the patient to the registration desk with an ID. */
  async expectUnverified(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-account-status', 'unverified');
    await expect(this.status).toContainText('Konto niezweryfikowane');
    await expect(this.status).toContainText(DESK.name);
    await expect(this.status).toContainText(DESK.address);
    await expect(this.status).toContainText(DESK.hours);
  }

  async expectVerified(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-account-status', 'verified');
    await expect(this.status).toContainText('Konto zweryfikowane');
  }
}

/** /admin/verifications: the desk's queue with its GET search form. */
export class VerificationQueuePage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly status: Locator;
  readonly submit: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Weryfikacja kont pacjentów' });
    this.search = page.getByRole('searchbox', { name: 'Szukaj (PESEL, imię i nazwisko, login lub email)' });
    this.status = page.getByRole('combobox', { name: 'Status' });
    this.submit = page.getByRole('button', { name: 'Szukaj', exact: true });
    this.table = page.getByRole('table');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/verifications');
    await expect(this.heading).toBeVisible();
  }

  /** The row header link of a person: "<Nazwisko> <Imię>". */
  linkTo(person: Pick<Person, 'firstName' | 'lastName'>): Locator {
    return this.table.getByRole('rowheader').getByRole('link', { name: `${person.lastName} ${person.firstName}`, exact: true });
  }

  /** The person's row in the table. */
  rowOf(person: Pick<Person, 'firstName' | 'lastName'>): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: `${person.lastName} ${person.firstName}`, exact: true }) });
  }

  /** Searches with the form (all statuses) and returns the person's account id. */
  async find(query: string, person: Pick<Person, 'firstName' | 'lastName'>): Promise<string> {
    await this.search.fill(query);
    await this.status.selectOption({ label: 'Wszystkie' });
    await this.submit.click();
    await expect(this.page).toHaveURL(/\/admin\/verifications\?/);
    await expect(this.linkTo(person)).toHaveCount(1);
    return accountIdFromHref((await this.linkTo(person).getAttribute('href')) ?? '');
  }
}

function accountIdFromHref(href: string): string {
  const id = /\/admin\/verifications\/([0-9a-f-]{36})$/.exec(href)?.[1];
  if (!id) throw new Error(`No account id in ${href}`);
  return id;
}

/** /admin/verifications/<id>: one account and the desk's decisions about it. */
export class AccountDetailPage {
  readonly status: Locator;
  readonly message: Locator;
  readonly problem: Locator;
  readonly documents: Locator;
  readonly verify: Locator;
  readonly reason: Locator;
  readonly block: Locator;
  readonly unblock: Locator;
  readonly resend: Locator;

  constructor(readonly page: Page) {
    this.status = page.locator('[data-account-status]');
    this.message = page.getByRole('main').getByRole('status');
    this.problem = page.getByRole('main').getByRole('alert');
    this.documents = page.getByRole('group', { name: 'Sprawdzony dokument' });
    this.verify = page.getByRole('button', { name: 'Potwierdź tożsamość', exact: true });
    this.reason = page.getByRole('textbox', { name: 'Powód blokady', exact: true });
    this.block = page.getByRole('button', { name: 'Zablokuj', exact: true });
    this.unblock = page.getByRole('button', { name: 'Odblokuj', exact: true });
    this.resend = page.getByRole('button', { name: 'Wyślij ponownie link aktywacyjny', exact: true });
  }

  document(name: 'Dowód osobisty' | 'Paszport' | 'Inny dokument'): Locator {
    return this.documents.getByRole('radio', { name, exact: true });
  }

  async goto(accountId: string): Promise<void> {
    await this.page.goto(`/admin/verifications/${accountId}`);
    await expect(this.status).toBeVisible();
  }

  async blockWith(reason: string): Promise<void> {
    await this.reason.fill(reason);
    await this.block.click();
    await expect(this.message).toHaveText('Konto zostało zablokowane.');
    await expect(this.status).toHaveAttribute('data-account-status', 'blocked');
  }

  async doUnblock(): Promise<void> {
    await this.unblock.click();
    await expect(this.message).toHaveText('Konto zostało odblokowane.');
  }
}

/** Registers `person` through the form and lands on "check your email". */
export async function registerPerson(page: Page, person: Person = newPerson(), js = true): Promise<Person> {
  const form = new RegisterPage(page, js);
  await form.goto();
  await form.register(person);
  await expect(page).toHaveURL(/\/register\/sent$/);
  return person;
}

/** The newest activation link sent to `email` (waiting for one that is none of `excluding`). */
export function activationLinkFor(page: Page, email: string, excluding: string[] = []): Promise<string> {
  return new DevMailbox(page).latestLink(email, ACTIVATION_SUBJECT, ACTIVATION_HREF, excluding);
}

export interface Patient {
  person: Person;
  password: string;
}

/** A patient who registered and set a password (status `active`), signed out. */
export async function registerAndActivate(page: Page, overrides: Partial<Person> = {}, js = true): Promise<Patient> {
  const person = await registerPerson(page, newPerson(overrides), js);
  const password = strongPassword();
  const form = new PasswordPage(page, js);
  await form.open(await activationLinkFor(page, person.email));
  await form.setPassword(password);
  await new PasswordSetPage(page).expectShown();
  return { person, password };
}

/** Signs a patient in and expects their account page. */
export async function signInPatient(page: Page, patient: Patient): Promise<AccountPage> {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(patient.person.login, patient.password);
  const account = new AccountPage(page);
  await account.expectShown();
  return account;
}

/** The second step of signing in: one field labelled Kod (SPEC §12). */
export class CodePage {
  readonly heading: Locator;
  readonly code: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Potwierdź logowanie kodem' });
    this.code = page.getByRole('textbox', { name: 'Kod', exact: true });
    this.submit = page.getByRole('button', { name: 'Potwierdź', exact: true });
    this.error = page.getByRole('main').getByRole('alert');
  }

  async enter(code: string): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.code.fill(code);
    await this.submit.click();
  }
}

/** Enrolment of a second factor: QR code, the secret as text, a Kod field, then recovery codes. */
export class EnrolmentPage {
  readonly code: Locator;
  readonly submit: Locator;
  readonly recoveryCodes: Locator;
  readonly continue: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.code = page.getByRole('textbox', { name: 'Kod', exact: true });
    this.submit = page.getByRole('button', { name: 'Włącz', exact: true });
    this.recoveryCodes = page.locator('[data-recovery-codes] li');
    this.continue = page.getByRole('button', { name: 'Przejdź dalej', exact: true });
    this.error = page.getByRole('main').getByRole('alert');
  }

  /** Reads the secret, enters a fresh code for it and returns the secret and the recovery codes. */
  async enrol(login: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const secret = await enrolmentSecret(this.page);
    await this.code.fill(await freshCode(login, secret));
    await this.submit.click();
    await expect(this.recoveryCodes).toHaveCount(10);
    saveSecret(login, secret);
    return { secret, recoveryCodes: await this.recoveryCodes.allInnerTexts() };
  }
}

/**
 * Signs a staff member in with password and code (enrolling the login on its first sign-in of
 * the run); staff land on `landing` (the verification queue unless they were sent elsewhere).
 */
export async function signInStaffTo(page: Page, role: StaffRole, landing: RegExp): Promise<void> {
  const { login: name, password } = STAFF[role];
  // A code is good once per 30 s step: waiting for a fresh one may take that long.
  base.info().setTimeout(base.info().timeout + 35_000);
  await withLoginLock(name, async () => {
    const login = new LoginPage(page);
    if (!/\/login(\?|$)/.test(page.url())) await login.goto();
    await login.signIn(name, password);
    await expect(page).toHaveURL(/\/login\/(code|mfa-setup)$/);
    if (page.url().endsWith('/mfa-setup')) {
      const enrolment = new EnrolmentPage(page);
      await enrolment.enrol(name);
      await enrolment.continue.click();
    } else {
      const secret = savedSecret(name);
      if (!secret) throw new Error(`${name} has a second factor this run did not record`);
      await new CodePage(page).enter(await freshCode(name, secret));
    }
    await expect(page).toHaveURL(landing);
  });
}

/** Signs a staff member in; staff land on the verification queue. */
export async function signInStaff(page: Page, role: StaffRole): Promise<VerificationQueuePage> {
  await signInStaffTo(page, role, /\/admin\/verifications$/);
  const queue = new VerificationQueuePage(page);
  await expect(queue.heading).toBeVisible();
  return queue;
}

/**
 * Presses a Wyloguj button (patient account or staff panel) and expects the login page. With
 * JavaScript, React posts this argument-less action as `text/plain` "[]", which proxy.ts once
 * refused with 415: the action's own answer is checked, not only where the page ends up.
 */
export async function signOut(button: Locator): Promise<void> {
  const page = button.page();
  const answer = page.waitForResponse((r) => r.request().method() === 'POST');
  await button.click();
  const response = await answer;
  expect(response.status(), 'the sign-out action is accepted').toBeLessThan(400);
  await expect(page).toHaveURL(/\/login$/);
}

/** Moves the focus with Tab, like a keyboard user, until `target` has it. */
export async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target} in ${maxPresses} presses`);
}

/**
 * Direct database access for what the UI cannot do (expire a link). Only with a real PostgreSQL
 * (E2E_DATABASE_URL, which CI always sets); the PGlite folder is locked by the running server.
 */
export const e2eDatabaseUrl = process.env.E2E_DATABASE_URL ?? '';

export async function expireTokensOf(login: string): Promise<number> {
  if (!e2eDatabaseUrl) throw new Error('expireTokensOf needs E2E_DATABASE_URL');
  const { default: postgres } = await import('postgres');
  const sql = postgres(e2eDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`
      update account_tokens set expires_at = now() - interval '1 hour'
      where account_id = (select id from web_accounts where login = ${login})
      returning id`;
    return rows.length;
  } finally {
    await sql.end();
  }
}

// Accessibility checks shared by the accessibility specs (SPEC §13).
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(summary, JSON.stringify(summary, null, 2)).toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
}

/**
 * The test with page objects for the account journey, and `newPage()` for a second browser
 * (another person: a patient beside the registrar, say) with the project's options.
 */
export const accountTest = test.extend<{
  loginPage: LoginPage;
  passwordPage: PasswordPage;
  accountPage: AccountPage;
  newPage: (options?: import('@playwright/test').BrowserContextOptions) => Promise<Page>;
}>({
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
    const contexts: import('@playwright/test').BrowserContext[] = [];
    await use(async (options) => {
      // browser.newContext() in a test takes the project's `use` options (baseURL, locale…).
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

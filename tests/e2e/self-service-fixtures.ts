// Page objects and words of the patient's self-service under /account (issue 12): settings,
// consents, the data export and erasure, and the desk's side of an address change.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { AccountDetailPage, VerificationQueuePage, expect, type Person } from './fixtures';

export const PASSWORD_CHANGED_SUBJECT = 'Hasło do konta w portalu E-Rejestracja zostało zmienione';
export const EMAIL_CONFIRM_SUBJECT = 'Potwierdź nowy adres email w portalu E-Rejestracja';
export const EMAIL_NOTICE_SUBJECT = 'Prośba o zmianę adresu email konta w portalu E-Rejestracja';
export const EMAIL_CONFIRM_HREF = /\/account\/email\/confirm\/[A-Za-z0-9_-]{43}$/;
export const MESSAGES = {
  passwordChanged: 'Hasło zostało zmienione. Na innych urządzeniach trzeba zalogować się ponownie.',
  wrongPassword: 'Nieprawidłowe hasło.',
  contactSaved: 'Zapisano numer telefonu i adres.',
  contactPending: 'Zapisano. Zmiana adresu czeka na potwierdzenie w rejestracji.',
  emailCancelled: 'Zmiana adresu email została anulowana; link potwierdzający przestał działać.',
  consentWithdrawn: 'Zapisano wycofanie zgody.',
  consentGiven: 'Zapisano wyrażenie zgody.',
  deleted: 'Konto zostało usunięte',
  otherAccount: 'Ten link dotyczy innego konta niż to, na które jesteś zalogowany. Wyloguj się i otwórz link ponownie.',
  changeAccepted: 'Zmiana danych została przyjęta do kartoteki.',
  summary: 'Popraw błędy w formularzu',
} as const;

/** /account/settings: four forms, each in its own titled section. */
export class SettingsPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly passwordSection: Locator;
  readonly currentPassword: Locator;
  readonly newPassword: Locator;
  readonly repeatPassword: Locator;
  readonly changePassword: Locator;
  readonly rules: Locator;
  readonly showPassword: Locator;
  readonly emailSection: Locator;
  readonly currentEmail: Locator;
  readonly pendingEmail: Locator;
  readonly newEmail: Locator;
  readonly emailPassword: Locator;
  readonly sendLink: Locator;
  readonly cancelEmail: Locator;
  readonly contactSection: Locator;
  readonly phone: Locator;
  readonly street: Locator;
  readonly houseNumber: Locator;
  readonly flatNumber: Locator;
  readonly postalCode: Locator;
  readonly city: Locator;
  readonly saveContact: Locator;
  readonly pendingData: Locator;
  readonly signOutEverywhere: Locator;

  constructor(
    readonly page: Page,
    readonly js = true,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Ustawienia konta' });
    this.status = page.getByRole('main').getByRole('status');
    this.passwordSection = page.getByRole('region', { name: 'Hasło', exact: true });
    this.currentPassword = this.passwordSection.getByLabel('Obecne hasło', { exact: true });
    this.newPassword = this.passwordSection.getByLabel('Nowe hasło', { exact: true });
    this.repeatPassword = this.passwordSection.getByLabel('Powtórz nowe hasło', { exact: true });
    this.changePassword = this.passwordSection.getByRole('button', { name: 'Zmień hasło', exact: true });
    this.rules = page.locator('#password-rules li');
    this.showPassword = this.passwordSection.getByRole('checkbox', { name: 'Pokaż hasło' });
    this.emailSection = page.getByRole('region', { name: 'Adres email', exact: true });
    this.currentEmail = page.getByTestId('current-email');
    this.pendingEmail = page.getByTestId('pending-email');
    this.newEmail = this.emailSection.getByRole('textbox', { name: 'Nowy adres email', exact: true });
    this.emailPassword = this.emailSection.getByLabel('Obecne hasło', { exact: true });
    this.sendLink = this.emailSection.getByRole('button', { name: 'Wyślij link potwierdzający', exact: true });
    this.cancelEmail = this.emailSection.getByRole('button', { name: 'Anuluj zmianę adresu', exact: true });
    this.contactSection = page.getByRole('region', { name: 'Telefon i adres zamieszkania', exact: true });
    const box = (name: string) => this.contactSection.getByRole('textbox', { name, exact: true });
    this.phone = box('Numer telefonu');
    this.street = box('Ulica');
    this.houseNumber = box('Numer domu');
    this.flatNumber = box('Nr lokalu');
    this.postalCode = box('Kod pocztowy');
    this.city = box('Miejscowość');
    this.saveContact = this.contactSection.getByRole('button', { name: 'Zapisz telefon i adres', exact: true });
    this.pendingData = page.getByTestId('pending-data-change');
    this.signOutEverywhere = page.getByRole('button', { name: 'Wyloguj ze wszystkich urządzeń', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/account/settings');
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.heading).toBeVisible();
    // With JavaScript, the "show password" switch appears once React has taken over.
    if (this.js) await expect(this.showPassword).toBeVisible();
  }

  async changePasswordTo(current: string, next: string, repeat = next): Promise<void> {
    await this.currentPassword.fill(current);
    await this.newPassword.fill(next);
    await this.repeatPassword.fill(repeat);
    await this.changePassword.click();
  }

  async requestEmail(email: string, password: string): Promise<void> {
    await this.newEmail.fill(email);
    await this.emailPassword.fill(password);
    await this.sendLink.click();
  }

  async fillContact(values: Partial<Record<'phone' | 'street' | 'houseNumber' | 'flatNumber' | 'postalCode' | 'city', string>>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await (this as unknown as Record<string, Locator>)[name]!.fill(value!);
  }

  /** The alert of one section's form (field errors, conflict, limits). */
  problem(section: Locator): Locator {
    return section.getByRole('alert');
  }
}

/** The consents on /account. */
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

/** /account/delete. */
export class DeletePage {
  readonly heading: Locator;
  readonly confirm: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Usuń konto w portalu' });
    this.confirm = page.getByRole('checkbox', { name: 'Rozumiem, że konto w portalu zostanie usunięte i nie da się tego cofnąć.' });
    this.password = page.getByLabel('Hasło', { exact: true });
    this.submit = page.getByRole('button', { name: 'Usuń konto na stałe', exact: true });
    this.problem = page.getByRole('main').getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/account/delete');
    await expect(this.heading).toBeVisible();
  }
}

/** The fields a form would post without JavaScript: Next's `$ACTION_…` hidden inputs and the rest. */
export async function formFields(form: Locator): Promise<Record<string, string>> {
  await expect(form).toHaveCount(1);
  const fields = await form.locator('input[type="hidden"]').evaluateAll((inputs) =>
    (inputs as HTMLInputElement[]).map((i) => [i.name, i.value] as const),
  );
  expect(fields.some(([name]) => name.startsWith('$ACTION_')), "Next's action field in the form").toBe(true);
  return Object.fromEntries(fields);
}

/** The form that holds the button named `button`. */
export function formOf(page: Page, button: string): Locator {
  return page.locator('form').filter({ has: page.getByRole('button', { name: button, exact: true }) });
}

/** Posts `fields` to `path` like the browser's form would, from our own origin. */
export async function replay(request: APIRequestContext, baseURL: string, path: string, fields: Record<string, string>) {
  const response = await request.post(path, { multipart: fields, headers: { Origin: new URL(baseURL).origin }, maxRedirects: 0 });
  expect(response.status(), `replayed post to ${path}`).toBeLessThan(500);
  return response;
}

/** The desk opens a person's verification detail (any status). */
export async function openDetail(desk: Page, person: Person): Promise<AccountDetailPage> {
  const queue = new VerificationQueuePage(desk);
  await queue.goto();
  const id = await queue.find(person.pesel, person);
  const detail = new AccountDetailPage(desk);
  await detail.goto(id);
  return detail;
}

/** A fresh address for an email change. */
export function newAddress(person: Person): string {
  return person.email.replace('@', '.nowy@');
}

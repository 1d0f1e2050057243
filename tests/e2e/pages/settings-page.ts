// /account/settings: the patient's password, email, phone and address, and signing out
// everywhere (issue 12) — four forms, each in its own titled section.
import { expect, type Locator, type Page } from '@playwright/test';

type ContactField = 'phone' | 'street' | 'houseNumber' | 'flatNumber' | 'postalCode' | 'city';

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
    // The page's answer to the last post (the passkeys section has a live region of its own).
    this.status = page.getByRole('main').getByRole('status').and(page.locator('[data-flash]'));
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

  /** Types into the phone and address fields named in `values` (in their order). */
  async fillContact(values: Partial<Record<ContactField, string>>): Promise<void> {
    for (const [name, value] of Object.entries(values) as Array<[ContactField, string]>) await this[name].fill(value);
  }

  /** The alert of one section's form (field errors, conflict, limits). */
  problem(section: Locator): Locator {
    return section.getByRole('alert');
  }
}

// Passkeys on the pages (SPEC §19): the keys section of the patient's settings and of the staff's
// /admin/mfa, the "Zaloguj kluczem dostępu" card of /login (and "Potwierdź kluczem" on
// /login/code), and /account's "Jak się zalogowałeś".
import { expect, type Locator, type Page } from '@playwright/test';

/** The keys section: "Klucze dostępu" (patients) or "Klucze bezpieczeństwa" (staff). */
export class PasskeySection {
  readonly section: Locator;
  readonly name: Locator;
  readonly add: Locator;
  readonly list: Locator;
  readonly notices: Locator;
  readonly alert: Locator;

  constructor(
    readonly page: Page,
    audience: 'patient' | 'staff',
  ) {
    const staff = audience === 'staff';
    this.section = page.getByRole('region', { name: staff ? 'Klucze bezpieczeństwa' : 'Klucze dostępu', exact: true });
    this.name = this.section.getByRole('textbox', { name: 'Nazwa klucza', exact: true });
    this.add = this.section.getByRole('button', { name: staff ? 'Dodaj klucz bezpieczeństwa' : 'Dodaj klucz dostępu', exact: true });
    this.list = this.section.getByTestId('passkey-list');
    this.notices = this.section.getByRole('status');
    this.alert = this.section.getByRole('alert');
  }

  /** The listed key named `name`. */
  item(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  remove(name: string): Locator {
    return this.section.getByRole('button', { name: `Usuń klucz: ${name}`, exact: true });
  }

  /** Names the key and lets the (virtual) authenticator make it; the caller checks the outcome. */
  async addKey(name: string): Promise<void> {
    await this.name.fill(name);
    await this.add.click();
  }
}

/** The passkey button of /login ("Zaloguj kluczem dostępu") or of /login/code ("Potwierdź kluczem"). */
export class PasskeySignInCard {
  readonly button: Locator;
  readonly alert: Locator;

  constructor(
    readonly page: Page,
    step: 'first' | 'second' = 'first',
  ) {
    this.button = page.getByRole('button', { name: step === 'first' ? 'Zaloguj kluczem dostępu' : 'Potwierdź kluczem', exact: true });
    // Scoped to the main content: Next's route announcer is an empty role=alert too.
    this.alert = page.getByRole('main').getByRole('alert');
  }

  /** Presses the button once the page has hydrated (it is disabled until the browser is known). */
  async press(): Promise<void> {
    await expect(this.button).toBeEnabled();
    await this.button.click();
  }
}

/** /account's "Jak się zalogowałeś": the way of signing in and the identity, as the patient reads them. */
export class AssuranceSection {
  readonly section: Locator;
  readonly way: Locator;
  readonly identity: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Jak się zalogowałeś', exact: true });
    const value = (label: string) => this.section.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
    this.way = value('Sposób logowania');
    this.identity = value('Tożsamość');
  }
}

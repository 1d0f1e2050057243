// /admin/verifications: the desk's queue with its GET search form (SPEC §11).
import { expect, type Locator, type Page } from '@playwright/test';
import type { Person } from '../../helpers/people';

type Named = Pick<Person, 'firstName' | 'lastName'>;

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
  linkTo(person: Named): Locator {
    return this.table.getByRole('rowheader').getByRole('link', { name: `${person.lastName} ${person.firstName}`, exact: true });
  }

  /** The person's row in the table. */
  rowOf(person: Named): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: `${person.lastName} ${person.firstName}`, exact: true }) });
  }

  /** Searches with the form (all statuses) and returns the person's account id. */
  async find(query: string, person: Named): Promise<string> {
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

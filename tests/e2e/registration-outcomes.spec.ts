// What the server decides about who is registering (SPEC §4): patients without PESEL, and the
// data conflicts with the demo patients of lib/demo/seed.ts (npm run db:seed before the server starts).
import { newPerson, randomBirthDate } from '../helpers/people';
import { expect, test } from './fixtures';
import type { RegisterPage } from './pages/register-page';
import { CONFLICT_HEADING, SENT_HEADING } from './support/words';

/** The conflict message is shown, focused, and names no field (SPEC §4.5). */
async function expectConflict(form: RegisterPage): Promise<void> {
  await expect(form.conflict).toBeVisible();
  await expect(form.conflict).toBeFocused();
  await expect(form.conflict.getByRole('heading', { name: CONFLICT_HEADING })).toBeVisible();
  await expect(form.conflict).toContainText('Skontaktuj się z pracownikami jednostki');
  await expect(form.conflict).toContainText('Krasnystawska 52');
  await expect(form.conflict).not.toContainText(/PESEL|login|e-?mail|data urodzenia|imię|nazwisko/i);
  await expect(form.errorSummary).toHaveCount(0);
  await expect(form.page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(form.page).toHaveURL(/\/register$/);
}

test.describe('patients without PESEL', () => {
  test('a patient who types BRAK and a birth date registers', async ({ page, registerPage: form }) => {
    await form.goto();
    await form.register(newPerson({ pesel: 'BRAK', birthDate: randomBirthDate().iso }));
    await expect(page).toHaveURL(/\/register\/sent$/);
    await expect(page.getByRole('heading', { level: 1, name: SENT_HEADING })).toBeVisible();
  });

  test('BRAK without a birth date is a field error on Data urodzenia', async ({ registerPage: form }) => {
    await form.goto();
    await form.register(newPerson({ pesel: 'BRAK', birthDate: '' }));
    await expect(form.errorSummary).toBeFocused();
    await expect(form.birthDate).toHaveAttribute('aria-invalid', 'true');
    await expect(form.birthDate).toHaveAccessibleDescription(/To pole jest wymagane\./);
  });

  test('BRAK with the name and birth date of a known patient without PESEL is a data conflict', async ({ registerPage: form }) => {
    await form.goto();
    await form.register(newPerson({ pesel: 'BRAK', firstName: 'Olena', lastName: 'Shevchenko', birthDate: '1990-07-21' }));
    await expectConflict(form);
  });

  test('the same person typed in another case and with extra spaces is still a data conflict', async ({ registerPage: form }) => {
    await form.goto();
    await form.register(newPerson({ pesel: 'brak', firstName: ' OLENA ', lastName: 'shevchenko', birthDate: '1990-07-21' }));
    await expectConflict(form);
  });
});

test.describe('data conflicts', () => {
  test('the PESEL of a patient who already has an account is a data conflict that names no field', async ({ registerPage: form }) => {
    await form.goto();
    await form.register(newPerson({ pesel: '75110245621', firstName: 'Anna', lastName: 'Nowak' }));
    await expectConflict(form);
  });

  test('an email that already belongs to an account is a data conflict', async ({ registerPage: form }) => {
    await form.goto();
    await form.register(newPerson({ email: 'Anna.Nowak@example.pl' }));
    await expectConflict(form);
  });

  test("a known PESEL with somebody else's name is a data conflict", async ({ registerPage: form }) => {
    // Jan Kowalski's record (no account) must never be attached to a different person. The attach
    // itself (right name) succeeds only once per database, so it is covered by integration tests.
    await form.goto();
    await form.register(newPerson({ pesel: '80031212355', firstName: 'Janusz', lastName: 'Kowalczyk' }));
    await expectConflict(form);
  });

  test('after a conflict the form is ready for another attempt with a fresh captcha', async ({ page, registerPage: form }) => {
    const person = newPerson({ pesel: '75110245621', firstName: 'Anna', lastName: 'Nowak' });
    await form.goto();
    await form.register(person);
    await expectConflict(form);

    const fresh = newPerson();
    await form.register(fresh);
    await expect(page).toHaveURL(/\/register\/sent$/);
  });
});

// Consents and RODO rights on /account (issue 12): withdraw and give the notification consents
// with a visible history, download one's data as a file and a printable page, erase the account.
import { newPerson } from '../helpers/people';
import { expect, test } from './fixtures';
import { ConsentsPanel } from './pages/consents-panel';
import { DeletePage } from './pages/delete-page';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';
import { registerAndActivate, signInPatient } from './support/patients';
import { signInStaff } from './support/staff';
import { SELF_SERVICE_MESSAGES as MESSAGES } from './support/words';

for (const js of [true, false]) {
  test.describe(`consents ${js ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled: js });

    test('the email consent is withdrawn and given again, each time appended to the history', async ({ page, newPage }) => {
      const patient = await registerAndActivate(await newPage({ javaScriptEnabled: true }));
      await signInPatient(page, patient);
      const consents = new ConsentsPanel(page);
      await expect(consents.state('data_processing')).toHaveText('Wyrażona');
      await expect(consents.state('email')).toHaveText('Wyrażona');
      await expect(consents.region.locator('[data-consent="email"]')).toContainText('wersja treści 2026-11-01');
      await expect(consents.region.locator('[data-consent="email"]')).toContainText('w formularzu rejestracji');

      await consents.button('Wycofaj', 'Powiadomienia email').click();
      await expect(consents.status).toHaveText(MESSAGES.consentWithdrawn);
      await expect(consents.state('email')).toHaveText('Wycofana');
      await expect(consents.state('sms')).toHaveText('Wyrażona');
      await consents.button('Wyraź', 'Powiadomienia email').click();
      await expect(consents.status).toHaveText(MESSAGES.consentGiven);
      await expect(consents.state('email')).toHaveText('Wyrażona');

      await consents.openHistory();
      const rows = consents.history.getByRole('row').filter({ hasText: 'Powiadomienia email' });
      await expect(rows).toHaveCount(3);
      await expect(rows.nth(1)).toContainText('wycofana');
      await expect(rows.nth(1)).toContainText('w ustawieniach konta');
      // Withdrawing the data-processing consent is the erasure, explained.
      await expect(consents.region.locator('[data-consent="data_processing"]')).toContainText(
        'Jej wycofanie oznacza usunięcie konta w portalu',
      );
      await expect(consents.region.getByRole('link', { name: 'Wycofaj zgodę i usuń konto' })).toHaveAttribute('href', '/account/delete');
    });
  });
}

test.describe('my data', () => {
  test('the JSON file and the printable page hold the account, the record, consents and emails', async ({ page }) => {
    const patient = await registerAndActivate(page);
    await signInPatient(page, patient);
    await page.getByRole('link', { name: 'Pobierz moje dane' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Moje dane' })).toBeVisible();
    const main = page.getByRole('main');
    for (const text of [
      patient.person.login,
      patient.person.email,
      patient.person.pesel,
      patient.person.lastName,
      'Aktywacja konta w portalu E-Rejestracja',
    ]) {
      await expect(main).toContainText(text);
    }
    await expect(page.getByRole('region', { name: 'Logowania' })).toContainText('1');
    await expect(page.getByRole('button', { name: 'Drukuj' })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Pobierz plik JSON' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^moje-dane-e-rejestracja-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8'));
    expect(data.account).toMatchObject({ login: patient.person.login, email: patient.person.email, status: 'active' });
    expect(data.patientRecord).toMatchObject({ pesel: patient.person.pesel, lastName: patient.person.lastName });
    expect(data.consents.history.map((c: { kind: string }) => c.kind).sort()).toEqual(['data_processing', 'email', 'sms']);
    expect(data.signIns.count).toBe(1);
    expect(JSON.stringify(data)).not.toMatch(/argon2|hash/i);
  });

  test('the file is refused without a session', async ({ page }) => {
    const response = await page.request.get('/account/data/download', { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()['location']).toBe('/login');
  });
});

for (const js of [true, false]) {
  test.describe(`erasing the web account ${js ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled: js });

    test('needs the password and the confirmation, then frees the login and email; staff see it in the audit log', async ({
      page,
      newPage,
    }) => {
      test.setTimeout(120_000);
      const patient = await registerAndActivate(await newPage({ javaScriptEnabled: true }));
      await signInPatient(page, patient);
      const erase = new DeletePage(page);
      await erase.goto();
      await expect(page.getByRole('main')).toContainText('Kartoteka pacjenta w szpitalu (dane osobowe i adres) pozostaje');

      // The browser would insist on the box; the server insists too.
      await erase.confirm.evaluate((el) => el.closest('form')!.setAttribute('novalidate', ''));
      await erase.password.fill(patient.password);
      await erase.submit.click();
      await expect(erase.problem).toContainText('Zaznacz, że rozumiesz skutki usunięcia konta.');
      await erase.confirm.evaluate((el) => el.closest('form')!.setAttribute('novalidate', ''));
      await erase.confirm.check();
      await erase.password.fill('Zle#haslo123');
      await erase.submit.click();
      await expect(erase.problem).toContainText(MESSAGES.wrongPassword);

      await erase.confirm.check();
      await erase.password.fill(patient.password);
      await erase.submit.click();
      await expect(page).toHaveURL(/\/account\/deleted$/);
      await expect(page.getByRole('heading', { level: 1, name: MESSAGES.deleted })).toBeVisible();
      await page.goto('/account');
      await expect(page).toHaveURL(/\/login(\?.*)?$/);
      await new LoginPage(page).expectRefused(patient.person.login, patient.password, 'Nieprawidłowy login lub hasło.');

      // The same person registers again with the same login and email: the record is attached.
      const again = await newPage({ javaScriptEnabled: true });
      const form = new RegisterPage(again);
      await form.goto();
      await form.register(newPerson({ ...patient.person }));
      await expect(again).toHaveURL(/\/register\/sent$/);

      const admin = await newPage({ javaScriptEnabled: true });
      await signInStaff(admin, 'admin');
      await admin.goto('/admin/audit');
      const row = admin.getByRole('row').filter({ hasText: 'patient.account_deleted' }).filter({ hasText: patient.person.login });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Pacjent (samoobsługa)');
    });
  });
}

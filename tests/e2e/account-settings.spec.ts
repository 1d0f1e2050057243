// The patient's settings (issue 12): password, email, phone and address, sign out everywhere —
// with and without JavaScript, and the desk accepting a verified patient's new address.
import { strongPassword } from '../helpers/people';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { SettingsPage } from './pages/settings-page';
import { EMAIL_CONFIRM_HREF } from './support/links';
import { DevMailbox } from './support/mailbox';
import { newAddress, registerAndActivate, signInPatient } from './support/patients';
import { openDetail, signInStaff } from './support/staff';
import {
  CONFLICT_HEADING,
  EMAIL_CONFIRM_SUBJECT,
  EMAIL_NOTICE_SUBJECT,
  PASSWORD_CHANGED_SUBJECT,
  SELF_SERVICE_MESSAGES as MESSAGES,
} from './support/words';

test.describe('settings with JavaScript', () => {
  test('a password change keeps this browser signed in, signs the other devices out and emails a notice', async ({
    page,
    newPage,
    mailbox,
  }) => {
    const patient = await registerAndActivate(page);
    await signInPatient(page, patient);
    const otherDevice = await newPage();
    await signInPatient(otherDevice, patient);

    const settings = new SettingsPage(page);
    await settings.goto();
    // The live checklist of activation.
    await settings.newPassword.fill('abc');
    await expect(settings.rules.first()).toContainText('✗');
    await settings.newPassword.fill('');

    const next = strongPassword();
    await settings.changePasswordTo(strongPassword(), next);
    const problem = settings.problem(settings.passwordSection);
    await expect(problem).toContainText(MESSAGES.wrongPassword);
    await expect(problem).toBeFocused();
    await expect(settings.currentPassword).toHaveAttribute('aria-invalid', 'true');
    await expect(settings.newPassword).toHaveValue('');

    await settings.changePasswordTo(patient.password, next);
    await expect(page).toHaveURL(/\/account\/settings\?done=password$/);
    await expect(settings.status).toHaveText(MESSAGES.passwordChanged);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/account$/);

    await otherDevice.goto('/account');
    await expect(otherDevice).toHaveURL(/\/login(\?.*)?$/);
    const login = new LoginPage(otherDevice);
    await login.expectRefused(patient.person.login, patient.password, 'Nieprawidłowy login lub hasło.');
    await login.signIn(patient.person.login, next);
    await expect(otherDevice).toHaveURL(/\/account$/);

    const links = await mailbox.openEmail(patient.person.email, PASSWORD_CHANGED_SUBJECT);
    await expect(links.first()).toHaveAttribute('href', /\/password\/forgot$/);
  });

  test('an email change waits for the link sent to the new address, tells the old one, and refuses an address in use', async ({
    page,
    newPage,
  }) => {
    const patient = await registerAndActivate(page);
    await signInPatient(page, patient);
    const settings = new SettingsPage(page);
    await settings.goto();

    // The demo patient's address (lib/demo/seed.ts) belongs to another account: the neutral conflict.
    await settings.requestEmail('Anna.Nowak@example.pl', patient.password);
    const problem = settings.problem(settings.emailSection);
    await expect(problem.getByRole('heading', { name: CONFLICT_HEADING })).toBeVisible();
    await expect(problem).not.toContainText('email');

    const address = newAddress(patient.person);
    await settings.requestEmail(address, patient.password);
    await expect(page).toHaveURL(/done=email-sent$/);
    await expect(settings.status).toContainText(address);
    await expect(settings.pendingEmail).toContainText(address);
    await expect(settings.currentEmail).toHaveText(patient.person.email);

    const mail = new DevMailbox(await newPage());
    await mail.openEmail(patient.person.email, EMAIL_NOTICE_SUBJECT);
    await expect(mail.page.locator('pre')).not.toContainText(address);
    const href = await mail.latestLink(address, EMAIL_CONFIRM_SUBJECT, EMAIL_CONFIRM_HREF);

    await page.goto(href);
    await expect(page.getByRole('heading', { level: 1, name: 'Potwierdź nowy adres email' })).toBeVisible();
    await page.getByRole('button', { name: 'Potwierdź nowy adres', exact: true }).click();
    await expect(page).toHaveURL(/\/account\/settings\?done=email-confirmed$/);
    await expect(settings.currentEmail).toHaveText(address);
    await expect(settings.pendingEmail).toHaveCount(0);
    // The link works once.
    await page.goto(href);
    await expect(page.locator('[data-link-state]')).toHaveAttribute('data-link-state', 'used');
  });

  test('phone and address are checked live with the registration rules and saved for an unverified patient', async ({ page }) => {
    const patient = await registerAndActivate(page);
    await signInPatient(page, patient);
    const settings = new SettingsPage(page);
    await settings.goto();

    await settings.postalCode.fill('2101');
    await settings.city.focus();
    await expect(settings.postalCode).toHaveAccessibleDescription(/Podaj kod pocztowy w formacie 00-000\./);
    await settings.houseNumber.fill('12//4');
    // Leaving the field shows its error first (and moves the button), as a patient would see it.
    await settings.flatNumber.focus();
    await expect(settings.houseNumber).toHaveAttribute('aria-invalid', 'true');
    await settings.saveContact.click();
    const problem = settings.problem(settings.contactSection);
    await expect(problem.getByRole('heading', { name: MESSAGES.summary })).toBeVisible();
    await expect(problem).toBeFocused();
    await expect(problem).toContainText('Numer domu: Podaj numer domu, np. 12, 12A lub 12/14.');
    await expect(settings.houseNumber).toHaveValue('12//4');

    await settings.fillContact({ phone: 'brak', street: 'Nowa', houseNumber: '7b', flatNumber: '', postalCode: '20001', city: 'Lublin' });
    await settings.saveContact.click();
    await expect(settings.status).toHaveText(MESSAGES.contactSaved);
    await page.goto('/account');
    await expect(page.getByRole('main')).toContainText('Nowa 7B, 20-001 Lublin');
    await expect(page.getByRole('main')).toContainText('BRAK');
  });

  test("a verified patient's new address waits for the desk, which accepts it into the record", async ({ page, newPage }) => {
    test.setTimeout(120_000);
    const patient = await registerAndActivate(page);
    const desk = await newPage();
    await signInStaff(desk, 'registrar');
    const detail = await openDetail(desk, patient.person);
    await detail.verify.click();
    await expect(detail.status).toHaveAttribute('data-account-status', 'verified');

    await signInPatient(page, patient);
    const settings = new SettingsPage(page);
    await settings.goto();
    await expect(settings.contactSection).toContainText('zmiana adresu trafi do rejestracji');
    await settings.fillContact({ street: 'Długa', houseNumber: '3', postalCode: '21-040', city: 'Świdnik' });
    await settings.saveContact.click();
    await expect(settings.status).toHaveText(MESSAGES.contactPending);
    await expect(settings.pendingData).toContainText('Długa 3, 21-040 Świdnik');
    await page.goto('/account');
    await expect(page.getByRole('main')).toContainText('Krasnystawska 52, 21-010 Łęczna');

    await desk.goto('/admin/data-changes');
    await desk.getByRole('link', { name: `${patient.person.lastName} ${patient.person.firstName}`, exact: true }).click();
    const change = desk.getByRole('region', { name: 'Zmiana danych do potwierdzenia' });
    await expect(change.locator('[data-proposed="city"]')).toContainText('Świdnik');
    await change.getByRole('button', { name: 'Przyjmij zmianę do kartoteki', exact: true }).click();
    await expect(desk.getByRole('main').getByRole('status').first()).toHaveText(MESSAGES.changeAccepted);
    await expect(desk.getByRole('region', { name: 'Kartoteka pacjenta' })).toContainText('Świdnik');

    await page.goto('/account');
    await expect(page.getByRole('main')).toContainText('Długa 3, 21-040 Świdnik');
  });
});

test.describe('settings without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a refused password names the broken rules; a good one is saved and the patient stays signed in', async ({ page, newPage }) => {
    const patient = await registerAndActivate(await newPage({ javaScriptEnabled: true }));
    await signInPatient(page, patient);
    const settings = new SettingsPage(page, false);
    await settings.goto();
    await settings.changePasswordTo(patient.password, 'kbtrwyp', 'inne');
    const refused = settings.problem(settings.passwordSection);
    await expect(refused).toContainText('Nowe hasło: Nie zmieniono hasła.');
    await expect(settings.passwordSection.getByRole('list', { name: /Hasło nie spełnia warunków/ })).toContainText(
      'oba wpisane hasła muszą być identyczne',
    );
    const next = strongPassword();
    await settings.changePasswordTo(patient.password, next);
    await expect(page).toHaveURL(/done=password$/);
    await expect(settings.status).toHaveText(MESSAGES.passwordChanged);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/account$/);
  });

  test('an email change is asked for, cancelled, asked for again and confirmed from a browser without a session', async ({
    page,
    newPage,
  }) => {
    const patient = await registerAndActivate(await newPage({ javaScriptEnabled: true }));
    await signInPatient(page, patient);
    const settings = new SettingsPage(page, false);
    await settings.goto();
    const first = newAddress(patient.person);
    await settings.requestEmail(first, patient.password);
    await expect(settings.pendingEmail).toContainText(first);
    await settings.cancelEmail.click();
    await expect(settings.status).toHaveText(MESSAGES.emailCancelled);
    await expect(settings.pendingEmail).toHaveCount(0);

    const second = first.replace('.nowy@', '.drugi@');
    await settings.requestEmail(second, patient.password);
    const mail = await newPage({ javaScriptEnabled: true });
    const cancelled = await new DevMailbox(mail).latestLink(first, EMAIL_CONFIRM_SUBJECT, EMAIL_CONFIRM_HREF);
    const href = await new DevMailbox(mail).latestLink(second, EMAIL_CONFIRM_SUBJECT, EMAIL_CONFIRM_HREF);
    await mail.goto(cancelled);
    await expect(mail.locator('[data-link-state]')).toHaveAttribute('data-link-state', 'superseded');

    const elsewhere = await newPage();
    await elsewhere.goto(href);
    await elsewhere.getByRole('button', { name: 'Potwierdź nowy adres', exact: true }).click();
    await expect(elsewhere).toHaveURL(/\/account\/email\/confirmed$/);
    await page.goto('/account/settings');
    await expect(settings.currentEmail).toHaveText(second);
  });

  test('phone and address errors are shown next to the fields and in a summary; valid data is saved', async ({ page, newPage }) => {
    const patient = await registerAndActivate(await newPage({ javaScriptEnabled: true }));
    await signInPatient(page, patient);
    const settings = new SettingsPage(page, false);
    await settings.goto();
    await settings.fillContact({ phone: '123', postalCode: 'abc' });
    await settings.saveContact.click();
    await expect(settings.problem(settings.contactSection)).toContainText('Kod pocztowy: Podaj kod pocztowy w formacie 00-000.');
    await expect(settings.phone).toHaveAttribute('aria-invalid', 'true');
    await expect(settings.phone).toHaveValue('123');
    await settings.fillContact({ phone: '+48 601 202 303', postalCode: '21-040' });
    await settings.saveContact.click();
    await expect(settings.status).toHaveText(MESSAGES.contactSaved);
    await expect(settings.phone).toHaveValue('+48601202303');
  });

  test('signing out everywhere ends the sessions of every device', async ({ page, newPage }) => {
    const patient = await registerAndActivate(await newPage({ javaScriptEnabled: true }));
    const phone = await newPage();
    await signInPatient(phone, patient);
    await signInPatient(page, patient);
    const settings = new SettingsPage(page, false);
    await settings.goto();
    await settings.signOutEverywhere.click();
    await expect(page).toHaveURL(/\/login(\?.*)?$/);
    await phone.goto('/account');
    await expect(phone).toHaveURL(/\/login(\?.*)?$/);
  });
});

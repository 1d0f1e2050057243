// WCAG 2.1 AA (SPEC §13) on the patient's self-service (issue 12): axe-core finds nothing on the
// settings (also with errors and waiting changes), consents, data, erasure and confirmation
// pages, nor on the desk's view of a change; the patient's pages reflow at 360 px.
import { strongPassword } from '../helpers/people';
import { expect, test } from './fixtures';
import { ConsentsPanel } from './pages/consents-panel';
import { DeletePage } from './pages/delete-page';
import { SettingsPage } from './pages/settings-page';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { EMAIL_CONFIRM_HREF } from './support/links';
import { DevMailbox } from './support/mailbox';
import { newAddress, registerAndActivate, signInPatient } from './support/patients';
import { openDetail, signInStaff } from './support/staff';
import { EMAIL_CONFIRM_SUBJECT, SELF_SERVICE_MESSAGES as MESSAGES } from './support/words';

test.describe('axe-core finds no WCAG 2.1 A/AA violations', () => {
  test.describe.configure({ timeout: 120_000 });

  test('on the settings: empty, with refused forms, with waiting changes, and on the confirmation page', async ({ page, newPage }) => {
    const patient = await registerAndActivate(page);
    await signInPatient(page, patient);
    const settings = new SettingsPage(page);
    await settings.goto();
    await expectNoAxeViolations(page);

    await settings.newPassword.fill('abc');
    await expect(settings.rules.first()).toContainText('✗');
    await settings.changePasswordTo(strongPassword(), 'kbtrwyp');
    await expect(settings.problem(settings.passwordSection)).toBeVisible();
    await settings.fillContact({ postalCode: 'zly', houseNumber: '' });
    await settings.flatNumber.focus();
    await settings.saveContact.click();
    await expect(settings.problem(settings.contactSection)).toBeVisible();
    await settings.requestEmail('anna.nowak@example.pl', patient.password);
    await expect(settings.problem(settings.emailSection)).toContainText('Konflikt danych');
    await expectNoAxeViolations(page);

    const address = newAddress(patient.person);
    await settings.requestEmail(address, patient.password);
    await expect(settings.pendingEmail).toBeVisible();
    await expectNoAxeViolations(page);

    const href = await new DevMailbox(await newPage()).latestLink(address, EMAIL_CONFIRM_SUBJECT, EMAIL_CONFIRM_HREF);
    await page.goto(href);
    await expect(page.getByRole('button', { name: 'Potwierdź nowy adres' })).toBeVisible();
    await expectNoAxeViolations(page);
    const stranger = await newPage();
    await stranger.goto(href);
    await stranger.getByRole('button', { name: 'Potwierdź nowy adres' }).click();
    await expect(stranger).toHaveURL(/\/account\/email\/confirmed$/);
    await expectNoAxeViolations(stranger);
    await stranger.goto(href);
    await expect(stranger.locator('[data-link-state]')).toBeVisible();
    await expectNoAxeViolations(stranger);
  });

  test('on the account page with consents and their history, the data page and the erasure page', async ({ page }) => {
    const patient = await registerAndActivate(page);
    await signInPatient(page, patient);
    const consents = new ConsentsPanel(page);
    await consents.button('Wycofaj', 'Powiadomienia SMS').click();
    await expect(consents.status).toHaveText(MESSAGES.consentWithdrawn);
    await consents.openHistory();
    await expectNoAxeViolations(page);

    await page.goto('/account/data');
    await expect(page.getByRole('heading', { level: 1, name: 'Moje dane' })).toBeVisible();
    await expectNoAxeViolations(page);

    const erase = new DeletePage(page);
    await erase.goto();
    await expectNoAxeViolations(page);
    await erase.confirm.check();
    await erase.password.fill('Zle#haslo123');
    await erase.submit.click();
    await expect(erase.problem).toContainText(MESSAGES.wrongPassword);
    await expectNoAxeViolations(page);
    await erase.confirm.check();
    await erase.password.fill(patient.password);
    await erase.submit.click();
    await expect(page).toHaveURL(/\/account\/deleted$/);
    await expectNoAxeViolations(page);
  });

  test("on the desk's view of a waiting address change and its list", async ({ page, newPage }) => {
    const patient = await registerAndActivate(await newPage());
    await signInStaff(page, 'registrar');
    const detail = await openDetail(page, patient.person);
    await detail.verify.click();
    await expect(detail.status).toHaveAttribute('data-account-status', 'verified');
    const own = await newPage();
    await signInPatient(own, patient);
    const settings = new SettingsPage(own);
    await settings.goto();
    await settings.fillContact({ city: 'Chełm', postalCode: '22-100' });
    await settings.saveContact.click();
    await expect(settings.status).toHaveText(MESSAGES.contactPending);

    await page.reload();
    await expect(page.getByRole('region', { name: 'Zmiana danych do potwierdzenia' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/admin/data-changes');
    await expect(page.getByRole('heading', { level: 1, name: 'Zmiany danych do potwierdzenia' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('no horizontal scrolling at 360 px width', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('on the settings, the account page with consents, the data page and the erasure page', async ({ page }) => {
    // A long login and email must wrap, not widen the page.
    const patient = await registerAndActivate(page, { email: `bardzo.dlugi.adres.${Date.now()}.pacjentki@przyklad-szpitala.example.pl` });
    await signInPatient(page, patient);
    const consents = new ConsentsPanel(page);
    await consents.openHistory();
    await expectNoHorizontalScroll(page);
    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.requestEmail(newAddress(patient.person), patient.password);
    await expect(settings.pendingEmail).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.goto('/account/data');
    await expect(page.getByRole('heading', { level: 1, name: 'Moje dane' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await new DeletePage(page).goto();
    await expectNoHorizontalScroll(page);
  });
});

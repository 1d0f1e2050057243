// The registration desk (SPEC §2.5, §5, §11): staff find a patient, confirm the identity from a
// document, block and unblock accounts, and every decision is in the audit log.
import { newPerson, strongPassword } from '../helpers/people';
import { expect, test } from './fixtures';
import { AccountDetailPage } from './pages/account-detail-page';
import { AccountPage } from './pages/account-page';
import { LoginPage } from './pages/login-page';
import { PasswordPage } from './pages/password-page';
import { PasswordSetPage } from './pages/password-set-page';
import { RegisterPage } from './pages/register-page';
import { tabTo } from './support/accessibility';
import { activationLinkFor } from './support/mailbox';
import { registerAndActivate, registerPerson, signInPatient } from './support/patients';
import { signOut } from './support/sign-out';
import { STAFF, openDetail, signInStaff } from './support/staff';
import { SIGN_IN_MESSAGES, VERIFIED_SUBJECT } from './support/words';

test.describe('the registration desk', () => {
  test('the registrar finds a new patient by PESEL and confirms the identity from an ID card with the keyboard only, and the patient sees a verified account', async ({
    page,
    newPage,
    mailbox,
  }) => {
    const patient = await registerAndActivate(page);
    const account = await signInPatient(page, patient);
    await account.expectUnverified();

    const desk = await newPage();
    const queue = await signInStaff(desk, 'registrar');
    // From here on the desk uses the keyboard only: the search field has the focus.
    await expect(queue.search).toBeFocused();
    await desk.keyboard.type(patient.person.pesel);
    await desk.keyboard.press('Enter');
    await expect(desk).toHaveURL(new RegExp(`[?&]q=${patient.person.pesel}(&|$)`));
    const row = queue.rowOf(patient.person);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(patient.person.login);
    await expect(row).toContainText('Aktywne, niezweryfikowane');

    await tabTo(desk, queue.linkTo(patient.person));
    await desk.keyboard.press('Enter');
    const detail = new AccountDetailPage(desk);
    await expect(desk).toHaveURL(/\/admin\/verifications\/[0-9a-f-]{36}$/);
    await expect(detail.status).toHaveAttribute('data-account-status', 'active');
    await expect(desk.getByRole('heading', { level: 1 })).toHaveText(`${patient.person.firstName} ${patient.person.lastName}`);

    const idCard = detail.document('Dowód osobisty');
    const passport = detail.document('Paszport');
    await tabTo(desk, idCard);
    // Arrow keys move within the radio group; Space selects the focused document.
    await desk.keyboard.press('ArrowDown');
    await expect(passport).toBeChecked();
    await desk.keyboard.press('ArrowUp');
    await expect(idCard).toBeFocused();
    await desk.keyboard.press('Space');
    await expect(idCard).toBeChecked();
    await tabTo(desk, detail.verify);
    await desk.keyboard.press('Enter');

    await expect(detail.message).toHaveText('Tożsamość potwierdzona. Konto jest zweryfikowane.');
    await expect(detail.status).toHaveAttribute('data-account-status', 'verified');
    await expect(detail.status.locator('..')).toContainText(
      `Tożsamość potwierdzona przez: ${STAFF.registrar.name}, dokument: Dowód osobisty.`,
    );
    // A verified account is no longer offered for verification.
    await expect(detail.verify).toHaveCount(0);

    await page.reload();
    await account.expectVerified();
    // The patient is told by email too.
    await expect((await mailbox.messagesTo(patient.person.email)).filter({ hasText: VERIFIED_SUBJECT })).toHaveCount(1);
  });

  test('a blocked patient cannot sign in and an open session ends; the registrar cannot unblock, the admin can', async ({
    page,
    newPage,
  }) => {
    const patient = await registerAndActivate(page);
    await signInPatient(page, patient);

    const desk = await newPage();
    await signInStaff(desk, 'registrar');
    const detail = await openDetail(desk, patient.person);
    const reason = `Dokument nie zgadza się z danymi (${Date.now()})`;
    await detail.blockWith(reason);
    await expect(detail.status.locator('..')).toContainText(`Zablokowane przez: ${STAFF.registrar.name}. Powód: ${reason}`);
    // Only an admin may lift a block, and a blocked account cannot be verified.
    await expect(detail.unblock).toHaveCount(0);
    await expect(detail.verify).toHaveCount(0);

    // The patient's open session is over.
    await page.reload();
    await expect(page).toHaveURL(/\/login(\?.*)?$/);
    const login = new LoginPage(page);
    await login.signIn(patient.person.login, patient.password);
    await expect(login.error).toHaveText(SIGN_IN_MESSAGES.blocked);
    // A wrong password says nothing about the block.
    await login.signIn(patient.person.login, strongPassword());
    await expect(login.error).toHaveText(SIGN_IN_MESSAGES.failed);

    const admin = await newPage();
    await signInStaff(admin, 'admin');
    const adminDetail = await openDetail(admin, patient.person);
    await expect(adminDetail.status).toHaveAttribute('data-account-status', 'blocked');
    await adminDetail.doUnblock();
    // Back to the state the account had earned: active, not verified.
    await expect(adminDetail.status).toHaveAttribute('data-account-status', 'active');

    await signInPatient(page, patient);
  });

  test('the admin sees every staff decision about an account in the audit log, with who did it', async ({ page, newPage }) => {
    const patient = await registerAndActivate(page);

    const desk = await newPage();
    await signInStaff(desk, 'registrar');
    const detail = await openDetail(desk, patient.person);
    await detail.document('Paszport').check();
    await detail.verify.click();
    await expect(detail.status).toHaveAttribute('data-account-status', 'verified');
    await detail.blockWith('Prośba pacjenta o zablokowanie konta');
    // The registrar has no audit log.
    await expect(desk.getByRole('navigation', { name: 'Panel rejestracji' }).getByRole('link', { name: 'Dziennik zdarzeń' })).toHaveCount(
      0,
    );

    const admin = await newPage();
    await signInStaff(admin, 'admin');
    const adminDetail = await openDetail(admin, patient.person);
    await adminDetail.doUnblock();
    await expect(adminDetail.status).toHaveAttribute('data-account-status', 'verified');

    await admin.getByRole('navigation', { name: 'Panel rejestracji' }).getByRole('link', { name: 'Dziennik zdarzeń' }).click();
    await expect(admin).toHaveURL(/\/admin\/audit$/);
    await expect(admin.getByRole('heading', { level: 1, name: 'Dziennik zdarzeń' })).toBeVisible();
    const rows = admin.getByRole('row').filter({ has: admin.getByRole('link', { name: patient.person.login, exact: true }) });
    // Newest first: who (name and login), what, and the details of each decision.
    await expect(rows).toHaveCount(3);
    await expect(rows.locator('td:nth-child(3)')).toHaveText(['account.unblock', 'account.block', 'account.verify']);
    await expect(rows.locator('td:nth-child(2)')).toHaveText([
      `${STAFF.admin.name} (${STAFF.admin.login})`,
      `${STAFF.registrar.name} (${STAFF.registrar.login})`,
      `${STAFF.registrar.name} (${STAFF.registrar.login})`,
    ]);
    await expect(rows.nth(0)).toContainText('status: verified');
    await expect(rows.nth(1)).toContainText('reason: Prośba pacjenta o zablokowanie konta');
    await expect(rows.nth(2)).toContainText('document: paszport');
  });

  test('the registrar sends a new activation link to a patient who lost the email; the old link stops working', async ({
    page,
    newPage,
  }) => {
    const person = await registerPerson(page);
    const old = await activationLinkFor(page, person.email);

    const desk = await newPage();
    await signInStaff(desk, 'registrar');
    const detail = await openDetail(desk, person);
    await expect(detail.status).toHaveAttribute('data-account-status', 'pending_activation');
    await detail.resend.click();
    await expect(detail.message).toHaveText('Wysłano nowy link aktywacyjny; poprzednie przestały działać.');

    const fresh = await activationLinkFor(page, person.email, [old]);
    const form = new PasswordPage(page);
    await page.goto(old);
    await form.expectDeadLink('superseded');
    await form.open(fresh);
    await form.setPassword(strongPassword());
    await new PasswordSetPage(page).expectShown();
  });

  test('the queue finds a patient by PESEL, by name in either order and any case, by login and by email', async ({ page, newPage }) => {
    const person = await registerPerson(page, newPerson({ lastName: newPerson().lastName.replace('-', '') }));
    const desk = await newPage();
    const queue = await signInStaff(desk, 'registrar');
    const queries = [
      person.pesel,
      `${person.firstName} ${person.lastName}`,
      `${person.lastName.toUpperCase()} ${person.firstName.toLowerCase()}`,
      person.lastName.slice(0, -2),
      person.login.toUpperCase(),
      person.email,
    ];
    for (const query of queries) {
      await queue.goto();
      await queue.find(query, person);
      await expect(queue.rowOf(person)).toContainText('Oczekuje na aktywację');
    }
    // Somebody else's PESEL does not find them.
    await queue.goto();
    await queue.search.fill(newPerson().pesel);
    await queue.submit.click();
    await expect(queue.linkTo(person)).toHaveCount(0);
    await expect(desk.getByRole('main').getByRole('status')).toHaveText('Brak kont spełniających kryteria.');
  });

  // nameKey() turns hyphens into spaces, so the search tries every split of the words into
  // surname and first name (this failed before lib/staff/verification-queue.ts was fixed).
  test('the queue finds a double-barrelled surname typed before the first name, as the queue shows it', async ({ page, newPage }) => {
    const person = await registerPerson(page); // newPerson() surnames are "Testowa-Xxxxx"
    const desk = await newPage();
    const queue = await signInStaff(desk, 'registrar');
    await queue.find(`${person.lastName} ${person.firstName}`, person);
  });

  test('a registration refused for a data conflict appears among the blocked registrations', async ({ page, newPage }) => {
    // The PESEL of the demo patient who already has an account (lib/demo/seed.ts), with a unique name.
    const attempt = newPerson({ pesel: '75110245621' });
    const form = new RegisterPage(page);
    await form.goto();
    await form.register(attempt);
    await expect(form.conflict).toBeVisible();

    const desk = await newPage();
    await signInStaff(desk, 'registrar');
    await desk.getByRole('navigation', { name: 'Panel rejestracji' }).getByRole('link', { name: 'Odrzucone rejestracje' }).click();
    await expect(desk).toHaveURL(/\/admin\/blocked-registrations$/);
    const row = desk
      .getByRole('row')
      .filter({ has: desk.getByRole('rowheader', { name: `${attempt.lastName} ${attempt.firstName}`, exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('PESEL ma już konto');
    await expect(row).toContainText(attempt.pesel);
    await expect(row).toContainText(attempt.login);
    await expect(row).toContainText(attempt.email);
  });
});

test('staff signing in land on the verification queue, and the account page sends them there', async ({ page }) => {
  await signInStaff(page, 'registrar');
  await page.goto('/account');
  await expect(page).toHaveURL(/\/admin\/verifications$/);
  await expect(new AccountPage(page).heading).toHaveCount(0);
});

test('staff sign out from the panel, and the queue then redirects to /login', async ({ page }) => {
  await signInStaff(page, 'registrar');
  await signOut(page.getByRole('navigation', { name: 'Panel rejestracji' }).getByRole('button', { name: 'Wyloguj' }));
  await page.goto('/admin/verifications');
  await expect(page).toHaveURL(/\/login(\?.*)?$/);
});

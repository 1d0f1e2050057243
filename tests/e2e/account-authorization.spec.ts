// The patient's own routes (issue 12): every action under /account acts on the signed-in
// patient's account only. Each form post of patient A, recorded from A's pages, is replayed with
// patient B's session and with none: A's account does not change (B's own may, which proves the
// replay was well formed), and the desk's acceptance of A's address change is refused to B.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConsentsPanel } from './pages/consents-panel';
import { SettingsPage } from './pages/settings-page';
import { formFields, formOf, replay } from './support/forms';
import { EMAIL_CONFIRM_HREF } from './support/links';
import { DevMailbox } from './support/mailbox';
import { newAddress, registerAndActivate, signInPatient, type Patient } from './support/patients';
import { openDetail, signInStaff } from './support/staff';
import { EMAIL_CONFIRM_SUBJECT, SELF_SERVICE_MESSAGES as MESSAGES } from './support/words';

test.describe('actions under /account replayed by the wrong person', () => {
  test.describe.configure({ timeout: 240_000 });

  test("another patient's session or none changes nothing of patient A", async ({ newPage, baseURL, playwright }) => {
    const base = baseURL!;
    // A, signed in without JavaScript: the forms as the server renders them, ready to record.
    const a = await newPage({ javaScriptEnabled: false });
    const patientA = await registerAndActivate(await newPage());
    await signInPatient(a, patientA);
    const b = await newPage();
    const patientB: Patient = await registerAndActivate(b);
    await signInPatient(b, patientB);
    const anonymous = await playwright.request.newContext({ baseURL: base });

    // A has an email change waiting (to be cancelled by the replays, if they could).
    const settingsA = new SettingsPage(a, false);
    await settingsA.goto();
    const pendingAddress = newAddress(patientA.person);
    await settingsA.requestEmail(pendingAddress, patientA.password);
    await expect(settingsA.pendingEmail).toContainText(pendingAddress);

    // --- recorded from A's pages
    const settingsPosts = {
      password: {
        ...(await formFields(formOf(a, 'Zmień hasło'))),
        currentPassword: patientA.password,
        password: 'Nowe#Haslo9x',
        passwordRepeat: 'Nowe#Haslo9x',
      },
      email: {
        ...(await formFields(formOf(a, 'Wyślij link potwierdzający'))),
        newEmail: `obcy.${Date.now()}@example.pl`,
        currentPassword: patientA.password,
      },
      cancel: await formFields(formOf(a, 'Anuluj zmianę adresu')),
      contact: {
        ...(await formFields(formOf(a, 'Zapisz telefon i adres'))),
        phone: 'BRAK',
        street: 'Obca',
        houseNumber: '99',
        flatNumber: '',
        postalCode: '22-400',
        city: 'Zamość',
      },
      signOutEverywhere: await formFields(formOf(a, 'Wyloguj ze wszystkich urządzeń')),
    };
    await a.goto('/account');
    const withdrawEmail = await formFields(formOf(a, 'Wycofaj zgodę: Powiadomienia email'));
    await a.goto('/account/delete');
    const erase = { ...(await formFields(formOf(a, 'Usuń konto na stałe'))), confirm: 'on', password: patientA.password };

    // The sign-out-everywhere post goes last: it ends the session that replays the others.
    const replayAll = async (request: APIRequestContext) => [
      await replay(request, base, '/account', withdrawEmail),
      await replay(request, base, '/account/delete', erase),
      await replay(request, base, '/account/settings', settingsPosts.password),
      await replay(request, base, '/account/settings', settingsPosts.email),
      await replay(request, base, '/account/settings', settingsPosts.cancel),
      await replay(request, base, '/account/settings', settingsPosts.contact),
      await replay(request, base, '/account/settings', settingsPosts.signOutEverywhere),
    ];
    const expectAUnchanged = async () => {
      await a.goto('/account');
      await expect(a).toHaveURL(/\/account$/); // still signed in: no password change, no sign-out
      await expect(a.getByRole('main')).toContainText(patientA.person.email);
      await expect(a.getByRole('main')).toContainText('Krasnystawska 52, 21-010 Łęczna');
      await expect(a.getByRole('main')).not.toContainText('Zamość');
      await expect(new ConsentsPanel(a).state('email')).toHaveText('Wyrażona');
      await settingsA.goto();
      await expect(settingsA.pendingEmail).toContainText(pendingAddress);
    };

    try {
      // Nobody signed in: every post is sent to the login page.
      for (const response of await replayAll(anonymous)) {
        expect([303, 307]).toContain(response.status());
        expect(response.headers()['location']).toMatch(/\/login(\?.*)?$/);
      }
      await expectAUnchanged();

      // B's session: A's passwords do not open B's account, and the rest acts on B alone.
      await replayAll(b.request);
      await expectAUnchanged();
      await b.goto('/account');
      // B's own account took the contact change and the consent withdrawal, then was signed out
      // everywhere by the replayed sign-out form.
      await expect(b).toHaveURL(/\/login(\?.*)?$/);
      await signInPatient(b, patientB);
      await expect(b.getByRole('main')).toContainText('Obca 99, 22-400 Zamość');
      await expect(new ConsentsPanel(b).state('email')).toHaveText('Wycofana');
    } finally {
      await anonymous.dispose();
    }

    // A's confirmation link, used by B's session, is refused and changes nothing.
    const href = await new DevMailbox(await newPage()).latestLink(pendingAddress, EMAIL_CONFIRM_SUBJECT, EMAIL_CONFIRM_HREF);
    await b.goto(href);
    await expect(b.getByRole('main').getByRole('alert')).toHaveText(MESSAGES.otherAccount);
    await expect(b.getByRole('button', { name: 'Potwierdź nowy adres' })).toHaveCount(0);
    const path = new URL(href).pathname;
    const noJs = await newPage({ javaScriptEnabled: false });
    await noJs.goto(href);
    const confirm = await formFields(noJs.locator('form').filter({ has: noJs.getByRole('button', { name: 'Potwierdź nowy adres' }) }));
    const response = await replay(b.request, base, path, confirm);
    expect(response.headers()['location'] ?? '').toContain('problem=other_account');
    await settingsA.goto();
    await expect(settingsA.currentEmail).toHaveText(patientA.person.email);
    await expect(settingsA.pendingEmail).toContainText(pendingAddress);

    // The data export is the session's own.
    const exported = await (await b.request.get('/account/data/download')).json();
    expect(exported.account.login).toBe(patientB.person.login);
    expect(JSON.stringify(exported)).not.toContain(patientA.person.pesel);
  });

  test("the desk's acceptance of an address change, replayed by a patient or nobody, leaves the record as it was", async ({
    newPage,
    baseURL,
    playwright,
  }) => {
    const base = baseURL!;
    const patient = await registerAndActivate(await newPage());
    const desk = await newPage({ javaScriptEnabled: false });
    await signInStaff(desk, 'registrar');
    const detail = await openDetail(desk, patient.person);
    await detail.verify.click();
    await expect(detail.status).toHaveAttribute('data-account-status', 'verified');

    const page = await newPage();
    await signInPatient(page, patient);
    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.fillContact({ city: 'Puławy', postalCode: '24-100' });
    await settings.saveContact.click();
    await expect(settings.status).toHaveText(MESSAGES.contactPending);

    await desk.reload();
    const accept = desk.getByRole('button', { name: 'Przyjmij zmianę do kartoteki', exact: true });
    const fields = await formFields(desk.locator('form').filter({ has: accept }));
    const path = new URL(desk.url()).pathname;
    const other = await newPage();
    await signInPatient(other, await registerAndActivate(await newPage()));
    const anonymous = await playwright.request.newContext({ baseURL: base });
    try {
      for (const request of [page.request, other.request, anonymous]) {
        const response = await replay(request, base, path, fields);
        expect(response.headers()['location'] ?? '').not.toContain('done=');
      }
    } finally {
      await anonymous.dispose();
    }
    await desk.reload();
    await expect(accept).toBeVisible();
    await expect(desk.getByRole('region', { name: 'Kartoteka pacjenta' })).not.toContainText('Puławy');
    // The desk's own post works: the replays above were well formed.
    await replay(desk.request, base, path, fields);
    await desk.reload();
    await expect(desk.getByRole('region', { name: 'Kartoteka pacjenta' })).toContainText('Puławy');
  });
});

// Who may see and do what on /admin (SPEC §11): the server checks the staff role on every page
// and every server action, so neither an anonymous visitor nor a signed-in patient ever sees
// admin data, and a recorded form post replayed by the wrong person changes nothing.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { newPerson, type Person } from '../helpers/people';
import { expect, test } from './fixtures';
import { AccountDetailPage } from './pages/account-detail-page';
import { RegisterPage } from './pages/register-page';
import { VerificationQueuePage } from './pages/verification-queue-page';
import { formFields, formOf, replay } from './support/forms';
import { registerAndActivate, registerPerson, signInPatient } from './support/patients';
import { signInStaff } from './support/staff';

type Role = 'anonymous' | 'patient' | 'registrar' | 'admin';
type SignedInRole = Exclude<Role, 'anonymous'>;
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const ROLES: Role[] = ['anonymous', 'patient', 'registrar', 'admin'];

/** What the pages are tested with: a pending patient, a refused registration, an audit entry. */
interface World {
  target: Person;
  targetId: string;
  conflict: Person;
  states: Record<SignedInRole, StorageState>;
}

/** Everything personal the admin pages could show about the world's people. */
function secretsOf(world: World): string[] {
  const { target, conflict } = world;
  return [target.pesel, target.login, target.email, target.lastName, conflict.login, conflict.email, conflict.lastName];
}

interface AdminPage {
  name: string;
  path: (world: World) => string;
  /** Who may open it. */
  allowed: Role[];
  /** What an allowed viewer sees there. */
  shows: (world: World) => string[];
}

const PAGES: AdminPage[] = [
  {
    name: '/admin/verifications',
    path: (w) => `/admin/verifications?q=${w.target.pesel}&status=all`,
    allowed: ['registrar', 'admin'],
    shows: (w) => [w.target.pesel, w.target.lastName, w.target.email],
  },
  {
    name: '/admin/verifications/<id>',
    path: (w) => `/admin/verifications/${w.targetId}`,
    allowed: ['registrar', 'admin'],
    shows: (w) => [w.target.pesel, w.target.lastName, w.target.email, w.target.login],
  },
  {
    name: '/admin/blocked-registrations',
    path: () => '/admin/blocked-registrations',
    allowed: ['registrar', 'admin'],
    shows: (w) => [w.conflict.lastName, w.conflict.login, w.conflict.email],
  },
  {
    name: '/admin/audit',
    path: () => '/admin/audit',
    allowed: ['admin'],
    shows: (w) => [w.target.login],
  },
];

function expectNoneOf(body: string, secrets: string[], where: string): void {
  const found = secrets.filter((s) => body.includes(s));
  expect(found, `personal data in ${where}`).toEqual([]);
}

async function setUpWorld(browser: Browser, baseURL: string): Promise<World> {
  const patientContext = await browser.newContext({ baseURL });
  const page = await patientContext.newPage();
  const target = await registerPerson(page);
  // Refused: the PESEL of the demo patient who already has an account (lib/demo/seed.ts).
  const conflict = newPerson({ pesel: '75110245621' });
  const form = new RegisterPage(page);
  await form.goto();
  await form.register(conflict);
  await expect(form.conflict).toBeVisible();
  const patient = await registerAndActivate(page);
  await signInPatient(page, patient);

  const registrarContext = await browser.newContext({ baseURL });
  const desk = await registrarContext.newPage();
  const queue = await signInStaff(desk, 'registrar');
  const targetId = await queue.find(target.pesel, target);
  // A staff action about the target, for the audit log.
  const detail = new AccountDetailPage(desk);
  await detail.goto(targetId);
  await detail.resend.click();
  await expect(detail.message).toHaveText('Wysłano nowy link aktywacyjny; poprzednie przestały działać.');

  const adminContext = await browser.newContext({ baseURL });
  await signInStaff(await adminContext.newPage(), 'admin');

  const world: World = {
    target,
    targetId,
    conflict,
    states: {
      patient: await patientContext.storageState(),
      registrar: await registrarContext.storageState(),
      admin: await adminContext.storageState(),
    },
  };
  await Promise.all([patientContext.close(), registrarContext.close(), adminContext.close()]);
  return world;
}

test.describe('admin pages: who sees the data', () => {
  // One worker runs the whole matrix in order, so the people are set up once.
  test.describe.configure({ mode: 'default' });
  let world: World;

  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(180_000);
    world = await setUpWorld(browser, String(testInfo.project.use.baseURL));
  });

  for (const adminPage of PAGES) {
    for (const role of ROLES) {
      const allowed = adminPage.allowed.includes(role);
      const title = allowed
        ? `${adminPage.name}: the ${role} sees the data`
        : `${adminPage.name}: ${role === 'anonymous' ? 'an anonymous visitor' : `the ${role}`} is turned away and sees no patient data`;

      test(title, async ({ newPage }) => {
        const page = await newPage(role === 'anonymous' ? {} : { storageState: world.states[role] });
        const path = adminPage.path(world);
        const response = await page.request.get(path, { maxRedirects: 0 });
        const body = await response.text();

        if (allowed) {
          expect(response.status()).toBe(200);
          for (const item of adminPage.shows(world)) expect(body, `${item} on ${path}`).toContain(item);
          await page.goto(path);
          await expect(page).toHaveURL(path);
          for (const item of adminPage.shows(world)) await expect(page.getByRole('main')).toContainText(item);
          return;
        }

        // Turned away: a redirect to the login page or "not found", with nothing in the body.
        // (What the address itself carries, like the PESEL searched for, may be echoed back.)
        const secrets = secretsOf(world).filter((secret) => !path.includes(secret));
        expect([307, 404], `status of ${path}`).toContain(response.status());
        // To the sign-in page, with the way back (a path of ours, checked again after sign-in).
        if (response.status() === 307) expect(response.headers()['location']).toBe(`/login?${new URLSearchParams({ next: path })}`);
        expectNoneOf(body, secrets, `the response to ${path}`);
        // Nor in the payload a client-side navigation asks for.
        const flight = await page.request.get(path, { maxRedirects: 0, headers: { RSC: '1' } });
        expectNoneOf(await flight.text(), secrets, `the RSC payload of ${path}`);

        const final = await page.goto(path);
        // Anonymous visitors end on /login; patients are sent on from there to their own account.
        if (final?.status() !== 404) await expect(page).toHaveURL(role === 'patient' ? /\/(login|account)$/ : /\/login(\?.*)?$/);
        expectNoneOf(await page.content(), secrets, `the page ${page.url()}`);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Replaying the desk's form posts (server actions as plain multipart posts, SPEC §13).

/** A staff member's browser without JavaScript: the forms as the server renders them. */
async function staffWithoutJs(newPage: (o?: BrowserContextOptions) => Promise<Page>, role: 'registrar' | 'admin') {
  const page = await newPage({ javaScriptEnabled: false });
  await signInStaff(page, role);
  return { page, detail: new AccountDetailPage(page), queue: new VerificationQueuePage(page) };
}

async function expectStatus(detail: AccountDetailPage, accountId: string, status: string): Promise<void> {
  await detail.goto(accountId);
  await expect(detail.status).toHaveAttribute('data-account-status', status);
}

test.describe('admin actions replayed by the wrong person', () => {
  test.describe.configure({ timeout: 120_000 }); // three people sign in; argon2 each time

  test('the verify and block posts, replayed with a patient session or with no session, change nothing', async ({
    page,
    newPage,
    baseURL,
    playwright,
  }) => {
    const target = await registerPerson(page);
    const patient = await registerAndActivate(page);
    await signInPatient(page, patient);

    const desk = await staffWithoutJs(newPage, 'registrar');
    const id = await desk.queue.find(target.pesel, target);
    await desk.detail.goto(id);
    const path = `/admin/verifications/${id}`;
    const verify: Record<string, string> = { ...(await formFields(formOf(desk.page, 'Potwierdź tożsamość'))), document: 'dowod_osobisty' };
    const block: Record<string, string> = { ...(await formFields(formOf(desk.page, 'Zablokuj'))), reason: 'Próba z cudzą sesją' };
    expect(verify['accountId']).toBe(id);

    const anonymous = await playwright.request.newContext({ baseURL });
    try {
      for (const [who, request] of [
        ['patient', page.request],
        ['anonymous', anonymous],
      ] as const) {
        for (const fields of [verify, block]) {
          const response = await replay(request, baseURL!, path, fields);
          expect(response.headers()['location'] ?? '', `${who}'s post is not a success`).not.toContain('done=');
          await expectStatus(desk.detail, id, 'pending_activation');
        }
      }
    } finally {
      await anonymous.dispose();
    }
    // The patient's own account was not touched either.
    await page.reload();
    await expect(page).toHaveURL(/\/account$/);

    // The same posts with the registrar's session do work: the replays above were well formed.
    await replay(desk.page.request, baseURL!, path, verify);
    await expectStatus(desk.detail, id, 'verified');
    await replay(desk.page.request, baseURL!, path, block);
    await expectStatus(desk.detail, id, 'blocked');
  });

  test('the admin-only unblock post, replayed by a registrar, a patient or nobody, leaves the account blocked', async ({
    page,
    newPage,
    baseURL,
    playwright,
  }) => {
    const target = await registerPerson(page);
    const patient = await registerAndActivate(page);
    await signInPatient(page, patient);

    const desk = await staffWithoutJs(newPage, 'registrar');
    const id = await desk.queue.find(target.pesel, target);
    await desk.detail.goto(id);
    await desk.detail.blockWith('Blokada do testu uprawnień');
    await expect(desk.detail.unblock).toHaveCount(0);

    const admin = await staffWithoutJs(newPage, 'admin');
    await admin.detail.goto(id);
    const path = `/admin/verifications/${id}`;
    const unblock = await formFields(formOf(admin.page, 'Odblokuj'));

    const anonymous = await playwright.request.newContext({ baseURL });
    try {
      for (const request of [desk.page.request, page.request, anonymous]) {
        const response = await replay(request, baseURL!, path, unblock);
        expect(response.headers()['location'] ?? '').not.toContain('done=');
        await expectStatus(desk.detail, id, 'blocked');
      }
    } finally {
      await anonymous.dispose();
    }

    await replay(admin.page.request, baseURL!, path, unblock);
    await expectStatus(desk.detail, id, 'pending_activation');
  });
});

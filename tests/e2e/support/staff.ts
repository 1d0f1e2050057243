// The registration desk's staff in tests: the demo accounts seeded with DEMO_SEED=1, signing them
// in with password and code, and finding a person's account.
import { expect, test, type Page } from '@playwright/test';
import type { Person } from '../../helpers/people';
import { AccountDetailPage } from '../pages/account-detail-page';
import { CodePage } from '../pages/code-page';
import { EnrolmentPage } from '../pages/enrolment-page';
import { LoginPage } from '../pages/login-page';
import { VerificationQueuePage } from '../pages/verification-queue-page';
import { freshCode, savedSecret, withLoginLock } from './totp';

/** Demo staff seeded with DEMO_SEED=1 (the demo seed). */
export const STAFF = {
  registrar: { login: 'rejestracja', password: 'Rejestracja#2026', name: 'Demo Rejestratorka' },
  admin: { login: 'administrator', password: 'Administrator#2026', name: 'Demo Administrator' },
} as const;
export type StaffRole = keyof typeof STAFF;

/**
 * Signs a staff member in with password and code (enrolling the login on its first sign-in of
 * the run); staff land on `landing` (the verification queue unless they were sent elsewhere).
 */
async function signInStaffTo(page: Page, role: StaffRole, landing: RegExp): Promise<void> {
  const { login: name, password } = STAFF[role];
  // A code is good once per 30 s step: waiting for a fresh one may take that long.
  test.info().setTimeout(test.info().timeout + 35_000);
  await withLoginLock(name, async () => {
    const login = new LoginPage(page);
    if (!/\/login(\?|$)/.test(page.url())) await login.goto();
    await login.signIn(name, password);
    await expect(page).toHaveURL(/\/login\/(code|mfa-setup)$/);
    if (page.url().endsWith('/mfa-setup')) {
      const enrolment = new EnrolmentPage(page);
      await enrolment.enrol(name);
      await enrolment.continue.click();
    } else {
      const secret = savedSecret(name);
      if (!secret) throw new Error(`${name} has a second factor this run did not record`);
      await new CodePage(page).enter(await freshCode(name, secret));
    }
    await expect(page).toHaveURL(landing);
  });
}

/** Signs a staff member in; staff land on the verification queue. */
export async function signInStaff(page: Page, role: StaffRole): Promise<VerificationQueuePage> {
  await signInStaffTo(page, role, /\/admin\/verifications$/);
  const queue = new VerificationQueuePage(page);
  await expect(queue.heading).toBeVisible();
  return queue;
}

/** Signed-in staff find the person by PESEL in the queue (any status) and open the account's detail. */
export async function openDetail(desk: Page, person: Person): Promise<AccountDetailPage> {
  const queue = new VerificationQueuePage(desk);
  await queue.goto();
  const id = await queue.find(person.pesel, person);
  const detail = new AccountDetailPage(desk);
  await detail.goto(id);
  return detail;
}

// Signing out with a Wyloguj button, the patient's or the staff panel's.
import { expect, type Locator } from '@playwright/test';

/**
 * Presses a Wyloguj button and expects the login page. With JavaScript, React posts this
 * argument-less action as `text/plain` "[]", which proxy.ts once refused with 415: the action's own
 * answer is checked, not only where the page ends up.
 */
export async function signOut(button: Locator): Promise<void> {
  const page = button.page();
  const answer = page.waitForResponse((r) => r.request().method() === 'POST');
  await button.click();
  const response = await answer;
  expect(response.status(), 'the sign-out action is accepted').toBeLessThan(400);
  await expect(page).toHaveURL(/\/login$/);
}

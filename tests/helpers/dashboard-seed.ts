// Known data for the desk's dashboard (issue 14): accounts at chosen moments of their life,
// blocked attempts and failed emails, relative to now. Used by the integration test (exact
// numbers) and the end-to-end test (the page against the database).
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { blockedRegistrations, emailOutbox, patients, webAccounts, type AccountStatus } from '@/db/schema';

const HOUR = 3600_000;

interface SeedAccount {
  createdH: number; // hours ago
  attached?: boolean;
  activatedH?: number;
  verifiedH?: number;
  status: AccountStatus;
}

/** Hours ago → a Date. */
export const hoursAgo = (hours: number, now = Date.now()) => new Date(now - hours * HOUR);

export const SEED_ACCOUNTS: SeedAccount[] = [
  { createdH: 50, activatedH: 49, verifiedH: 47, status: 'verified' }, // verified 2 h after activation
  { createdH: 50, attached: true, activatedH: 48, verifiedH: 44, status: 'verified' }, // 4 h
  { createdH: 30, activatedH: 29, verifiedH: 19, status: 'verified' }, // 10 h
  { createdH: 20, verifiedH: 19, status: 'verified' }, // verified before activating: no activation time
  { createdH: 10, activatedH: 9, status: 'active' }, // waiting under a day
  { createdH: 240, activatedH: 216, status: 'active' }, // waiting 9 days
  { createdH: 960, activatedH: 936, status: 'active' }, // created 40 days ago, waiting 39 days
  { createdH: 5, status: 'pending_activation' },
  { createdH: 6, attached: true, activatedH: 5, status: 'blocked' },
];

export const SEED_BLOCKED = [
  { hours: 50, reason: 'email_taken' },
  { hours: 5, reason: 'pesel_has_account' },
  { hours: 4, reason: 'pesel_has_account' },
  { hours: 31 * 24, reason: 'email_taken' }, // outside the 30 days
];

const SEED_OUTBOX = [
  { hours: 50, status: 'failed' as const, attempts: 3 },
  { hours: 5, status: 'failed' as const, attempts: 1 },
  { hours: 2, status: 'pending' as const, attempts: 2 }, // retrying
  { hours: 1, status: 'pending' as const, attempts: 0 }, // not tried yet
  { hours: 1, status: 'sent' as const, attempts: 1 },
  { hours: 35 * 24, status: 'failed' as const, attempts: 4 }, // outside the 30 days
];

/** What the dashboard must show for exactly this data (nothing else in the database). */
export const SEED_EXPECTED = {
  activation: { created: 8, activated: 6 }, // the 40-day-old account is outside the window
  awaitingVerification: 3,
  awaitingActivation: 1,
  byAge: { under1d: 1, from1to7d: 0, from7to30d: 1, over30d: 1 },
  verified: 3,
  medianSeconds: 4 * 3600,
  emailFailed: 2,
  emailRetrying: 1,
  conflicts: 3,
  registered: 8,
};

/** Inserts the seed; a formula-looking name and login test the CSV export's injection guard. */
export async function seedDashboardData(db: Db, now = Date.now()): Promise<{ marker: string }> {
  const marker = randomBytes(4).toString('hex');
  for (const [i, a] of SEED_ACCOUNTS.entries()) {
    const [patient] = await db
      .insert(patients)
      .values({
        firstName: 'Anna',
        lastName: `Pulpit${marker}${i}`,
        firstNameKey: 'anna',
        lastNameKey: `pulpit${marker}${i}`,
        source: 'registration',
      })
      .returning({ id: patients.id });
    await db.insert(webAccounts).values({
      patientId: patient!.id,
      login: `pulpit.${marker}.${i}`,
      email: `pulpit.${marker}.${i}@example.pl`,
      status: a.status,
      patientAttached: a.attached ? 1 : 0,
      submitted: {},
      createdAt: hoursAgo(a.createdH, now),
      activatedAt: a.activatedH === undefined ? null : hoursAgo(a.activatedH, now),
      verifiedAt: a.verifiedH === undefined ? null : hoursAgo(a.verifiedH, now),
    });
  }
  for (const [i, b] of SEED_BLOCKED.entries()) {
    await db.insert(blockedRegistrations).values({
      reason: b.reason,
      pesel: null,
      firstName: i === 0 ? '=HYPERLINK("http://example.invalid","x")' : 'Jan',
      lastName: `Pulpit${marker}`,
      birthDate: '1980-01-01',
      email: `blocked.${marker}.${i}@example.pl`,
      login: i === 0 ? `@SUM(1+1)${marker}` : `blocked.${marker}.${i}`,
      ip: '127.0.0.1',
      createdAt: hoursAgo(b.hours, now),
    });
  }
  for (const o of SEED_OUTBOX) {
    await db.insert(emailOutbox).values({
      recipient: `mail.${marker}@example.pl`,
      subject: 'Test',
      html: '<p>Test</p>',
      text: 'Test',
      template: 'activation',
      status: o.status,
      attempts: o.attempts,
      createdAt: hoursAgo(o.hours, now),
      // Not due for hours: no dispatcher of a test server picks the seeded rows up.
      nextAttemptAt: new Date(now + 24 * HOUR),
    });
  }
  return { marker };
}

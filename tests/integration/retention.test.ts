// Data retention (issue 12, RODO art. 5(1)(e)): each rule removes exactly what it should, and a
// snapshot of every table of the schema proves that nothing else is touched.
import { eq, getTableColumns, is, lt, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import {
  accountTokens,
  authSessions,
  blockedRegistrations,
  consents,
  emailChanges,
  emailOutbox,
  patients,
  rateLimits,
  signinThrottles,
  usedCaptchas,
  usedNonces,
  wkRequests,
  webAccounts,
} from '@/db/schema';
import { requestEmailChange } from '@/lib/account/change-email';
import { sendActivationLink } from '@/lib/account/send-account-links';
import { logger } from '@/lib/log';
import { registerPatient } from '@/lib/registration/register-patient';
import { runRetention, type RetentionConfig } from '@/lib/retention/retention';
import { nameKey } from '@/lib/text';
import { PASSWORD, activePatient, registeredPatient } from '../helpers/accounts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { context, person, uniquePesel, uniqueSuffix } from '../helpers/registration';

const CONFIG: RetentionConfig = { unactivatedDays: 30, blockedAttemptsDays: 30, expiredLinkDays: 7, outboxBodyDays: 90 };
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

type Snapshot = Map<string, Map<string, unknown>>;

/** Every table of the schema with its rows' keys: its primary key's values, joined by ':'. */
const TABLES = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => {
    const config = getTableConfig(table);
    const key = config.primaryKeys[0]?.columns ?? config.columns.filter((column) => column.primary);
    const fields = key.map((column) => Object.entries(getTableColumns(table)).find(([, c]) => c.name === column.name)![0]);
    if (fields.length === 0) throw new Error(`${config.name} has no primary key to tell its rows apart`);
    return { name: config.name, table, key: (row: Record<string, unknown>) => fields.map((f) => String(row[f])).join(':') };
  });

async function snapshot(db: Db): Promise<Snapshot> {
  const result: Snapshot = new Map();
  for (const { name, table, key } of TABLES) {
    const rows = (await db.select().from(table)) as Record<string, unknown>[];
    result.set(name, new Map(rows.map((r) => [key(r), r])));
  }
  return result;
}

/** What changed between two snapshots: removed keys and changed rows, per table. */
function diff(before: Snapshot, after: Snapshot) {
  const out: Record<string, { removed: string[]; changed: string[]; added: string[] }> = {};
  for (const [name, rows] of before) {
    const now = after.get(name)!;
    const removed = [...rows.keys()].filter((k) => !now.has(k));
    const changed = [...rows.keys()].filter((k) => now.has(k) && JSON.stringify(now.get(k)) !== JSON.stringify(rows.get(k)));
    const added = [...now.keys()].filter((k) => !rows.has(k));
    if (removed.length || changed.length || added.length) out[name] = { removed: removed.sort(), changed: changed.sort(), added };
  }
  return out;
}

describeEachDatabase('retention', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  /** Makes a registration look `days` old: the account and its activation links. */
  async function age(accountId: string, days: number) {
    await db()
      .update(webAccounts)
      .set({ createdAt: ago(days) })
      .where(eq(webAccounts.id, accountId));
    await db()
      .update(accountTokens)
      .set({ createdAt: ago(days), expiresAt: ago(days - 1) })
      .where(eq(accountTokens.accountId, accountId));
  }

  it('applies every rule, touches nothing else, and lets the deleted person register again', async () => {
    const d = db();
    // --- accounts never activated
    const stale = await registeredPatient(d);
    await age(stale.accountId, 31);
    // A record imported before the registration stays when its account goes.
    const imported = uniquePesel();
    const [importedRecord] = await d
      .insert(patients)
      .values({
        pesel: imported.pesel,
        firstName: 'Jan',
        lastName: 'Testowy',
        firstNameKey: nameKey('Jan'),
        lastNameKey: nameKey('Testowy'),
        birthDate: imported.birthDate,
        source: 'import',
      })
      .returning({ id: patients.id });
    const attached = await registeredPatient(d, { pesel: imported.pesel, birthDate: imported.birthDate });
    await age(attached.accountId, 31);
    // A record still referred to (the consent history of an earlier, erased account) stays.
    const referenced = await registeredPatient(d);
    await age(referenced.accountId, 31);
    await d
      .insert(consents)
      .values({ accountId: null, patientId: referenced.patientId, kind: 'data_processing', textVersion: '2026-11-01', givenAt: ago(400) });
    // Kept: a young registration, one whose link the desk sent again lately, an activated one.
    const young = await registeredPatient(d);
    await age(young.accountId, 29);
    const resent = await registeredPatient(d);
    await age(resent.accountId, 40);
    const [resentRow] = await d.select().from(webAccounts).where(eq(webAccounts.id, resent.accountId));
    await sendActivationLink(d, {
      id: resent.accountId,
      login: resentRow!.login,
      email: resentRow!.email,
      firstName: 'Jan',
      locale: resentRow!.locale,
    });
    await d
      .update(accountTokens)
      .set({ createdAt: ago(5) })
      .where(sql`${accountTokens.accountId} = ${resent.accountId} and ${accountTokens.supersededAt} is null`);
    const active = await activePatient(d);
    await d
      .update(webAccounts)
      .set({ createdAt: ago(400) })
      .where(eq(webAccounts.id, active.accountId));

    // --- links: expired 8 days ago (gone), 6 days ago (kept a while), still valid
    await requestEmailChange(d, active.accountId, { newEmail: `stary.${uniqueSuffix()}@example.pl`, currentPassword: PASSWORD, ip: null });
    await d
      .update(emailChanges)
      .set({ expiresAt: ago(8) })
      .where(eq(emailChanges.accountId, active.accountId));
    await d
      .update(accountTokens)
      .set({ expiresAt: ago(8) })
      .where(eq(accountTokens.accountId, active.accountId));
    await d
      .update(accountTokens)
      .set({ expiresAt: ago(6) })
      .where(eq(accountTokens.accountId, young.accountId));

    // --- blocked attempts, captchas, rate limits
    const attempt = { reason: 'email_taken', firstName: 'A', lastName: 'B', email: 'a@b.pl', login: 'abcdefgh' };
    const [oldAttempt, newAttempt] = await d
      .insert(blockedRegistrations)
      .values([
        { ...attempt, createdAt: ago(31) },
        { ...attempt, createdAt: ago(29) },
      ])
      .returning({ id: blockedRegistrations.id });
    await d.insert(usedCaptchas).values([
      { nonce: `old-${uniqueSuffix()}`, expiresAt: ago(1) },
      { nonce: `new-${uniqueSuffix()}`, expiresAt: new Date(Date.now() + 600_000) },
    ]);
    await d.insert(usedNonces).values([
      { purpose: 'sign-in.enrolled', nonce: `old-${uniqueSuffix()}`, expiresAt: ago(1) },
      { purpose: 'sign-in.enrolled', nonce: `new-${uniqueSuffix()}`, expiresAt: new Date(Date.now() + 600_000) },
    ]);
    // login.gov.pl requests: expired two days ago (gone), expired an hour ago (kept a day, for the record)
    await d.insert(wkRequests).values([
      { id: `old-${uniqueSuffix()}`, purpose: 'login', expiresAt: ago(2) },
      { id: `recent-${uniqueSuffix()}`, purpose: 'login', expiresAt: new Date(Date.now() - 3600_000) },
    ]);
    await d.insert(rateLimits).values([
      { key: `test:old-${uniqueSuffix()}`, points: 3, expire: ago(1) },
      { key: `test:new-${uniqueSuffix()}`, points: 3, expire: new Date(Date.now() + 600_000) },
    ]);

    // --- sessions: ended 8 days ago and idle for 8 days (gone), ended yesterday and live (kept)
    const session = (lastSeenAt: Date, endedAt: Date | null) => ({
      accountId: active.accountId,
      role: 'patient' as const,
      createdAt: lastSeenAt,
      lastSeenAt,
      endedAt,
    });
    const [endedLongAgo, idleLongAgo, endedLately, live] = await d
      .insert(authSessions)
      .values([session(ago(9), ago(8)), session(ago(8), null), session(ago(2), ago(1)), session(new Date(), null)])
      .returning({ id: authSessions.id });
    // --- sign-in failure counters: expired (gone) and current (kept)
    await d.insert(signinThrottles).values([
      { loginKey: `old-${uniqueSuffix()}`, failures: 3, lastAttemptAt: ago(2), expiresAt: ago(1) },
      { loginKey: `new-${uniqueSuffix()}`, failures: 3, lastAttemptAt: new Date(), expiresAt: new Date(Date.now() + 600_000) },
    ]);

    // --- outbox: sent 91 days ago (body cleared), sent 89 days ago, failed long ago (kept)
    const mail = { recipient: 'x@example.pl', subject: 'Temat', html: '<p>treść</p>', text: 'treść', template: 'test' };
    const [oldSent, newSent, oldFailed] = await d
      .insert(emailOutbox)
      .values([
        { ...mail, status: 'sent', createdAt: ago(92), sentAt: ago(91) },
        { ...mail, status: 'sent', createdAt: ago(89), sentAt: ago(89) },
        { ...mail, status: 'failed', createdAt: ago(120) },
      ])
      .returning({ id: emailOutbox.id });

    const staleTokens = await d
      .select({ id: accountTokens.id })
      .from(accountTokens)
      .where(sql`${accountTokens.accountId} in (${stale.accountId}, ${attached.accountId}, ${referenced.accountId})`);
    const staleConsents = await d
      .select({ id: consents.id })
      .from(consents)
      .where(sql`${consents.accountId} in (${stale.accountId}, ${attached.accountId}, ${referenced.accountId})`);
    const staleMails = await d
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(sql`${emailOutbox.accountId} in (${stale.accountId}, ${attached.accountId}, ${referenced.accountId})`);
    const expiredTokens = await d
      .select({ id: accountTokens.id, accountId: accountTokens.accountId })
      .from(accountTokens)
      .where(lt(accountTokens.expiresAt, ago(7)));
    const staleAccounts = new Set([stale.accountId, attached.accountId, referenced.accountId]);
    // The resent registration's first link (expired 39 days ago) goes; its newer link stays.
    expect(expiredTokens.filter((t) => t.accountId === resent.accountId)).toHaveLength(1);
    const [expiredChange] = await d.select({ id: emailChanges.id }).from(emailChanges).where(eq(emailChanges.accountId, active.accountId));

    const before = await snapshot(d);
    const info = vi.spyOn(logger, 'info');
    const counts = await runRetention(d, CONFIG);
    const after = await snapshot(d);

    expect(counts).toEqual({
      unactivatedAccounts: 3,
      patientRecords: 1,
      links: expiredTokens.filter((t) => !staleAccounts.has(t.accountId)).length + 1,
      blockedAttempts: 1,
      captchas: 1,
      nonces: 1,
      wkRequests: 1,
      emailBodies: 1,
      rateLimits: 1,
      signinThrottles: 1,
      sessions: 2,
    });
    const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
    expect(diff(before, after)).toEqual({
      web_accounts: { removed: [stale.accountId, attached.accountId, referenced.accountId].sort(), changed: [], added: [] },
      patients: { removed: [stale.patientId], changed: [], added: [] },
      account_tokens: { removed: [...new Set([...ids(staleTokens), ...ids(expiredTokens)])].sort(), changed: [], added: [] },
      email_changes: { removed: [expiredChange!.id], changed: [], added: [] },
      consents: { removed: ids(staleConsents), changed: [], added: [] },
      email_outbox: { removed: ids(staleMails), changed: [oldSent!.id], added: [] },
      blocked_registrations: { removed: [oldAttempt!.id], changed: [], added: [] },
      used_captchas: {
        removed: [...before.get('used_captchas')!.keys()].filter((k) => k.startsWith('old-')).sort(),
        changed: [],
        added: [],
      },
      wk_requests: {
        removed: [...before.get('wk_requests')!.keys()].filter((k) => k.startsWith('old-')).sort(),
        changed: [],
        added: [],
      },
      used_nonces: {
        removed: [...before.get('used_nonces')!.keys()].filter((k) => k.startsWith('sign-in.enrolled:old-')).sort(),
        changed: [],
        added: [],
      },
      rate_limits: {
        removed: [...before.get('rate_limits')!.keys()].filter((k) => k.startsWith('test:old-')).sort(),
        changed: [],
        added: [],
      },
      auth_sessions: { removed: [endedLongAgo!.id, idleLongAgo!.id].sort(), changed: [], added: [] },
      signin_throttles: {
        removed: [...before.get('signin_throttles')!.keys()].filter((k) => k.startsWith('old-')).sort(),
        changed: [],
        added: [],
      },
    });
    expect(after.get('auth_sessions')!.has(endedLately!.id) && after.get('auth_sessions')!.has(live!.id)).toBe(true);
    expect(after.get('email_outbox')!.get(oldSent!.id)).toMatchObject({ html: '', text: '', subject: 'Temat', status: 'sent' });
    expect(after.get('email_outbox')!.get(newSent!.id)).toMatchObject({ html: '<p>treść</p>' });
    expect(after.get('email_outbox')!.get(oldFailed!.id)).toMatchObject({ text: 'treść' });
    expect(after.get('blocked_registrations')!.has(newAttempt!.id)).toBe(true);
    expect(after.get('patients')!.has(importedRecord!.id)).toBe(true);
    expect(after.get('patients')!.has(referenced.patientId)).toBe(true);

    // The run logged counts and nothing else.
    const logged = info.mock.calls.map((c) => c[0] as unknown as Record<string, unknown>).find((o) => o?.event === 'retention run');
    info.mockRestore();
    expect(logged).toBeDefined();
    for (const [k, v] of Object.entries(logged!)) if (k !== 'event') expect(typeof v).toBe('number');

    // A second run finds nothing; the erased registrant may register again.
    expect(Object.values(await runRetention(d, CONFIG)).every((n) => n === 0)).toBe(true);
    const again = await registerPatient(
      d,
      { ...person(), pesel: stale.data.pesel, birthDate: stale.data.birthDate, login: stale.data.login, email: stale.data.email },
      context(),
    );
    expect(again).toMatchObject({ status: 'registered', attached: false });
  });

  it('follows the configured periods', async () => {
    const d = db();
    const a = await registeredPatient(d);
    await age(a.accountId, 10);
    await runRetention(d, CONFIG);
    expect(await d.select().from(webAccounts).where(eq(webAccounts.id, a.accountId))).toHaveLength(1);
    expect((await runRetention(d, { ...CONFIG, unactivatedDays: 7 })).unactivatedAccounts).toBeGreaterThan(0);
    expect(await d.select().from(webAccounts).where(eq(webAccounts.id, a.accountId))).toHaveLength(0);
  });
});

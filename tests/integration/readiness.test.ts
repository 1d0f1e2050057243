import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { checkReadiness, dispatcherQuietLimitMs, expectedMigrations } from '@/lib/ops/readiness';
import { describeEachDatabase, describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';

describeEachDatabase('readiness', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('is ready when the database answers and every migration of this build is applied', async () => {
    const report = await checkReadiness({ db: database.db, stopping: false, mail: null });
    expect(report.status).toBe('ready');
    expect(report.checks.database.ok).toBe(true);
    expect(report.checks.migrations).toMatchObject({ ok: true, expected: expectedMigrations().count, applied: expectedMigrations().count });
  });

  it('needs the mail dispatcher to have run recently when this process sends mail', async () => {
    const now = Date.now();
    const limit = dispatcherQuietLimitMs(5000);
    const check = (lastRunAt: number | null) =>
      checkReadiness({ db: database.db, stopping: false, mail: { pollMs: 5000, lastRunAt }, now });
    expect((await check(now - 2000)).status).toBe('ready');
    expect((await check(null)).checks.mail).toMatchObject({ ok: false, lastRunSecondsAgo: null });
    const stale = await check(now - limit - 1000);
    expect(stale.status).toBe('not ready');
    expect(stale.checks.mail.ok).toBe(false);
  });

  it('says "stopping" once the process has been told to stop, whatever else holds', async () => {
    expect((await checkReadiness({ db: database.db, stopping: true, mail: null })).status).toBe('stopping');
  });

  it('is not ready when the newest migration is missing from the database', async () => {
    const last = expectedMigrations().last;
    await database.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${last}`);
    const report = await checkReadiness({ db: database.db, stopping: false, mail: null });
    expect(report.status).toBe('not ready');
    expect(report.checks.migrations).toMatchObject({ ok: false, applied: expectedMigrations().count - 1 });
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/postgres:\/\/|password|@/);
  });
});

describePostgres('readiness without PostgreSQL', () => {
  it('is not ready, and says so quickly, when nothing listens where the database should be', async () => {
    const unreachable = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/nothing', max: 1 });
    try {
      const started = Date.now();
      const report = await checkReadiness({ db: unreachable.db, stopping: false, mail: null, timeoutMs: 3000 });
      expect(report.status).toBe('not ready');
      expect(report.checks.database).toMatchObject({ ok: false, error: 'unreachable' });
      expect(report.checks.migrations.ok).toBe(false);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await unreachable.close().catch(() => {});
    }
  });
});

// The README's backup and restore commands (ops/backup/*.sh) on a real PostgreSQL: a dump of a
// database with a registration in it, restored into a new empty database, gives the same rows,
// and the app finds every migration applied there. Restoring over existing data is refused.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/db/client';
import { webAccounts } from '@/db/schema';
import { checkReadiness } from '@/lib/ops/readiness';
import { registerPatient } from '@/lib/registration/register-patient';
import { createPostgresDatabase, describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { context, person } from '../helpers/registration';
import { rowCounts } from '../helpers/rows';

describePostgres('backup and restore (ops/backup)', () => {
  let source: TestDatabase;
  let target: { url: string; drop(): Promise<void> };
  let restored: Database | undefined;
  let dir: string;
  const data = person();

  beforeAll(async () => {
    source = await openTestDatabase('postgres');
    const outcome = await registerPatient(source.db, data, context());
    expect(outcome.status).toBe('registered');
    target = await createPostgresDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'erej-backup-'));
  });
  afterAll(async () => {
    await restored?.close();
    await target?.drop();
    await source?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a nightly dump into a new database with the documented command', async () => {
    const file = execFileSync('bash', ['ops/backup/e-rejestracja-backup.sh'], {
      env: { ...process.env, DATABASE_URL: source.url!, BACKUP_DIR: dir },
      encoding: 'utf8',
    }).trim();
    expect(path.dirname(file)).toBe(dir);
    expect(path.basename(file)).toMatch(/^erejestracja-\d{8}T\d{6}Z\.dump$/);

    execFileSync('bash', ['ops/backup/e-rejestracja-restore.sh', file, target.url], { encoding: 'utf8' });
    restored = await openDatabase({ url: target.url, max: 2 });
    expect(await rowCounts(restored.db)).toEqual(await rowCounts(source.db));
    const [account] = await restored.db.select({ email: webAccounts.email }).from(webAccounts).where(eq(webAccounts.login, data.login));
    expect(account?.email).toBe(data.email);
    const report = await checkReadiness({ db: restored.db, stopping: false, mail: null });
    expect(report.checks.migrations.ok).toBe(true);

    // Restoring again over the data is refused and changes nothing.
    const again = spawnSync('bash', ['ops/backup/e-rejestracja-restore.sh', file, target.url], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('not empty');
    expect(await rowCounts(restored.db)).toEqual(await rowCounts(source.db));
  });
});

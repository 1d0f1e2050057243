// The desk's dashboard (/admin, issue 14) on a standalone server of its own, with a database
// seeded with known accounts, conflicts and failed emails: the numbers on the page match what
// the database says (asked here with SQL of its own), the charts are accessible SVG images with
// their data in tables, the page passes axe and fits 360 px, it works without JavaScript, and
// the CSV exports are for administrators only, defuse formulas and are written to the audit log.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import postgres from 'postgres';
import { openDatabase } from '../../db/client';
import { SEED_EXPECTED, seedDashboardData } from '../helpers/dashboard-seed';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { STAFF, type StaffRole } from './support/staff';
import { createDatabase, startStandalone, type StandaloneServer } from './standalone';
import { postgresBase } from './support/database';

const PORT = 3308;

let server: StandaloneServer;
let database: { url: string; drop(): Promise<void> };
let sql: postgres.Sql;
let marker: string;

test.describe.configure({ mode: 'serial' });
test.skip(!postgresBase, 'needs a local PostgreSQL (TEST_DATABASE_URL / E2E_DATABASE_URL)');

test.beforeAll(async () => {
  test.setTimeout(150_000);
  database = await createDatabase();
  server = await startStandalone(PORT, { DATABASE_URL: database.url, DEMO_SEED: '1', STAFF_MFA: 'optional' });
  const seeded = await openDatabase({ url: database.url, max: 1 });
  try {
    marker = (await seedDashboardData(seeded.db)).marker;
  } finally {
    await seeded.close();
  }
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
});

test.afterAll(async () => {
  await server?.stop();
  await sql?.end();
  await database?.drop();
});

async function staffPage(browser: Browser, role: StaffRole, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, locale: 'pl-PL', timezoneId: 'Europe/Warsaw', ...options });
  const page = await context.newPage();
  // Second factors are tested elsewhere; here they are optional, so that this server's fresh
  // staff accounts need no enrolment (and the run's shared TOTP secrets stay untouched).
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(STAFF[role].login, STAFF[role].password);
  await expect(page).toHaveURL(/\/admin\/verifications$/);
  return page;
}

/** The window's start as the database computes it: midnight 29 hospital days ago. */
const SINCE = `((now() at time zone 'Europe/Warsaw')::date - 29)::timestamp at time zone 'Europe/Warsaw'`;

async function databaseSays() {
  const one = async <T>(query: string) => (await sql.unsafe(query))[0] as T;
  const counts = await one<Record<string, number>>(`
    select
      (select count(*)::int from web_accounts where created_at >= ${SINCE}) as registered,
      (select count(*)::int from blocked_registrations where created_at >= ${SINCE}) as conflicts,
      (select count(activated_at)::int from web_accounts where created_at >= ${SINCE}) as activated,
      (select count(*)::int from web_accounts where status = 'active') as awaiting_verification,
      (select count(*)::int from web_accounts where status = 'pending_activation') as awaiting_activation,
      (select count(*)::int from web_accounts where verified_at >= ${SINCE} and activated_at is not null and verified_at >= activated_at) as verified,
      (select percentile_cont(0.5) within group (order by extract(epoch from verified_at - activated_at))::float8
         from web_accounts where verified_at >= ${SINCE} and activated_at is not null and verified_at >= activated_at) as median,
      (select count(*)::int from email_outbox where status = 'failed' and created_at >= ${SINCE}) as email_failed,
      (select count(*)::int from email_outbox where status = 'pending' and attempts > 0) as email_retrying`);
  const perDay = await sql.unsafe(`
    select to_char((created_at at time zone 'Europe/Warsaw')::date, 'DD.MM.YYYY') as day,
           count(*) filter (where kind = 'new')::int as new_record, count(*) filter (where kind = 'attached')::int as attached,
           count(*) filter (where kind = 'conflict')::int as conflict
    from (
      select created_at, case when patient_attached = 0 then 'new' else 'attached' end as kind from web_accounts where created_at >= ${SINCE}
      union all select created_at, 'conflict' from blocked_registrations where created_at >= ${SINCE}
    ) r group by 1`);
  return { counts, perDay: perDay as unknown as Array<{ day: string; new_record: number; attached: number; conflict: number }> };
}

const stat = (page: Page, name: string) => page.locator(`[data-stat="${name}"]`);

test('the dashboard shows what the database holds, chart by chart', async ({ browser }) => {
  const page = await staffPage(browser, 'registrar');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Pulpit' })).toBeVisible();
  const { counts, perDay } = await databaseSays();
  // The seed is there (plus the demo data of the server's own start-up).
  expect(counts.conflicts).toBe(SEED_EXPECTED.conflicts);
  expect(counts.median).toBeCloseTo(SEED_EXPECTED.medianSeconds, 0);

  await expect(stat(page, 'registered')).toHaveAttribute('data-value', String(counts.registered));
  await expect(stat(page, 'conflicts')).toHaveAttribute('data-value', String(counts.conflicts));
  await expect(stat(page, 'activation-created')).toHaveAttribute('data-value', String(counts.registered));
  await expect(stat(page, 'activation-activated')).toHaveAttribute('data-value', String(counts.activated));
  expect(Number(await stat(page, 'activation-rate').getAttribute('data-value'))).toBeCloseTo(counts.activated! / counts.registered!, 6);
  await expect(stat(page, 'awaiting-verification')).toHaveAttribute('data-value', String(counts.awaiting_verification));
  await expect(stat(page, 'awaiting-activation')).toHaveAttribute('data-value', String(counts.awaiting_activation));
  await expect(stat(page, 'verified')).toHaveAttribute('data-value', String(counts.verified));
  expect(Number(await stat(page, 'median-verification-seconds').getAttribute('data-value'))).toBeCloseTo(counts.median!, 0);
  await expect(stat(page, 'median-verification-seconds')).toHaveText('4 godz. 0 min');
  await expect(stat(page, 'email-failed')).toHaveAttribute('data-value', String(counts.email_failed));
  await expect(stat(page, 'email-retrying')).toHaveAttribute('data-value', String(counts.email_retrying));

  // Each chart is an image with a title and a description, and its numbers are in a table.
  const charts = page.locator('svg[role="img"]');
  await expect(charts).toHaveCount(4);
  for (const chart of await charts.all()) {
    await expect(chart).toHaveAccessibleName(/.+/);
    await expect(chart).toHaveAccessibleDescription(/.+/);
  }
  await expect(page.getByRole('img', { name: 'Rejestracje dziennie' })).toHaveAccessibleDescription(
    new RegExp(`Razem założono ${counts.registered} kont, zablokowano ${counts.conflicts} prób`),
  );

  // The registrations table, day by day, against the database.
  const registrations = page.locator('figure[data-chart="registrations"]');
  await registrations.getByText('Pokaż dane w tabeli').click();
  const table = registrations.getByRole('table', { name: 'Rejestracje w ostatnich 30 dniach według wyniku' });
  await expect(table.getByRole('row')).toHaveCount(31);
  const byDay = new Map(perDay.map((d) => [d.day, d]));
  for (const row of await table.locator('tbody tr').all()) {
    const day = (await row.getAttribute('data-category'))!;
    const expected = byDay.get(day) ?? { new_record: 0, attached: 0, conflict: 0 };
    const cell = (series: string) => row.locator(`td[data-series="${series}"]`);
    await expect(cell('newRecord'), day).toHaveText(String(expected.new_record));
    await expect(cell('attached'), day).toHaveText(String(expected.attached));
    await expect(cell('conflict'), day).toHaveText(String(expected.conflict));
    await expect(cell('total'), day).toHaveText(String(expected.new_record + expected.attached + expected.conflict));
  }

  // The backlog by waiting time.
  const backlog = page.locator('figure[data-chart="backlog"]');
  await backlog.getByText('Pokaż dane w tabeli').click();
  const ages = await sql.unsafe(`
    select count(*) filter (where now() - coalesce(activated_at, created_at) < interval '1 day')::int as a,
           count(*) filter (where now() - coalesce(activated_at, created_at) >= interval '1 day' and now() - coalesce(activated_at, created_at) < interval '7 days')::int as b,
           count(*) filter (where now() - coalesce(activated_at, created_at) >= interval '7 days' and now() - coalesce(activated_at, created_at) < interval '30 days')::int as c,
           count(*) filter (where now() - coalesce(activated_at, created_at) >= interval '30 days')::int as d
    from web_accounts where status = 'active'`);
  const cells = backlog.locator('tbody td[data-series="waiting"]');
  await expect(cells).toHaveText([ages[0]!.a, ages[0]!.b, ages[0]!.c, ages[0]!.d].map(String));
  await page.context().close();
});

test('the dashboard passes axe and fits a 360 px screen, with its tables open too; a registrar sees no export', async ({ browser }) => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 360, height: 800 },
  ]) {
    const page = await staffPage(browser, 'registrar', { viewport });
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Pulpit' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Eksport danych (CSV)' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    for (const summary of await page.getByText('Pokaż dane w tabeli').all()) await summary.click();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  }
});

test('without JavaScript the charts and their tables are all there', async ({ browser }) => {
  const page = await staffPage(browser, 'admin', { javaScriptEnabled: false });
  await page.goto('/admin');
  await expect(page.locator('svg[role="img"]')).toHaveCount(4);
  await expect(page.locator('table[data-chart-table]')).toHaveCount(4);
  await expect(page.getByRole('button', { name: 'Pobierz CSV: Dziennik zdarzeń' })).toBeVisible();
  await page.context().close();
});

test('an administrator downloads the blocked registrations as CSV, formulas defused, and the export is audited', async ({ browser }) => {
  const page = await staffPage(browser, 'admin');
  await page.goto('/admin');
  const form = page.getByRole('group', { name: 'Odrzucone próby rejestracji' });
  const from = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Od dnia').fill(from);
  const download = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Pobierz CSV: Odrzucone próby rejestracji' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^blocked-registrations_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await file.path())!, 'utf8');
  expect(text.startsWith('\uFEFFczas;powod;pesel;imie;nazwisko;data_urodzenia;email;login;ip\r\n')).toBe(true);
  const lines = text.slice(1).trimEnd().split('\r\n');
  const [{ n }] = await sql<[{ n: number }]>`select count(*)::int as n from blocked_registrations`;
  expect(lines).toHaveLength(1 + n);
  expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
  expect(text).toContain(`'@SUM(1+1)${marker}`);
  for (const line of lines) for (const cell of line.split(';')) expect(cell).not.toMatch(/^[=+\-@]/);

  const audit =
    await sql`select a.action, a.details, s.login from audit_log a join staff_accounts s on s.id = a.staff_id where a.action = 'export.blocked-registrations'`;
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ login: 'administrator', details: { from, rows: n } });

  // A range that ends before it starts is refused with a message, and nothing is exported.
  await page.goto('/admin');
  const auditForm = page.getByRole('group', { name: 'Dziennik zdarzeń' });
  await auditForm.getByLabel('Od dnia').fill('2026-03-02');
  await auditForm.getByLabel('Do dnia').fill('2026-03-01');
  await auditForm.getByRole('button', { name: 'Pobierz CSV: Dziennik zdarzeń' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Podaj poprawny zakres dat');
  expect(await sql`select 1 from audit_log where action = 'export.audit-log'`).toHaveLength(0);
  await page.context().close();
});

test('the exports refuse a registrar, a visitor without a session and a foreign page', async ({ browser, playwright }) => {
  const body = { form: { from: '2026-01-01', to: '2026-01-31' }, maxRedirects: 0 };
  const registrar = await staffPage(browser, 'registrar');
  for (const kind of ['audit-log', 'blocked-registrations']) {
    const refused = await registrar.request.post(`/admin/export/${kind}`, { ...body, headers: { origin: server.url } });
    expect(refused.status(), kind).toBe(404);
    expect(await refused.text()).not.toContain('czas;');
  }
  await registrar.context().close();

  const anonymous = await playwright.request.newContext({ baseURL: server.url });
  const toLogin = await anonymous.post('/admin/export/audit-log', { ...body, headers: { origin: server.url } });
  expect(toLogin.status()).toBe(303);
  expect(toLogin.headers()['location']).toBe('/login');
  await anonymous.dispose();

  // A form on another site cannot make an administrator's browser export (proxy.ts: Origin).
  const admin = await staffPage(browser, 'admin');
  const foreign = await admin.request.post('/admin/export/audit-log', { ...body, headers: { origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  await admin.context().close();
  expect(await sql`select 1 from audit_log where action like 'export.%' and details->>'from' = '2026-01-01'`).toHaveLength(0);
});

// The registration benchmark's floor sends the statements registerPatient's path sends, taken
// from the code (bench/lib/registration-sql.ts). This is the check the bench runs before every
// floor, run here so that a change to the use case the floor cannot follow fails CI, not a
// benchmark weeks later. PostgreSQL only: the floor talks to postgres.js.
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  checkReplay,
  configureLikeTheApp,
  recordRegistration,
  replayRegistration,
  type Recording,
  type Statement,
  type Step,
} from '../../bench/lib/registration-sql';
import { registrant } from '../../bench/lib/flows';
import { hashToken } from '@/lib/secret-tokens';
import { describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';

const statements = (steps: Step[]): Statement[] => steps.flatMap((step) => ('block' in step ? statements(step.steps) : [step]));

describePostgres('the registration floor', () => {
  let database: TestDatabase;
  let client: postgres.Sql;
  let first: Recording;
  let second: Recording;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    client = configureLikeTheApp(postgres(database.url!, { max: 4, onnotice: () => {} }));
    first = await recordRegistration(client, 24_000_001);
    second = await recordRegistration(client, 24_000_002);
  });
  afterAll(async () => {
    await client?.end();
    await database?.dispose();
  });

  it('records the statements a registration post sends: the rate limits, then one transaction with a savepoint', () => {
    const [peek, consume, transaction] = first.steps;
    expect((peek as Statement).text).toMatch(/from "rate_limits"/);
    expect((consume as Statement).text).toMatch(/^insert into "rate_limits"/);
    expect(transaction).toMatchObject({ block: 'begin' });
    const written = statements(first.steps)
      .map((s) => /^insert into "(\w+)"/.exec(s.text)?.[1])
      .filter(Boolean);
    expect(written).toEqual(['rate_limits', 'used_captchas', 'patients', 'web_accounts', 'consents', 'email_outbox']);
  });

  it('finds that replaying one registration explains everything that differs in the next', () => {
    expect(() => checkReplay(first, second)).not.toThrow();
  });

  it('fails when the code sends a value the replay would not', () => {
    const drifted = structuredClone(first);
    const consents = statements(drifted.steps).find((s) => s.text.startsWith('insert into "consents"'))!;
    consents.params = consents.params.map((p) => (p === 'e-rejestracja-bench' ? 'another user agent' : p));
    expect(() => checkReplay(drifted, second)).toThrow(
      /insert into "consents".*parameter \$\d+ was .*e-rejestracja-bench.* where the replay would send .*another user agent/,
    );
  });

  it('fails when the code sends another statement', () => {
    const drifted = structuredClone(first);
    drifted.steps.splice(1, 1);
    expect(() => checkReplay(drifted, second)).toThrow(/different statements/);
  });

  it('registers each replayed registrant as the code would, with its own rows', async () => {
    const count = async () => (await client`select count(*)::int as n from web_accounts`)[0]!.n as number;
    const before = await count();
    await Promise.all([3, 4, 5].map((n) => replayRegistration(client, first, n)));
    expect(await count()).toBe(before + 3);
    const logins = [3, 4, 5].map((n) => registrant(n).login!);
    const rows = await client`
      select a.login, a.submitted->>'login' as submitted, p.pesel, (select count(*)::int from consents c where c.account_id = a.id) as consents,
             (select count(*)::int from account_tokens t where t.account_id = a.id) as tokens,
             (select count(*)::int from email_outbox o where o.account_id = a.id) as emails
        from web_accounts a join patients p on p.id = a.patient_id where a.login in ${client(logins)} order by a.login`;
    expect(rows.map((r) => [r.login, r.submitted, r.pesel, r.consents, r.tokens, r.emails])).toEqual(
      [3, 4, 5].map((n) => [registrant(n).login, registrant(n).login, registrant(n).pesel, 3, 1, 1]),
    );
    // Each email carries its own activation link, the one whose hash its account's token holds.
    const links = await client`
      select o.text, t.token_hash from email_outbox o join web_accounts a on a.id = o.account_id
        join account_tokens t on t.account_id = a.id where a.login in ${client(logins)}`;
    const tokens = links.map((link) => /\/activate\/([\w-]+)/.exec(link.text as string)?.[1]);
    expect(new Set(tokens).size).toBe(3);
    links.forEach((link, i) => expect(hashToken(tokens[i]!)).toBe(link.token_hash));
  });
});

// The floors the app is measured against, in the same run and at the same concurrency:
// - sign-in: argon2.verify with the app's own parameters (lib/auth/password-hash.ts), on the
//   same libuv thread pool size a server has;
// - registration: the SQL statements a registration post issues — the two rate-limit checks of
//   handleRegistration and registerPatient's transaction, statement for statement (see
//   lib/registration/register-patient.ts) — sent straight through postgres.js, no HTTP, no
//   rendering, no ORM.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import postgres from 'postgres';
import { renderActivationEmail } from '@/lib/account/emails';
import { HASH_OPTIONS } from '@/lib/auth/password-hash';
import { CONSENTS } from '@/lib/consents';
import { generateToken, hashToken } from '@/lib/secret-tokens';
import { nameKey } from '@/lib/text';
import { BENCH_PASSWORD, registrant } from './flows';
import { clientAddress, runLevels } from './load';
import type { RunStats } from './stats';

/** A hash of the bench password with the app's parameters (also what seeded accounts carry). */
export const benchHash = () => argon2.hash(BENCH_PASSWORD, HASH_OPTIONS);

export async function argonFloor(levels: readonly number[], seconds: number): Promise<Map<number, RunStats>> {
  const hash = await benchHash();
  return runLevels(
    levels,
    seconds,
    async () => {
      if (!(await argon2.verify(hash, BENCH_PASSWORD))) throw new Error('argon2.verify said no');
    },
    { label: 'argon2.verify ', warmupSeconds: 1 },
  );
}

const limitKey = (prefix: string, ip: string) =>
  `${prefix}:${createHash('sha256').update(ip.toLowerCase()).digest('base64url').slice(0, 32)}`;

/**
 * The statements of one successful registration, as registerPatient sends them (13 with begin,
 * savepoint and commit; `npm run bench:sql` lists them); `n` gives its own person, address and captcha.
 */
async function registerBySql(
  sql: postgres.Sql,
  n: number,
  email: { subject: string; html: string; text: string; template: string },
): Promise<void> {
  const p = registrant(n);
  const ip = clientAddress(n);
  const now = new Date();
  // handleRegistration: peek at the captcha limit, count the registration.
  await sql`select key, points, expire from rate_limits where key = ${limitKey('captcha', ip)} and (expire > ${now} or expire is null) limit 1`;
  const expire = new Date(now.getTime() + 3600_000);
  await sql`insert into rate_limits (key, points, expire) values (${limitKey('register', ip)}, 1, ${expire})
            on conflict (key) do update set points = case when rate_limits.expire <= ${now} then 1 else rate_limits.points + 1 end,
                                            expire = case when rate_limits.expire <= ${now} then ${expire} else rate_limits.expire end
            returning key, points, expire`;
  const firstKey = nameKey(p.firstName!);
  const lastKey = nameKey(p.lastName!);
  const token = generateToken();
  await sql.begin(async (tx) => {
    const consumed = await tx`insert into used_captchas (nonce, expires_at) values (${randomBytes(16).toString('base64url')}, ${expire})
                              on conflict do nothing returning nonce`;
    if (consumed.length === 0) throw new Error('captcha used');
    await tx`select pg_advisory_xact_lock(hashtextextended(${p.pesel!}, 0))`;
    // registerPatient's one look-up: the email's owner, the identity's records, the login.
    const [found] = await tx`
      select (select json_build_object('id', a.id, 'email', a.email, 'locale', a.locale)
                from web_accounts a where a.email = ${p.email!} limit 1) as email_owner,
             (select json_agg(r) from (select p.id, p.first_name_key, p.last_name_key, a.id as account_id
                from patients p left join web_accounts a on a.patient_id = p.id where p.pesel = ${p.pesel!} limit 2) r) as records,
             (exists (select 1 from web_accounts where login = ${p.login!})
               or exists (select 1 from staff_accounts where login = ${p.login!})) as login_taken`;
    if (found!.email_owner || found!.records || found!.login_taken) throw new Error('not a new registrant');
    await tx.savepoint(async (sp) => {
      const [patient] = await sp`insert into patients (pesel, first_name, last_name, first_name_key, last_name_key, birth_date, sex, street,
                                   house_number, flat_number, postal_code, city, phone, email, source, created_at)
                                 values (${p.pesel!}, ${p.firstName!}, ${p.lastName!}, ${firstKey}, ${lastKey}, ${'1961-02-28'}, ${'K'},
                                   ${p.street!}, ${p.houseNumber!}, ${null}, ${p.postalCode!}, ${p.city!}, ${'+48600100200'}, ${p.email!},
                                   'registration', ${now}) returning id`;
      const submitted = { ...p, consentDataProcessing: undefined, consentEmail: undefined, consentSms: undefined };
      const [account] = await sp`insert into web_accounts (patient_id, login, email, phone, patient_attached, submitted, created_at)
                                 values (${patient!.id}, ${p.login!}, ${p.email!}, ${'+48600100200'}, 0, ${sp.json(submitted)}, ${now})
                                 returning id`;
      const rows = (['data_processing', 'email', 'sms'] as const).map((kind) => ({
        account_id: account!.id,
        patient_id: patient!.id,
        kind,
        text_version: CONSENTS[kind].version,
        given_at: now,
        ip,
        user_agent: 'e-rejestracja-bench',
      }));
      await sp`insert into consents ${sp(rows)}`;
      await sp`with superseded as (
                 update account_tokens set superseded_at = ${now}
                  where account_id = ${account!.id} and purpose = 'activation' and used_at is null and superseded_at is null)
               insert into account_tokens (account_id, purpose, token_hash, expires_at, created_at)
               values (${account!.id}, 'activation', ${hashToken(token)}, ${new Date(now.getTime() + 24 * 3600_000)}, ${now})`;
      await sp`insert into email_outbox (recipient, subject, html, text, template, account_id)
               values (${p.email!}, ${email.subject}, ${email.html}, ${email.text}, ${email.template}, ${account!.id})
               returning id, pg_notify('email_outbox', '')`;
    });
  });
}

/**
 * Registrations by SQL alone at each level, on the database at `url` with a pool the size of
 * the app's (10). The activation email is rendered once, before, so its size is real.
 */
export async function registrationSqlFloor(url: string, levels: readonly number[], seconds: number): Promise<Map<number, RunStats>> {
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  try {
    const email = await renderActivationEmail({ firstName: 'Zofia', login: 'bench.login', token: generateToken(), locale: 'pl' });
    return await runLevels(levels, seconds, (n) => registerBySql(sql, n, email), { label: 'SQL floor ', warmupSeconds: 1 });
  } finally {
    await sql.end();
  }
}

// What happens when a patient registers (SPEC §4): every check and write of one submission in
// one transaction, with unique indexes as the last word when two submissions race.
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { blockedRegistrations, consents, patients, staffAccounts, usedCaptchas, webAccounts, type ConsentKind } from '@/db/schema';
import { renderActivationEmail, renderRegistrationAttemptEmail } from '@/lib/account/emails';
import { issueAccountToken } from '@/lib/account/issue-account-token';
import { CONSENTS } from '@/lib/consents';
import { uniqueViolation } from '@/lib/db-errors';
import { env } from '@/lib/env';
import { mailQueued } from '@/lib/mail/mail-worker';
import { enqueueEmail } from '@/lib/mail/outbox';
import { nameKey } from '@/lib/text';
import { generateToken } from '@/lib/secret-tokens';
import type { RegistrationData } from './form';
import type { ConflictReason, RegistrationOutcome } from './outcomes';

export interface RegistrationContext {
  captcha: { nonce: string; expiresAt: Date };
  ip: string | null;
  userAgent: string | null;
  /** The account's language: its emails are written in it (Polish when not given). */
  locale?: Locale;
  now?: Date;
  /**
   * The identity was proven by login.gov.pl before the form was sent (its PESEL, names and birth
   * date are the node's): the account is created verified; its email is still confirmed by the
   * activation link.
   */
  verifiedBy?: { method: 'login.gov.pl'; loa: string; means: string | null };
}

const loginTaken = (): RegistrationOutcome => ({
  status: 'invalid',
  fieldErrors: { login: 'taken' },
});

export async function registerPatient(db: Db, data: RegistrationData, context: RegistrationContext): Promise<RegistrationOutcome> {
  const now = context.now ?? new Date();
  const locale = context.locale ?? defaultLocale;
  const token = generateToken();
  // Rendering is slow compared with the queries, so it happens before the transaction opens.
  const email = await renderActivationEmail({ firstName: data.firstName, login: data.login, token, locale });
  const firstKey = nameKey(data.firstName);
  const lastKey = nameKey(data.lastName);

  let notified = false;
  const outcome = await db.transaction(async (tx): Promise<RegistrationOutcome> => {
    const conflict = async (reason: ConflictReason): Promise<RegistrationOutcome> => {
      await tx.insert(blockedRegistrations).values({
        reason,
        pesel: data.pesel,
        firstName: data.firstName,
        lastName: data.lastName,
        birthDate: data.birthDate,
        email: data.email,
        login: data.login,
        ip: context.ip,
        createdAt: now,
      });
      return { status: 'conflict', reason };
    };

    // A challenge buys one attempt, whatever its outcome.
    const consumed = await tx
      .insert(usedCaptchas)
      .values({ nonce: context.captcha.nonce, expiresAt: context.captcha.expiresAt })
      .onConflictDoNothing()
      .returning({ nonce: usedCaptchas.nonce });
    if (consumed.length === 0) {
      return { status: 'invalid', fieldErrors: { captchaAnswer: 'used' } };
    }

    // Registrations of one identity queue behind each other; the unique indexes cover the rest.
    const identity = data.pesel ?? `brak:${lastKey}|${firstKey}|${data.birthDate}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${identity}, 0))`);

    const { emailOwner, records, loginInUse } = await lookUpRegistrant(tx, data, firstKey, lastKey);
    if (emailOwner) {
      if (env.NOTIFY_EMAIL_OWNER_ON_CONFLICT) {
        // Rare, so rendered here rather than before every registration; in the owner's language,
        // not the one of whoever typed the address.
        const notice = await renderRegistrationAttemptEmail({ locale: emailOwner.locale });
        await enqueueEmail(tx, { ...notice, recipient: emailOwner.email, accountId: emailOwner.id });
        notified = true;
      }
      return conflict('email_taken');
    }

    let patientId: string | null = null;
    if (data.pesel) {
      const [existing] = records;
      if (existing) {
        if (existing.account_id) return conflict('pesel_has_account');
        if (existing.first_name_key !== firstKey || existing.last_name_key !== lastKey) {
          return conflict('pesel_name_mismatch');
        }
        patientId = existing.id;
      }
    } else {
      if (records.length > 1) return conflict('identity_ambiguous');
      if (records[0]?.account_id) return conflict('identity_has_account');
      // One record without an account could be this person or a namesake: staff decide.
      if (records[0]) return conflict('identity_needs_staff');
    }

    // Staff sign in on the same page, so their logins are taken too.
    if (loginInUse) return loginTaken();

    try {
      // A savepoint, so that losing a race to a concurrent registration still lets this
      // transaction record the outcome.
      return await tx.transaction(async (sp) => {
        const attached = patientId !== null;
        if (!patientId) {
          const [created] = await sp
            .insert(patients)
            .values({
              pesel: data.pesel,
              firstName: data.firstName,
              lastName: data.lastName,
              firstNameKey: firstKey,
              lastNameKey: lastKey,
              birthDate: data.birthDate,
              sex: data.sex,
              street: data.street,
              houseNumber: data.houseNumber,
              flatNumber: data.flatNumber,
              postalCode: data.postalCode,
              city: data.city,
              phone: data.phone,
              email: data.email,
              source: 'registration',
              createdAt: now,
            })
            .returning({ id: patients.id });
          patientId = created!.id;
        }
        const [account] = await sp
          .insert(webAccounts)
          .values({
            patientId,
            login: data.login,
            email: data.email,
            phone: data.phone,
            patientAttached: attached ? 1 : 0,
            locale,
            submitted: submittedSnapshot(data),
            createdAt: now,
            ...(context.verifiedBy
              ? {
                  status: 'verified' as const,
                  verifiedAt: now,
                  verificationMethod: context.verifiedBy.method,
                  verificationLoa: context.verifiedBy.loa,
                  verificationMeans: context.verifiedBy.means,
                }
              : {}),
          })
          .returning({ id: webAccounts.id });
        const accountId = account!.id;

        const given: ConsentKind[] = ['data_processing'];
        if (data.consents.email) given.push('email');
        if (data.consents.sms && data.phone) given.push('sms');
        await sp.insert(consents).values(
          given.map((kind) => ({
            accountId,
            patientId: patientId!,
            kind,
            textVersion: CONSENTS[kind].version,
            givenAt: now,
            ip: context.ip,
            userAgent: context.userAgent?.slice(0, 512) ?? null,
          })),
        );
        await issueAccountToken(sp, {
          accountId,
          purpose: 'activation',
          ttlHours: env.ACTIVATION_TTL_HOURS,
          token,
          now,
        });
        await enqueueEmail(sp, { ...email, recipient: data.email, accountId });
        return { status: 'registered', accountId, patientId, attached } as const;
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'web_accounts_login_key') return loginTaken();
      if (constraint === 'web_accounts_email_key') return conflict('email_taken');
      if (constraint === 'patients_pesel_key' || constraint === 'web_accounts_patient_key') {
        return conflict('pesel_has_account');
      }
      throw error;
    }
  });
  if (outcome.status === 'registered' || notified) mailQueued();
  return outcome;
}

interface PatientRecord {
  id: string;
  first_name_key: string;
  last_name_key: string;
  account_id: string | null;
}

interface Registrant {
  emailOwner: { id: string; email: string; locale: Locale } | null;
  /** The record with this PESEL, or without one the records of this name and birth date (two at most). */
  records: PatientRecord[];
  /** A patient or a staff member has this login. */
  loginInUse: boolean;
}

/**
 * What the database knows of the registrant, in one statement: who has the email address, the
 * patient record(s) of this identity with their accounts, and whether the login is taken.
 */
async function lookUpRegistrant(tx: Db, data: RegistrationData, firstKey: string, lastKey: string): Promise<Registrant> {
  const identity = data.pesel
    ? sql`p.pesel = ${data.pesel}`
    : sql`p.last_name_key = ${lastKey} and p.first_name_key = ${firstKey} and p.birth_date = ${data.birthDate}`;
  const [row] = rowsOf<{ email_owner: Registrant['emailOwner']; records: PatientRecord[] | null; login_taken: boolean }>(
    await tx.execute(sql`
      select
        (select json_build_object('id', a.id, 'email', a.email, 'locale', a.locale)
           from ${webAccounts} a where a.email = ${data.email} limit 1) as email_owner,
        (select json_agg(r) from (
           select p.id, p.first_name_key, p.last_name_key, a.id as account_id
             from ${patients} p left join ${webAccounts} a on a.patient_id = p.id
            where ${identity} limit 2) r) as records,
        (exists (select 1 from ${webAccounts} where login = ${data.login})
          or exists (select 1 from ${staffAccounts} where login = ${data.login})) as login_taken`),
  );
  return { emailOwner: row!.email_owner, records: row!.records ?? [], loginInUse: row!.login_taken };
}

function submittedSnapshot(data: RegistrationData): Record<string, string | null> {
  return {
    pesel: data.pesel,
    birthDate: data.birthDate,
    firstName: data.firstName,
    lastName: data.lastName,
    login: data.login,
    email: data.email,
    phone: data.phone,
    street: data.street,
    houseNumber: data.houseNumber,
    flatNumber: data.flatNumber,
    postalCode: data.postalCode,
    city: data.city,
  };
}

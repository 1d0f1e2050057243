// Tables, indexes and inferred types of E-Rejestracja. Uniqueness rules of SPEC §4 live here
// as indexes so that concurrent submissions can never both win.
import { sql, type SQLWrapper } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { locales } from '@/lib/i18n/locales';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// Logins and emails of accounts are identities that ignore case (issue 23): as citext, every `=`,
// `in`, join and unique index on them ignores it, so no look-up can forget to. Compare them with
// a value or another citext; against a text expression (`lower(…)`, a text column) PostgreSQL
// picks text's `=`, which does not ignore case. The case the person typed is kept and shown.
const citext = customType<{ data: string }>({ dataType: () => 'citext' });

/**
 * What the desk's prefix search matches on a login or email: LIKE on citext cannot use a btree
 * index, so the `*_prefix_idx` indexes hold this expression and the search writes the same one.
 */
export const prefixSearchKey = (column: SQLWrapper) => sql`lower(${column})`;

// ---------------------------------------------------------------------------------------------
// People and their accounts: patient records, staff accounts, patients' web accounts

export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pesel: text('pesel'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    // Normalised (case-folded, diacritics removed) for matching people without PESEL.
    firstNameKey: text('first_name_key').notNull(),
    lastNameKey: text('last_name_key').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    sex: text('sex', { enum: ['M', 'K'] }),
    street: text('street'),
    houseNumber: text('house_number'),
    flatNumber: text('flat_number'),
    postalCode: text('postal_code'),
    city: text('city'),
    phone: text('phone'),
    email: text('email'),
    source: text('source', { enum: ['import', 'registration', 'demo'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('patients_pesel_key').on(t.pesel),
    // Identity matching (equality) and the desk's name search (prefix) share one index.
    index('patients_identity_idx').using(
      'btree',
      sql`${t.lastNameKey} text_pattern_ops`,
      sql`${t.firstNameKey} text_pattern_ops`,
      t.birthDate,
    ),
    index('patients_last_name_prefix_idx').using('btree', sql`${t.lastNameKey} text_pattern_ops`),
  ],
);

export const staffRoles = ['registrar', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    login: citext('login').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: staffRoles }).notNull(),
    passwordHash: text('password_hash').notNull(),
    sessionVersion: integer('session_version').notNull().default(0),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_accounts_login_key').on(t.login)],
);

export const verificationDocuments = ['dowod_osobisty', 'paszport', 'inny'] as const;
export type VerificationDocument = (typeof verificationDocuments)[number];

// How an account's identity was verified (SPEC §17): at the desk with a document, or through the
// national identity node (login.gov.pl), which also names its level of assurance and means.
export const verificationMethods = ['desk', 'login.gov.pl'] as const;
export type VerificationMethod = (typeof verificationMethods)[number];

export const accountStatuses = ['pending_activation', 'active', 'verified', 'blocked'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const webAccounts = pgTable(
  'web_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    login: citext('login').notNull(),
    email: citext('email').notNull(),
    phone: text('phone'),
    status: text('status', { enum: accountStatuses }).notNull().default('pending_activation'),
    passwordHash: text('password_hash'),
    // Bumped whenever existing sessions must end (password change, blocking).
    sessionVersion: integer('session_version').notNull().default(0),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    // Whether the patient record existed before this registration (attached) or was created.
    patientAttached: integer('patient_attached').notNull().default(0),
    // What the patient typed, kept for the registrar's identity check.
    submitted: jsonb('submitted').$type<Record<string, string | null>>().notNull(),
    createdAt: createdAt(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => staffAccounts.id),
    verificationDocument: text('verification_document', { enum: verificationDocuments }),
    verificationMethod: text('verification_method', { enum: verificationMethods }),
    // login.gov.pl only: the eIDAS level of assurance (`substantial`, `high`) and the means the
    // node names (AuthenticatingAuthority, e.g. mObywatel, Profil Zaufany, a bank).
    verificationLoa: text('verification_loa'),
    verificationMeans: text('verification_means'),
    blockedAt: timestamp('blocked_at', { withTimezone: true }),
    blockedBy: uuid('blocked_by').references(() => staffAccounts.id),
    blockedReason: text('blocked_reason'),
    // A summary of sign-ins for the patient's own data export (RODO art. 15).
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    signInCount: integer('sign_in_count').notNull().default(0),
    // The patient's language (issue 13): every email to the account is written in it.
    locale: text('locale', { enum: locales }).notNull().default('pl'),
  },
  (t) => [
    uniqueIndex('web_accounts_patient_key').on(t.patientId),
    uniqueIndex('web_accounts_login_key').on(t.login),
    uniqueIndex('web_accounts_email_key').on(t.email),
    // The verification queue, newest first, keyset-paged on (created_at, id): the accounts
    // waiting for the desk, every account, and one status.
    // Ascending: read backwards they give ORDER BY created_at DESC, id DESC exactly (a DESC
    // NULLS LAST index would not match the default DESC NULLS FIRST).
    index('web_accounts_waiting_idx')
      .on(t.createdAt, t.id)
      .where(sql`status in ('pending_activation', 'active')`),
    index('web_accounts_created_idx').on(t.createdAt, t.id),
    index('web_accounts_status_created_idx').on(t.status, t.createdAt, t.id),
    index('web_accounts_login_prefix_idx').using('btree', sql`${prefixSearchKey(t.login)} text_pattern_ops`),
    check('web_accounts_locale_check', sql`${t.locale} in ('pl', 'en', 'uk')`),
    index('web_accounts_email_prefix_idx').using('btree', sql`${prefixSearchKey(t.email)} text_pattern_ops`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Consents

export const consentKinds = ['data_processing', 'email', 'sms'] as const;
export type ConsentKind = (typeof consentKinds)[number];

export const consentActions = ['given', 'withdrawn'] as const;
export type ConsentAction = (typeof consentActions)[number];
export const consentChannels = ['registration', 'account'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

// Append-only history (a trigger refuses updates and deletes, see migration 0006): each row is
// one consent given or withdrawn, so the state at any date is the latest row of each kind. The
// history outlives the web account (account_id becomes null) and stays with the patient record.
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').references(() => webAccounts.id, { onDelete: 'set null' }),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: consentKinds }).notNull(),
    action: text('action', { enum: consentActions }).notNull().default('given'),
    // Where: the registration form or the patient's account page.
    channel: text('channel', { enum: consentChannels }).notNull().default('registration'),
    textVersion: text('text_version').notNull(),
    // When the consent was given or withdrawn.
    givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('consents_account_idx').on(t.accountId), index('consents_patient_idx').on(t.patientId)],
);

// ---------------------------------------------------------------------------------------------
// What an account asks for: account links (activation, password), email and address changes

export const tokenPurposes = ['activation', 'password_reset'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => webAccounts.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: tokenPurposes }).notNull(),
    // SHA-256 of the token, hex; the token itself is only ever in the email.
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('account_tokens_hash_key').on(t.tokenHash), index('account_tokens_account_idx').on(t.accountId, t.purpose)],
);

// A new email address waiting for its confirmation link (single use, short-lived, only the
// SHA-256 of the token stored). The account's address changes only when the link is used.
export const emailChanges = pgTable(
  'email_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => webAccounts.id, { onDelete: 'cascade' }),
    newEmail: text('new_email').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_changes_hash_key').on(t.tokenHash), index('email_changes_account_idx').on(t.accountId)],
);

export const dataChangeStatuses = ['pending', 'accepted', 'rejected', 'superseded', 'withdrawn'] as const;
export type DataChangeStatus = (typeof dataChangeStatuses)[number];

/** The address and phone a patient asks to have in the hospital's patient record. */
export interface PatientContactData {
  phone: string | null;
  street: string | null;
  houseNumber: string;
  flatNumber: string | null;
  postalCode: string;
  city: string;
}

// A change of the patient record's address asked for by a patient whose record the desk vouches
// for (a verified account, or a record that existed before the registration): staff accept it.
export const patientDataChanges = pgTable(
  'patient_data_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => webAccounts.id, { onDelete: 'cascade' }),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    proposed: jsonb('proposed').$type<PatientContactData>().notNull(),
    previous: jsonb('previous').$type<PatientContactData>().notNull(),
    status: text('status', { enum: dataChangeStatuses }).notNull().default('pending'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => staffAccounts.id),
  },
  (t) => [
    // At most one change waits per account; a newer one supersedes it.
    uniqueIndex('patient_data_changes_pending_key')
      .on(t.accountId)
      .where(sql`status = 'pending'`),
    index('patient_data_changes_status_idx').on(t.status, t.createdAt),
  ],
);

// ---------------------------------------------------------------------------------------------
// Outboxes: email and SMS, written in the transaction that causes them

export const outboxStatuses = ['pending', 'sending', 'sent', 'failed'] as const;

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    template: text('template').notNull(),
    accountId: uuid('account_id').references(() => webAccounts.id, { onDelete: 'set null' }),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_account_idx').on(t.accountId),
    index('email_outbox_created_idx').on(t.createdAt),
  ],
);

// SMS (SPEC §18) follow the email outbox's life: pending → sending (claimed; next_attempt_at is
// the claim's expiry) → sent, back to pending for a retry, or failed (permanent error or given
// up). SMSAPI's delivery report then turns sent into delivered or undelivered. cancelled: the
// SMS consent was withdrawn before the message was handed to the provider.
export const smsOutboxStatuses = ['pending', 'sending', 'sent', 'failed', 'delivered', 'undelivered', 'cancelled'] as const;

export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** E.164, e.g. +48601234567. */
    recipient: text('recipient').notNull(),
    body: text('body').notNull(),
    template: text('template').notNull(),
    accountId: uuid('account_id').references(() => webAccounts.id, { onDelete: 'set null' }),
    status: text('status', { enum: smsOutboxStatuses }).notNull().default('pending'),
    // Sent to SMSAPI as `idx` with `check_idx`: the provider refuses a second message with the
    // same value, so a retry after a lost answer cannot reach the phone twice. Hex only, as the
    // provider echoes it back in delivery reports.
    idx: text('idx')
      .notNull()
      .default(sql`replace(gen_random_uuid()::text, '-', '')`),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Quiet hours: not handed to the provider before this moment (null: at once). */
    notBefore: timestamp('not_before', { withTimezone: true }),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sms_outbox_idx_key').on(t.idx),
    index('sms_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('sms_outbox_account_idx').on(t.accountId),
    index('sms_outbox_created_idx').on(t.createdAt),
    check('sms_outbox_recipient_e164', sql`${t.recipient} ~ '^\\+[1-9][0-9]{6,14}$'`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Security: refused registrations, spent captchas and nonces, rate limits, sign-in throttles

export const blockedRegistrations = pgTable(
  'blocked_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reason: text('reason').notNull(),
    pesel: text('pesel'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    email: text('email').notNull(),
    login: text('login').notNull(),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('blocked_registrations_created_idx').on(t.createdAt)],
);

export const usedCaptchas = pgTable(
  'used_captchas',
  {
    nonce: text('nonce').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('used_captchas_expires_idx').on(t.expiresAt)],
);

// Single-use values other than captchas: each (purpose, nonce) can be spent once, by the first
// request that inserts it, on every instance (a finished sign-in's nonce, later the identity
// node's artifacts and assertion IDs). Rows are kept until they expire, then retention deletes them.
export const usedNonces = pgTable(
  'used_nonces',
  {
    purpose: text('purpose').notNull(),
    nonce: text('nonce').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.purpose, t.nonce] }), index('used_nonces_expires_idx').on(t.expiresAt)],
);

// Counters of rate-limiter-flexible (RateLimiterDrizzle), shared by every app instance.
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    points: integer('points').notNull(),
    expire: timestamp('expire', { withTimezone: true }),
  },
  (t) => [index('rate_limits_expire_idx').on(t.expire)],
);

// Consecutive failed sign-ins per login from any address: the per-account throttle and the
// temporary lock of sign-in by password (lib/security/account-throttle.ts). Keyed by a hash of
// the normalised login, so unknown logins are counted exactly like real ones and no login is
// stored in clear. A row is forgotten at `expires_at`.
export const signinThrottles = pgTable(
  'signin_throttles',
  {
    loginKey: text('login_key').primaryKey(),
    failures: integer('failures').notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('signin_throttles_expires_idx').on(t.expiresAt)],
);

// ---------------------------------------------------------------------------------------------
// login.gov.pl (the national identity node)

// Sign-in requests sent to login.gov.pl (SPEC §17): the answer must be `InResponseTo` one of
// these, unused and not expired, and it is spent once whichever instance receives it. For a
// registration, the identity the node answered is held here (never in the browser) until the
// form is submitted; the browser holds only a random handle to it (its SHA-256 is stored).
export const wkPurposes = ['login', 'register', 'verify'] as const;
export type WkPurpose = (typeof wkPurposes)[number];

export const wkRequests = pgTable(
  'wk_requests',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose', { enum: wkPurposes }).notNull(),
    accountId: uuid('account_id').references(() => webAccounts.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    identity: jsonb('identity').$type<Record<string, string>>(),
    handleHash: text('handle_hash'),
    handleUsedAt: timestamp('handle_used_at', { withTimezone: true }),
  },
  (t) => [index('wk_requests_expires_idx').on(t.expiresAt), uniqueIndex('wk_requests_handle_key').on(t.handleHash)],
);

// ---------------------------------------------------------------------------------------------
// Audit: what staff did, and to which account

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id').references(() => staffAccounts.id),
    action: text('action').notNull(),
    accountId: uuid('account_id').references(() => webAccounts.id, { onDelete: 'set null' }),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt.desc()), index('audit_log_account_idx').on(t.accountId)],
);

// ---------------------------------------------------------------------------------------------
// Second factors, passkeys and sessions

// Second factors, passkeys, WebAuthn challenges and sessions belong to a staff member or to a
// patient's web account, and go with their owner.
const ownedByStaffOrPatient = () => ({
  staffId: uuid('staff_id').references(() => staffAccounts.id, { onDelete: 'cascade' }),
  accountId: uuid('account_id').references(() => webAccounts.id, { onDelete: 'cascade' }),
});
const exactlyOneOwner = (name: string, t: { staffId: AnyPgColumn; accountId: AnyPgColumn }) =>
  check(name, sql`(${t.staffId} is null) <> (${t.accountId} is null)`);

// A second factor (TOTP, RFC 6238) of a staff member or a patient: exactly one owner. The secret
// is encrypted (AES-256-GCM, lib/auth/mfa-crypto.ts); it counts only once `confirmed_at` is set.
export const mfaFactors = pgTable(
  'mfa_factors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...ownedByStaffOrPatient(),
    secret: text('secret').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    // The last accepted time step: a code of that step or earlier is a replay.
    lastUsedStep: integer('last_used_step'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mfa_factors_staff_key').on(t.staffId),
    uniqueIndex('mfa_factors_account_key').on(t.accountId),
    exactlyOneOwner('mfa_factors_one_owner', t),
  ],
);

// Single-use recovery codes, shown once at enrolment and stored as SHA-256.
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    factorId: uuid('factor_id')
      .notNull()
      .references(() => mfaFactors.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('mfa_recovery_codes_hash_key').on(t.factorId, t.codeHash)],
);

// Passkeys (WebAuthn credentials, SPEC §19) of a staff member or a patient: exactly one owner.
// The credential ID and the COSE public key are base64url; the counter is the authenticator's
// signature counter (uint32, 0 for authenticators without one), and a value that does not grow
// is refused (lib/webauthn/passkeys.ts). `name` is the owner's own label for the key.
export const passkeyDeviceTypes = ['singleDevice', 'multiDevice'] as const;
export type PasskeyDeviceType = (typeof passkeyDeviceTypes)[number];
export const PASSKEY_NAME_MAX = 60; // also the check constraint below

export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...ownedByStaffOrPatient(),
    credentialId: text('credential_id').notNull(),
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // The authenticator model (a UUID; all zeros when the authenticator does not say).
    aaguid: text('aaguid').notNull(),
    deviceType: text('device_type', { enum: passkeyDeviceTypes }).notNull(),
    backedUp: boolean('backed_up').notNull().default(false),
    name: text('name').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('passkeys_credential_key').on(t.credentialId),
    index('passkeys_staff_idx').on(t.staffId),
    index('passkeys_account_idx').on(t.accountId),
    exactlyOneOwner('passkeys_one_owner', t),
    check('passkeys_name_length', sql`char_length(${t.name}) between 1 and 60`),
    check('passkeys_device_type_check', sql`${t.deviceType} in ('singleDevice', 'multiDevice')`),
    check('passkeys_counter_range', sql`${t.counter} between 0 and 4294967295`),
  ],
);

// WebAuthn challenges waiting for their answer: single use (spent by the DELETE that returns the
// row, so only one request can win on any instance) and short-lived. The browser keeps only the
// row's id, in a cookie. Retention deletes the ones never answered.
export const webauthnPurposes = ['register', 'authenticate'] as const;
export type WebauthnPurpose = (typeof webauthnPurposes)[number];

export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    challenge: text('challenge').notNull(),
    purpose: text('purpose', { enum: webauthnPurposes }).notNull(),
    // Who it was issued for, when known (registration, the second step after a password).
    ...ownedByStaffOrPatient(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('webauthn_challenges_expires_idx').on(t.expiresAt),
    check('webauthn_challenges_purpose_check', sql`${t.purpose} in ('register', 'authenticate')`),
    check('webauthn_challenges_one_owner', sql`${t.staffId} is null or ${t.accountId} is null`),
  ],
);

export const sessionRoles = ['patient', 'registrar', 'admin'] as const;
export const sessionIdentities = ['none', 'desk', 'login.gov.pl'] as const;
export type SessionIdentity = (typeof sessionIdentities)[number];
export const identityLevels = ['low', 'substantial', 'high'] as const;
export type IdentityLevel = (typeof identityLevels)[number];

// Signed-in sessions. The cookie (an Auth.js JWT) names its row; the row decides whether the
// session still lives: idle and absolute timeouts, sign-out, "sign out everywhere".
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...ownedByStaffOrPatient(),
    role: text('role', { enum: sessionRoles }).notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    // Levels of assurance (SPEC §19). How the person signed in, as RFC 8176 `amr` values (pwd,
    // otp, hwk/swk with user and mfa for a passkey), and how their identity was established when
    // the session started: not at all, at the desk, or through login.gov.pl with its level.
    amr: text('amr')
      .array()
      .notNull()
      .default(sql`'{pwd}'::text[]`),
    identity: text('identity', { enum: sessionIdentities }),
    identityLoa: text('identity_loa', { enum: identityLevels }),
  },
  (t) => [
    index('auth_sessions_staff_idx').on(t.staffId),
    index('auth_sessions_account_idx').on(t.accountId),
    index('auth_sessions_last_seen_idx').on(t.lastSeenAt),
    exactlyOneOwner('auth_sessions_one_owner', t),
    check('auth_sessions_identity_check', sql`${t.identity} in ('none', 'desk', 'login.gov.pl')`),
    check('auth_sessions_identity_loa_check', sql`${t.identityLoa} in ('low', 'substantial', 'high')`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Row types

export type StaffAccount = typeof staffAccounts.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Patient = typeof patients.$inferSelect;
export type WebAccount = typeof webAccounts.$inferSelect;
export type Consent = typeof consents.$inferSelect;
export type AccountToken = typeof accountTokens.$inferSelect;
export type OutboxMessage = typeof emailOutbox.$inferSelect;
export type MfaFactor = typeof mfaFactors.$inferSelect;
export type AuthSession = typeof authSessions.$inferSelect;
export type BlockedRegistration = typeof blockedRegistrations.$inferSelect;
export type EmailChange = typeof emailChanges.$inferSelect;
export type PatientDataChange = typeof patientDataChanges.$inferSelect;
export type Passkey = typeof passkeys.$inferSelect;
export type WebauthnChallenge = typeof webauthnChallenges.$inferSelect;

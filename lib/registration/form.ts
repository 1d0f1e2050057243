// The registration form's rules (SPEC §3), shared by the browser (live checks) and the server
// (the authority). Pure: no Node or database imports, so client components may use it.
import * as z from 'zod/mini';
import type { PatientContactData } from '@/db/schema';
import type { Catalogue } from '@/lib/messages/catalogue';
import { isBrak } from '@/lib/brak';
import { parsePesel, type PeselError, type PeselResult } from '@/lib/pesel';
import { canTakeSms, parsePhoneField } from '@/lib/phone';
import { parsePostalCode } from '@/lib/postal-code';
import { cleanText } from '@/lib/text';
import { registrationFields, type FieldErrors, type RegistrationField, type RegistrationValues } from './fields';

export { registrationFields, type FieldErrors, type RegistrationField, type RegistrationValues };

/** The form's messages in one language: `t.register.errors` of that language's catalogue. */
export type RegistrationErrors = Catalogue['register']['errors'];
type Errors = RegistrationErrors;
type PeselData = Extract<PeselResult, { ok: true }>;

/** A valid registration: the person, the login, and the contact data a patient record keeps. */
export interface RegistrationData extends PatientContactData {
  pesel: string | null;
  birthDate: string;
  sex: 'M' | 'K' | null;
  firstName: string;
  lastName: string;
  login: string;
  email: string;
  consents: { dataProcessing: boolean; email: boolean; sms: boolean };
}

const checkbox = z.transform((v: unknown) => v === 'on' || v === 'true' || v === true);

// Letters of the Latin script (Polish diacritics included; not its Roman-numeral symbols) with
// spaces, hyphens and apostrophes.
const LATIN_LETTER = String.raw`(?:(?=\p{L})\p{Script=Latin})`;
export const NAME_PATTERN = new RegExp(`^${LATIN_LETTER}(?:${LATIN_LETTER}|\\p{M}|[' ’-])*$`, 'u');

/** Reports `message` on the value (what classic zod's `ctx.addIssue` did); the pipe stops there. */
function refuse(payload: z.core.ParsePayload, message: string): never {
  payload.issues.push({ code: 'custom', message, input: payload.value });
  return z.NEVER;
}

/** The rules with their messages in one language; built once per language (`rulesFor`). */
function buildRules(e: Errors) {
  // zod/mini, not classic zod: the browser runs these rules for the live checks and classic zod
  // was a third of /register's own JavaScript (issue 11). The pipes are the same ones classic
  // zod's `.transform`/`.pipe` build, so the errors and their order are unchanged.
  const text = (checks: z.core.$ZodCheck<string>[]) => z.string().check(...checks);

  // Anything that is not a string (a File, a number, a missing field) counts as empty; the length
  // cap is checked before any other rule so huge inputs are rejected cheaply.
  const input = (max: number) =>
    z.pipe(
      z.pipe(
        z.pipe(
          z.transform((v: unknown) => (typeof v === 'string' ? v : '')),
          text([z.maxLength(max * 4, e.tooLong(max))]),
        ),
        z.transform(cleanText),
      ),
      text([z.maxLength(max, e.tooLong(max))]),
    );

  const required = (max: number) => z.pipe(input(max), text([z.minLength(1, e.required)]));
  const optional = (max: number) =>
    z.pipe(
      input(max),
      z.transform((v: string) => (v === '' ? null : v)),
    );
  const matching = (schema: z.ZodMiniType<string>, pattern: RegExp, message: string) => z.pipe(schema, text([z.regex(pattern, message)]));
  const optionalMatching = (max: number, pattern: RegExp, message: string) =>
    z.pipe(optional(max), z.nullable(text([z.regex(pattern, message)])));
  const upper = z.transform((v: string) => v.toUpperCase());

  const contact = {
    email: z.pipe(required(254), z.email({ error: e.email, pattern: z.regexes.email })),
    phone: z.pipe(
      required(30),
      z.transform((v: string, payload) => {
        const result = parsePhoneField(v);
        return result.ok ? result.e164 : refuse(payload, e.phone);
      }),
    ),
    street: optionalMatching(100, /^[\p{L}\p{M}0-9 .'’\-/]+$/u, e.street),
    houseNumber: z.pipe(matching(required(12), /^[0-9]+[A-Za-z]?(?:[/-][0-9]+[A-Za-z]?)?$/, e.houseNumber), upper),
    flatNumber: z.pipe(
      optionalMatching(8, /^[0-9]+[A-Za-z]?$/, e.flatNumber),
      z.transform((v: string | null) => v?.toUpperCase() ?? null),
    ),
    postalCode: z.pipe(
      required(6),
      z.transform((v: string, payload) => parsePostalCode(v) || refuse(payload, e.postalCode)),
    ),
    city: matching(required(80), /^\p{L}[\p{L}\p{M} .'’()-]*$/u, e.city),
  };

  // PESEL's own rules depend on the day (a birth date in the future), so they run after the
  // schema, which is built once per language (issue 11: it was built on every call).
  const pesel = required(20);
  const peselProblems = {
    digits: e.peselDigits,
    length: e.peselLength,
    checksum: e.peselChecksum,
    date: e.peselDate,
    future: e.peselFuture,
  } satisfies Record<PeselError, string>;

  const schema = z.object({
    firstName: matching(required(50), NAME_PATTERN, e.name),
    lastName: matching(required(80), NAME_PATTERN, e.name),
    login: matching(z.pipe(required(32), text([z.minLength(8, e.loginShort)])), /^[A-Za-z0-9._-]+$/, e.loginChars),
    ...contact,
    captchaAnswer: required(4),
    consentDataProcessing: checkbox,
    consentEmail: checkbox,
    consentSms: checkbox,
  });

  return { contact, schema, pesel, peselProblems, errors: e };
}

// Built once per language: keyed by the catalogue's errors object (one per language). The
// module imports no catalogue, so a page ships only its own language's words.
const rulesByLanguage = new WeakMap<Errors, ReturnType<typeof buildRules>>();

function rulesFor(errors: Errors) {
  let rules = rulesByLanguage.get(errors);
  if (!rules) rulesByLanguage.set(errors, (rules = buildRules(errors)));
  return rules;
}

/**
 * The rules of the contact fields, also used by the patient's settings
 * (lib/account/contact-details.ts) so that a change is judged exactly as a registration.
 */
export function contactRulesFor(errors: Errors) {
  return rulesFor(errors).contact;
}

const isoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** A birth date typed for a person without PESEL: a real date, not in the future, < 130 years. */
export function checkBirthDate(value: string, today: Date, e: Errors): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return value.trim() === '' ? e.required : e.birthDate;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return e.birthDate;
  const iso = value.trim();
  if (iso > isoDate(today)) return e.birthDateFuture;
  const oldest = `${today.getFullYear() - 130}${isoDate(today).slice(4)}`;
  if (iso < oldest) return e.birthDateTooOld;
  return null;
}

/**
 * What the typed phone means for the SMS consent, for the live form: `landline` (a valid number
 * that cannot take SMS: the consent is not asked), `mobile`, or `unknown` (empty, BRAK, not a
 * number yet — the form then behaves as without this knowledge).
 */
export function smsChannelOf(phone: string): 'mobile' | 'landline' | 'unknown' {
  const result = parsePhoneField(cleanText(phone));
  if (!result.ok || result.e164 === null) return 'unknown';
  return canTakeSms(result) ? 'mobile' : 'landline';
}

export type Validation = { ok: true; data: RegistrationData } | { ok: false; fieldErrors: FieldErrors };

/** Validates a submission of any shape; every failing field gets its own message. */
export function validateRegistration(submitted: Record<string, unknown>, today: Date, errors: Errors): Validation {
  const rules = rulesFor(errors);
  const e = rules.errors;
  // Browsers omit unticked checkboxes and some clients omit empty fields: absent means empty.
  const raw: Record<string, unknown> = Object.fromEntries(registrationFields.map((f) => [f, submitted[f] ?? '']));
  const fieldErrors: FieldErrors = {};
  const typedPesel = rules.pesel.safeParse(raw.pesel);
  let pesel: PeselData | null = null;
  if (!typedPesel.success) fieldErrors.pesel = typedPesel.error.issues[0]?.message;
  else if (!isBrak(typedPesel.data)) {
    const result = parsePesel(typedPesel.data, today);
    if (result.ok) pesel = result;
    else fieldErrors.pesel = rules.peselProblems[result.error];
  }
  const parsed = rules.schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as RegistrationField;
      fieldErrors[field] ??= issue.message;
    }
  }
  const text = (k: RegistrationField) => (typeof raw[k] === 'string' ? raw[k] : '');

  // Conditional rules look at the raw values so they are reported together with the others.
  const noPesel = isBrak(text('pesel'));
  const birthDateError = noPesel ? checkBirthDate(text('birthDate').slice(0, 40), today, e) : null;
  if (birthDateError) fieldErrors.birthDate = birthDateError;
  if (!checkbox.parse(raw.consentDataProcessing)) fieldErrors.consentDataProcessing = e.consentDataProcessing;
  if (text('email').trim() !== '' && !checkbox.parse(raw.consentEmail)) fieldErrors.consentEmail = e.consentEmail;
  // The same phone value that would be stored decides whether the SMS consent is needed: only a
  // number that can take SMS has the channel (a landline is a contact number, not an SMS one).
  const phone = rules.contact.phone.safeParse(raw.phone);
  const textable = phone.success && phone.data !== null && canTakeSms(parsePhoneField(phone.data));
  if (textable && !checkbox.parse(raw.consentSms)) fieldErrors.consentSms = e.consentSms;

  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const d = parsed.data;
  return {
    ok: true,
    data: {
      pesel: pesel?.pesel ?? null,
      birthDate: pesel?.birthDate ?? text('birthDate').trim(),
      sex: pesel?.sex ?? null,
      firstName: d.firstName,
      lastName: d.lastName,
      login: d.login,
      email: d.email,
      phone: d.phone,
      street: d.street,
      houseNumber: d.houseNumber,
      flatNumber: d.flatNumber,
      postalCode: d.postalCode,
      city: d.city,
      consents: { dataProcessing: d.consentDataProcessing, email: d.consentEmail, sms: textable && d.consentSms },
    },
  };
}

/** The text values of a submission, trimmed to a sane size, to refill the form. */
export function keepValues(raw: Record<string, unknown>): RegistrationValues {
  const values: RegistrationValues = {};
  for (const field of registrationFields) {
    const v = raw[field];
    if (typeof v === 'string') values[field] = v.slice(0, 300);
  }
  return values;
}

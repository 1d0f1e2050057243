// The phone and address form of the patient's settings, judged by the registration form's own
// rules (lib/registration/form.ts contactRulesFor) with their messages in the patient's language.
// Pure: the browser runs it for live checks.
import * as z from 'zod/mini';
import type { PatientContactData } from '@/db/schema';
import { contactRulesFor, type RegistrationErrors } from '@/lib/registration/form';
import { contactFields, type ContactField } from './contact-fields';

export { contactFields, type ContactField };
export type ContactErrors = Partial<Record<ContactField, string>>;
export type ContactValues = Partial<Record<ContactField, string>>;

const schemas = new WeakMap<RegistrationErrors, ReturnType<typeof buildSchema>>();

function buildSchema(errors: RegistrationErrors) {
  const rules = contactRulesFor(errors);
  return z.object({
    phone: rules.phone,
    street: rules.street,
    houseNumber: rules.houseNumber,
    flatNumber: rules.flatNumber,
    postalCode: rules.postalCode,
    city: rules.city,
  });
}

function contactSchema(errors: RegistrationErrors) {
  let schema = schemas.get(errors);
  if (!schema) schemas.set(errors, (schema = buildSchema(errors)));
  return schema;
}

export type ContactValidation = { ok: true; data: PatientContactData } | { ok: false; fieldErrors: ContactErrors };

/** Validates a submission of any shape; every failing field gets its own message, in the language of `errors` (`t.register.errors`). Pure. */
export function validateContactDetails(submitted: Record<string, unknown>, errors: RegistrationErrors): ContactValidation {
  const raw = Object.fromEntries(contactFields.map((f) => [f, submitted[f] ?? '']));
  const parsed = contactSchema(errors).safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: ContactErrors = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as ContactField] ??= issue.message;
  return { ok: false, fieldErrors };
}

/** The typed text values, trimmed to a sane size, to refill the form. */
export function keepContactValues(submitted: Record<string, unknown>): ContactValues {
  const values: ContactValues = {};
  for (const f of contactFields) if (typeof submitted[f] === 'string') values[f] = submitted[f].slice(0, 200);
  return values;
}

/** A patient record's contact data as a change request holds it (a record may lack the parts the form requires). */
export function contactOfRecord(record: Record<ContactField, string | null>): PatientContactData {
  const { phone, street, houseNumber, flatNumber, postalCode, city } = record;
  return { phone, street, houseNumber: houseNumber ?? '', flatNumber, postalCode: postalCode ?? '', city: city ?? '' };
}

/** Stored contact data as the form's text values (empty where nothing is stored). */
export function contactTexts(data: Record<ContactField, string | null>): Record<ContactField, string> {
  return Object.fromEntries(contactFields.map((f) => [f, data[f] ?? ''])) as Record<ContactField, string>;
}

export const sameContact = (a: PatientContactData, b: PatientContactData) => contactFields.every((f) => (a[f] ?? null) === (b[f] ?? null));

/** The fields in which two versions of the contact data differ. */
export const changedFields = (a: PatientContactData, b: PatientContactData) =>
  contactFields.filter((f) => (a[f] ?? null) !== (b[f] ?? null));

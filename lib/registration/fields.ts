// The registration form's fields and their value/error shapes, without the rules: the form's
// first paint needs these, and the rules (lib/registration/form.ts, zod) load on first focus.
export const registrationFields = [
  'pesel',
  'birthDate',
  'firstName',
  'lastName',
  'login',
  'email',
  'phone',
  'street',
  'houseNumber',
  'flatNumber',
  'postalCode',
  'city',
  'captchaAnswer',
  'consentDataProcessing',
  'consentEmail',
  'consentSms',
] as const;

export type RegistrationField = (typeof registrationFields)[number];
export type FieldErrors = Partial<Record<RegistrationField, string>>;
/** The text fields, as typed; kept to refill the form after an error. */
export type RegistrationValues = Partial<Record<RegistrationField, string>>;

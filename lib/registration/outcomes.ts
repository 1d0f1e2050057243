// What a registration can end in, as codes: register-patient.ts returns them, the catalogues and
// the register page word them. A module of its own so the catalogues need not import the use case.

export type ConflictReason =
  'email_taken' | 'pesel_has_account' | 'pesel_name_mismatch' | 'identity_has_account' | 'identity_ambiguous' | 'identity_needs_staff';

export type RegistrationOutcome =
  | { status: 'registered'; accountId: string; patientId: string; attached: boolean }
  | { status: 'conflict'; reason: ConflictReason }
  | { status: 'invalid'; fieldErrors: RegistrationRefusals };

/** Fields refused inside the transaction, as codes the form words: a login someone took, a captcha already used. */
export type RegistrationRefusals = { login?: 'taken'; captchaAnswer?: 'used' };

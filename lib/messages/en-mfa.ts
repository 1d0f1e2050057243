// English text of the second sign-in factor (authenticator codes, recovery codes, passkeys). Part of `en` as `mfa`.
import type { Catalogue } from './catalogue';
import { count } from './en-plural';

export const enMfa = {
  passkeyIntro: 'You can also confirm the sign-in with a security key or a passkey.',
  passkeyOnlyIntro: 'Confirm the sign-in with a security key or a passkey.',
  passkeyButton: 'Confirm with a key',
  codeTitle: 'Confirm sign-in with a code',
  codeIntro: 'Enter the 6-digit code from the authenticator app on your phone.',
  code: 'Code',
  codeHint: 'The code from the app (6 digits). If you do not have your phone, enter one of your recovery codes (for example ABCDE-FGHJK).',
  submit: 'Confirm',
  cancel: 'Cancel sign-in',
  failed: 'Incorrect code. Check that you are entering the current code from the app.',
  required: 'Enter the code.',
  expired: 'Signing in took too long. Please sign in again.',
  enrolTitle: 'Turn on two-step verification',
  enrolIntroStaff:
    'Staff accounts are protected by a second factor. Before you go to the dashboard, link your account to an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or FreeOTP).',
  enrolIntroPatient:
    'Once it is turned on, signing in will require a code from the authenticator app on your phone as well as your password.',
  enrolStep1: '1. Scan the QR code with your authenticator app.',
  enrolStep2: '2. If you cannot scan the code, enter this key in the app (type: time-based):',
  enrolStep3: '3. Enter the 6-digit code the app shows.',
  enrolCodeHint: '6 digits from the app.',
  enrolSubmit: 'Turn on',
  secretLabel: 'Key',
  qrAlt: 'QR code to scan with your authenticator app',
  recoveryTitle: 'Recovery codes',
  recoveryIntro:
    'Keep these codes somewhere safe (for example, print them). Each one works once, when you do not have your phone. We will not show them again.',
  continue: 'Continue',
  enabled: 'Two-step verification is on.',
  disabledState: 'Two-step verification is off.',
  disableTitle: 'Turn off two-step verification',
  disableIntro: 'To turn it off, enter the current code from the app or a recovery code.',
  disableSubmit: 'Turn off',
  disabledDone: 'Two-step verification has been turned off.',
  manage: 'Two-step verification (code from your phone)',
  recoveryLeft: (n: number) => `You have ${count(n, 'recovery code')} left.`,
  /** The account's name in the authenticator app when its login cannot be read. */
  accountName: { staff: 'staff member', patient: 'patient' },
} satisfies Catalogue['mfa'];

// English user-facing text (British English), in the shape of the Polish catalogue minus its
// staff-only sections. Words a patient will meet at the desk keep their Polish official names
// with a translation beside them: PESEL, and BRAK — the word the form accepts for "none"
// (lib/pesel.ts, lib/phone.ts), so it stays BRAK in every language. The domain-keyed lists
// (`satisfies Words<…>`) are in en-self-service.ts; the others live in pl's staff-only sections.
import type { ConsentKind } from '@/db/schema';
import type { Catalogue } from './catalogue';
import { enMfa } from './en-mfa';
import { count } from './en-plural';
import { enRegister } from './en-register';
import { enSession } from './en-session';
import { selfService } from './en-self-service';

/** "1 hour", "24 hours". */

export const en = {
  app: {
    name: 'E-Rejestracja',
    tagline: 'Patient portal',
    skipToContent: 'Skip to main content',
  },
  chrome: {
    language: 'Page language',
    footer: 'About the portal',
    accessibility: 'Accessibility statement',
    privacy: 'Personal data protection (GDPR – RODO)',
  },
  /** Shown for a missing PESEL or phone: the word the form accepts for "none" (Polish, in every language). */
  consentTexts: {
    data_processing:
      'I consent to the processing of my personal data for the purpose of creating and maintaining an account in the E-Rejestracja portal.',
    email: 'I consent to receiving notifications at the email address I have given.',
    sms: 'I consent to receiving SMS notifications at the phone number I have given.',
  } satisfies Record<ConsentKind, string>,
  none: 'BRAK',
  facility: {
    phone: 'Tel.',
    hours: 'Opening hours:',
    deskTranslation: 'Patient Registration Desk',
  },
  login: {
    title: 'Sign in to the patient portal',
    login: 'Username',
    password: 'Password',
    submit: 'Sign in',
    noAccount: 'Don’t have an account yet?',
    register: 'Create an account',
    forgot: 'Forgotten your password?',
    resendActivation: 'Did not get the activation link?',
    registerIntro: 'You can create a patient portal account in a few minutes. You will need an email address.',
    goTo: 'Go to the sign-in page',
    passkey: {
      title: 'Passkey',
      intro:
        'Sign in with your fingerprint, face or device PIN instead of the password — if you have added a passkey in your account settings.',
      button: 'Sign in with a passkey',
      noScript: 'Signing in with a passkey needs JavaScript. Without it, sign in with your username and password.',
      unsupported: 'This browser does not support passkeys. Sign in with your username and password.',
      cancelled: 'Signing in with a passkey was cancelled.',
      failed: 'Signing in with this passkey did not work. Try again or sign in with your password.',
      working: 'Waiting for the passkey…',
    },
  },
  register: enRegister,

  email: {
    activation: {
      subject: 'Activate your E-Rejestracja portal account',
      preview: 'Set a password to activate your patient portal account.',
      greeting: (firstName: string) => `Dear ${firstName},`,
      body: 'An account has been created on the E-Rejestracja patient portal for this email address. To activate it, click the button below and set a password.',
      button: 'Set password',
      fallback: 'If the button does not work, copy this address into your browser:',
      login: (login: string) => `Your username: ${login}`,
      validity: (hours: number) => `The link is valid for ${count(hours, 'hour')} and can only be used once.`,
      notYou: 'If you did not create this account, please ignore this message.',
      desk: 'To use the portal fully, go with a valid identity document to:',
    },
    attempt: {
      subject: 'Attempt to create an account with your email address',
      preview: 'Someone tried to create an E-Rejestracja portal account with this address.',
      body: 'Someone has just tried to create a new account on the E-Rejestracja patient portal using this email address. Your existing account is still there and nothing in it has changed.',
      action:
        'If this was you, sign in to your existing account (use the “Forgotten your password?” option if you need to). If not, you do not need to do anything; if in doubt, contact the registration desk.',
    },
    verified: {
      subject: 'Your E-Rejestracja portal account has been verified',
      preview: 'Your identity has been confirmed.',
      body: (desk: string) => `Your identity has been confirmed at: ${desk}. You can now use the patient portal fully:`,
    },
    reset: {
      subject: 'Set a new password for the E-Rejestracja portal',
      preview: 'A link to set a new password.',
      body: 'We have received a request to set a new password for your account on the E-Rejestracja patient portal. Click the button below to set it.',
      button: 'Set new password',
      validity: (minutes: number) => `The link is valid for ${count(minutes, 'minute')} and can only be used once.`,
      notYou: 'If you did not ask to change your password, please ignore this message — your current password still works.',
    },
    signInLocked: {
      subject: 'Someone is trying to sign in to your E-Rejestracja portal account',
      preview: 'We have paused password sign-in to your account after many failed attempts.',
      body: 'Someone is trying to sign in to your account on the E-Rejestracja patient portal: a wrong password has been entered many times. To protect your data, we have paused password sign-in to this account.',
      until: (when: string | null) =>
        when
          ? `The lock will last until ${when}. You can remove it sooner by setting a new password:`
          : 'The lock will last until you set a new password:',
      button: 'Set new password',
      validity: (minutes: number) => `The link is valid for ${count(minutes, 'minute')} and can only be used once.`,
      expired: (forgotUrl: string) =>
        `If the link expires, ask for a new one at ${forgotUrl} — setting a new password always removes the lock.`,
      notYou:
        'If it was not you trying to sign in, someone may know your username. We recommend setting a new password that is hard to guess. If in doubt, contact the registration desk.',
    },
  },
  activate: {
    newResetLink: 'Send a link: I have forgotten my password',
    title: 'Set your password',
    intro: 'Set the password you will use to sign in to the patient portal.',
    resetTitle: 'Set a new password',
    resetIntro: 'Set a new password for signing in to the patient portal.',
    password: 'Password',
    passwordRepeat: 'Repeat password',
    submit: 'Save password',
    rulesTitle: 'Your password must meet these requirements:',
    failed: 'The password does not meet the requirements. Correct it and enter it again in both fields.',
    show: 'Show password',
    /** Read after each rule of the live checklist by screen readers. */
    ruleMet: ' — met',
    ruleUnmet: ' — not met',
    rules: {
      minLength: (n: number) => `at least ${count(n, 'character')}`,
      maxLength: 'no more than 128 characters',
      upper: 'at least one capital letter',
      lower: 'at least one lower-case letter',
      digit: 'at least one digit',
      special: 'at least one special character (for example # $ ! %)',
      notCommon: 'must not be a common password that is easy to guess',
      noLogin: 'must not contain your username',
      noPesel: 'must not contain your PESEL number',
      repeat: 'both passwords you enter must be the same',
    },
    done: {
      title: 'Your password has been set',
      body: 'Your account is active. You can now sign in to the patient portal with your username and new password.',
      resetBody: 'Your password has been changed. Sign in with your new password.',
      ok: 'OK, go to sign-in',
    },
    invalid: {
      unknown: {
        title: 'Invalid link',
        body: 'This link is not valid. Check that it was copied in full, or ask for a new one.',
      },
      expired: {
        title: 'Link expired',
        body: 'This link has expired. Ask for a new link — we will send it to the email address you gave when you registered.',
      },
      used: {
        title: 'Link already used',
        body: 'This link has already been used. If your password is set, sign in. If not, ask for a new link.',
      },
      superseded: {
        title: 'Link replaced by a newer one',
        body: 'We have sent a newer link, so this one no longer works. Use the most recent message or ask for a new link.',
      },
    },
    resend: {
      title: 'Send the activation link again',
      intro:
        'Enter the email address you used to register. If the account is waiting for activation, we will send a new link and the earlier ones will stop working.',
      email: 'Email address',
      submit: 'Send a new link',
      sent: 'If there is an account awaiting activation at this address, we have sent a new activation link to it. Check your inbox (and your spam folder).',
    },
  },
  forgot: {
    title: 'Forgotten your password',
    intro: 'Enter your account’s username or email address. We will send a link to set a new password to the account’s email address.',
    identifier: 'Username or email address',
    submit: 'Send link',
    sent: 'If such an account exists, we have sent a link to set a new password to its email address. The link is valid for 1 hour.',
  },
  /** A wait in words: "45 seconds", "5 minutes", "24 hours". */
  wait: (seconds: number) => {
    if (seconds < 90) return count(seconds, 'second');
    const minutes = Math.ceil(seconds / 60);
    return minutes < 90 ? count(minutes, 'minute') : count(Math.ceil(minutes / 60), 'hour');
  },
  limited: (wait: string) => `Too many attempts in a short time. Please try again in ${wait}.`,
  signIn: {
    failed: 'Incorrect username or password.',
    blocked: 'Your account is blocked. Please contact the facility’s staff.',
    required: 'Enter your username and password.',
    signedOut: 'You have been signed out.',
  },
  mfa: enMfa,
  wk: {
    signIn: 'Sign in with login.gov.pl',
    signInIntro: 'Trusted Profile, e-ID card, the mObywatel app or your bank — no portal password needed.',
    register: 'Fill in your details with login.gov.pl',
    registerIntro: 'We take your PESEL, names and date of birth from login.gov.pl, and the account is verified at once.',
    verify: 'Confirm your identity with login.gov.pl',
    verifyIntro:
      'No visit to the registration desk: confirm your identity with Trusted Profile, e-ID card, the mObywatel app or your bank.',
    or: 'or',
    redirectTitle: 'Going to login.gov.pl',
    redirectBody: 'You will be taken to login.gov.pl in a moment. If nothing happens, press the button.',
    continue: 'Continue',
    fromNode: 'Details from login.gov.pl (they cannot be changed):',
    noAccount: 'No portal account is linked to this PESEL. You can create one — the details from login.gov.pl are already in the form.',
    verified: 'Identity confirmed with login.gov.pl. Your account is verified.',
    mismatch:
      'We could not confirm your identity: the details from login.gov.pl do not match the account. Nothing was changed. Please contact the registration desk.',
    refusedTitle: 'Identity not confirmed',
    refused: 'login.gov.pl did not confirm your identity, or its answer was not valid. Nothing was changed. Please try again.',
    cancelled: 'Signing in with login.gov.pl was cancelled. Nothing was changed.',
    notActivated: 'The account linked to this PESEL has not been activated yet. Use the activation link from the email.',
    unverifiedAccount:
      'The account linked to this PESEL is not verified yet, so it cannot be signed in to with login.gov.pl. Sign in with your login and password, or contact the registration desk.',
    notMe: 'Not me — clear the details from login.gov.pl',
    verifiedBody: 'Your identity was confirmed with login.gov.pl. You can use the portal in full.',
    signInRequired: 'Sign in to confirm your identity.',
    back: 'Back to sign-in',
    backToAccount: 'Back to your account',
    method: { desk: 'at the registration desk', node: (means: string) => `with login.gov.pl (${means})` },
  },
  session: enSession,
  account: {
    assurance: {
      title: 'How you signed in',
      way: 'Signed in with',
      identity: 'Identity',
      ways: {
        password: 'a password',
        passwordAndCode: 'a password and a code from the app (two factors)',
        passwordAndPasskey: 'a password and a key (two factors)',
        passkey: 'a passkey (two factors: the key and your fingerprint, face or PIN)',
        identityNode: 'login.gov.pl',
      },
      identities: {
        none: 'not confirmed yet',
        desk: 'confirmed at the registration desk against a document',
        'login.gov.pl': 'confirmed through login.gov.pl',
      },
      levels: { low: 'low', substantial: 'substantial', high: 'high' },
      level: (level: string) => `level of assurance: ${level}`,
    },
    title: 'My account',
    data: 'My details',
    status: 'Account status',
    unverified: 'Account not verified',
    unverifiedBody:
      'To use the E-Rejestracja portal fully, confirm your identity: go with a valid identity document (Polish ID card or passport) to:',
    verified: 'Account verified',
    verifiedBody: 'Your identity has been confirmed at the registration desk. You can use the portal fully.',
    signOut: 'Sign out',
    labels: {
      name: 'Full name',
      pesel: 'PESEL',
      birthDate: 'Date of birth',
      login: 'Username',
      email: 'Email address',
      phone: 'Phone',
      address: 'Address',
    },
  },
  selfService,
} satisfies Catalogue;

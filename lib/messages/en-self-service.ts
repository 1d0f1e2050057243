// English text of the patient's self-service under /account (settings, consents, GDPR rights)
// and of its emails. Part of the `en` catalogue as `en.selfService`, mirroring pl-self-service.ts.
import type { ConsentAction, ConsentChannel, ConsentKind } from '@/db/schema';
import type { ContactField } from '@/lib/account/contact-fields';
import type { Catalogue } from './catalogue';
import { enAccountData } from './en-account-data';
import { count } from './en-plural';

type Words<Key extends string> = Record<Key, string>;

/** "1 hour", "24 hours". */

const consentKindNames = {
  data_processing: 'Processing of personal data',
  email: 'Email notifications',
  sms: 'SMS notifications',
} satisfies Words<ConsentKind>;

export const selfService = {
  nav: {
    title: 'Manage your account',
    settings: 'Account settings: password, email, phone and address',
    data: 'Download my data',
    delete: 'Delete my portal account',
  },
  back: '← Back to my account',
  settings: {
    title: 'Account settings',
    intro: 'Here you can change your password, email address, phone number and home address, and add passkeys.',
    summaryTitle: 'Correct the errors in the form',
    currentPassword: 'Current password',
    currentPasswordHint: 'For your security, confirm the change with your current password.',
    wrongPassword: 'Incorrect password.',
    generic: 'Your changes could not be saved because of a system error. Please try again in a moment.',
    gone: 'The details of this account cannot be changed. Please sign in again.',
    password: {
      title: 'Password',
      intro:
        'When you change your password, we will sign you out on all your other devices and send a notification to the account’s email address.',
      newPassword: 'New password',
      repeat: 'Repeat the new password',
      submit: 'Change password',
      failed: 'Your password was not changed. Correct the errors and enter the passwords again.',
      done: 'Your password has been changed. You will need to sign in again on your other devices.',
    },
    email: {
      title: 'Email address',
      current: 'Current address',
      newEmail: 'New email address',
      newEmailHint: 'We will send a confirmation link to it. Until you confirm, your current address stays in use.',
      submit: 'Send confirmation link',
      same: 'This is already the account’s email address.',
      sent: (email: string, hours: number) =>
        `We have sent a confirmation link to ${email}. Click it within ${count(hours, 'hour')} to change your address. Until then, your current address stays in use.`,
      pending: (email: string, until: string) => `Awaiting confirmation: ${email} (link valid until ${until}).`,
      cancel: 'Cancel the address change',
      cancelled: 'The email address change has been cancelled; the confirmation link no longer works.',
    },
    contact: {
      title: 'Phone and home address',
      intro: 'We check these details in the same way as the registration form does.',
      reviewed:
        'Your account is verified (or linked to your hospital patient record), so an address change goes to the registration desk and is entered in your record once a member of staff confirms it. Your phone number for notifications is changed straight away.',
      submit: 'Save phone and address',
      saved: 'Your phone number and address have been saved.',
      pendingSaved: 'Saved. The address change is waiting for confirmation by the registration desk.',
      unchanged: 'Nothing has changed: these details are already saved.',
      pending: 'Change of details waiting for confirmation by the registration desk:',
    },
    sessions: {
      title: 'Sign out of all devices',
      intro: 'If you signed in on someone else’s device or on a device you have lost, end all your sessions. You will then sign in again.',
      submit: 'Sign out of all devices',
    },
    passkeys: {
      title: 'Passkeys',
      intro: 'A passkey lets you sign in with your fingerprint, face or device PIN instead of the password.',
      details:
        'The passkey stays on your phone, computer or security key: the portal never receives your fingerprint or a picture of your face. We will tell you by email about every passkey added (and by SMS, if you have agreed to SMS notifications).',
      listTitle: 'Your passkeys',
      addedAt: 'Added',
      lastUsedAt: 'Last used',
      empty: 'You have not added any passkeys yet.',
      never: 'never',
      remove: 'Remove',
      removeLabel: (name: string) => `Remove passkey: ${name}`,
      removed: 'The passkey has been removed: it can no longer be used to sign in.',
      addTitle: 'Add a passkey',
      name: 'Passkey name',
      nameHint: 'For example “Phone” or “Laptop at home” (up to 60 characters), so that you can recognise it in the list.',
      nameInvalid: 'Enter a name for the passkey: 1 to 60 characters, without control characters.',
      add: 'Add a passkey',
      working: 'Follow the instructions of your browser or device…',
      added: (name: string) => `The passkey “${name}” has been added. You can use it to sign in instead of the password.`,
      needsBrowser: 'Adding a passkey needs JavaScript turned on and a browser that supports passkeys.',
      cancelled: 'No passkey was added: it was cancelled or the time to confirm ran out. You can try again.',
      alreadyHere: 'This device already holds a passkey for your account.',
      failed: 'The passkey could not be added because of an error. Please try again in a moment.',
      refusals: {
        challenge: 'The time to add the passkey ran out, or it was started again in another tab. Please try again.',
        invalid: 'Your device did not confirm the passkey (for example without a fingerprint or PIN). Please try again.',
        not_allowed: 'This kind of passkey cannot be added to the account.',
        duplicate: 'This passkey has already been added to the account.',
        gone: 'The settings of this account cannot be changed. Please sign in again.',
        not_found: 'This passkey is no longer in the list (it may have been removed in another tab).',
        last_factor:
          'The last second factor cannot be removed while one is required. Add another passkey or turn on the code from an app first.',
      },
    },
  },
  emailConfirm: {
    title: 'Confirm your new email address',
    intro: (email: string) => `Once you confirm, your account’s email address will be: ${email}.`,
    submit: 'Confirm new address',
    doneTitle: 'Your email address has been changed',
    done: (email: string) => `From now on, your account’s email address is ${email}.`,
    toLogin: 'Go to sign-in',
    otherAccount: 'This link is for a different account from the one you are signed in to. Sign out and open the link again.',
    states: {
      unknown: { title: 'Invalid link', body: 'This link is not valid. Check that it was copied in full.' },
      expired: { title: 'Link expired', body: 'This link has expired. Sign in and ask to change your address again.' },
      used: { title: 'Link already used', body: 'This email address has already been confirmed.' },
      superseded: {
        title: 'Link replaced by a newer one',
        body: 'A different address change was requested, or the change was cancelled, so this link no longer works.',
      },
    },
  },
  consents: {
    title: 'Consents',
    intro: 'You can withdraw or give consent to notifications at any time; withdrawing consent is as easy as giving it.',
    kinds: consentKindNames,
    given: 'Given',
    withdrawn: 'Withdrawn',
    none: 'Not given',
    version: (v: string) => `wording version ${v}`,
    when: (action: string, at: string, channel: string) => `${action} ${at}, ${channel}`,
    channels: { registration: 'in the registration form', account: 'in account settings' } satisfies Words<ConsentChannel>,
    actions: { given: 'given', withdrawn: 'withdrawn' } satisfies Words<ConsentAction>,
    give: (kind: string) => `Give consent: ${kind}`,
    withdraw: (kind: string) => `Withdraw consent: ${kind}`,
    needsPhone: 'To give this consent, add a mobile phone number in your account settings (we do not text landlines).',
    securityNote:
      'We always send messages about your account’s security (for example, about a password change), whether or not you give this consent.',
    dataProcessing:
      'Consent to the processing of your data is the basis for keeping your portal account. Withdrawing it means deleting your portal account (your patient record at the hospital remains, as the law on medical records requires).',
    dataProcessingLink: 'Withdraw consent and delete my account',
    history: 'Consent history',
    historyCaption: 'Consent history: type, event, wording version, time, method and IP address',
    columns: { kind: 'Consent', action: 'Event', version: 'Version', at: 'When', channel: 'How', ip: 'IP address' },
    recorded: {
      given: 'Your consent has been recorded.',
      withdrawn: 'The withdrawal of your consent has been recorded.',
    } satisfies Words<ConsentAction>,
  },
  data: enAccountData,
  delete: {
    title: 'Delete my portal account',
    what: 'What will happen:',
    consequences: [
      'Your portal account will be deleted straight away: username, email address, password, links and sessions. You will be signed out on all devices.',
      'Your username and email address will become free — you can create a new account later.',
      'Your patient record at the hospital (personal details and address) remains, because the hospital must keep it under the law on medical records.',
      'The history of your consents (including their withdrawal) and the entry recording the account’s deletion in the event log remain as evidence.',
      'Withdrawing consent to data processing in the portal means exactly this: deleting the account.',
    ],
    before: 'Before you delete your account, you can download your data.',
    confirm: 'I understand that my portal account will be deleted and that this cannot be undone.',
    confirmRequired: 'Tick the box to confirm that you understand the consequences of deleting your account.',
    password: 'Password',
    submit: 'Delete account permanently',
    doneTitle: 'Your account has been deleted',
    done: 'Your portal account has been deleted and all your sessions have been ended. Your patient record at the hospital remains.',
    again: 'You can create a new account at any time.',
  },
  email: {
    passkeyAdded: {
      subject: 'A passkey was added to your E-Rejestracja portal account',
      preview: 'A new passkey was added to your account.',
      body: (name: string, at: string) =>
        `A passkey “${name}” was added to your account on the E-Rejestracja patient portal (${at}). It can be used to sign in without a password.`,
      notYou:
        'If it was not you, sign in, remove this passkey in your account settings and change your password. If in doubt, contact the registration desk:',
    },
    passwordChanged: {
      subject: 'Your E-Rejestracja portal password has been changed',
      preview: 'The password for your account has been changed.',
      body: (at: string) =>
        `The password for your account on the E-Rejestracja patient portal was changed (${at}). You will need to sign in again on your other devices.`,
      ok: 'If you changed your password, you do not need to do anything.',
      notYou: 'If it was not you, set a new password straight away using the “Forgotten your password?” option:',
      contact: 'and contact the registration desk:',
    },
    emailConfirm: {
      subject: 'Confirm your new email address for the E-Rejestracja portal',
      preview: 'Confirm that this address should be your account’s address.',
      body: 'Someone asked to change the email address of an account on the E-Rejestracja patient portal to this address. To confirm the change, click the button below.',
      button: 'Confirm new address',
      validity: (hours: number) => `The link is valid for ${count(hours, 'hour')} and can only be used once.`,
      notYou: 'If you did not ask for this change, ignore this message — nothing will change.',
    },
    emailChangeNotice: {
      subject: 'Request to change your E-Rejestracja portal email address',
      preview: 'Someone has asked to change the email address of your account.',
      body: (masked: string) =>
        `Someone asked to change the email address of your account on the E-Rejestracja patient portal to ${masked}. The address will only change once the link sent to the new address is clicked; until then, this address stays in use.`,
      notYou:
        'If it was not you, sign in, cancel the change in your account settings and change your password. If in doubt, contact the registration desk:',
    },
  },
  audit: {
    patient: 'Patient (self-service)',
  },
  staffActions: {
    'account.verify': 'identity confirmed',
    'account.block': 'account blocked',
    'account.unblock': 'account unblocked',
    'account.resend_activation': 'activation link sent again',
    'patient_record.accept_change': 'change of details entered in the patient record',
    'patient_record.reject_change': 'change of details rejected',
  },
  staff: {
    pendingTitle: 'Change of details to confirm',
    pendingIntro: (at: string) =>
      `On ${at} the patient asked for their details in the patient record to be changed. Check the change and enter it in the record, or reject it.`,
    current: 'Currently in the record',
    proposed: 'Proposed change',
    field: 'Field',
    /** Read by screen readers after a changed value. */
    changed: ' (changed)',
    accept: 'Enter the change in the record',
    reject: 'Reject the change',
    done: {
      accepted: 'The change of details has been entered in the patient record.',
      rejected: 'The change of details has been rejected.',
    },
    listTitle: 'Changes of details to confirm',
    listEmpty: 'No changes of details to confirm.',
    listCaption: 'Patients’ changes of details awaiting confirmation, oldest first',
    nav: 'Changes of details',
    columns: { createdAt: 'Requested', patient: 'Patient', login: 'Username', fields: 'Fields changed' },
    fields: {
      phone: 'phone',
      street: 'street',
      houseNumber: 'house number',
      flatNumber: 'flat number',
      postalCode: 'postcode',
      city: 'town or city',
    } satisfies Words<ContactField>,
  },
} satisfies Catalogue['selfService'];

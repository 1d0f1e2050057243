import type { Metadata } from 'next';
import { ClientWords } from '@/components/words/client-words';
import { redirect } from 'next/navigation';
import { FacilityContact } from '@/components/facility-contact';
import { PasskeyList } from '@/components/passkeys/passkey-list';
import { ActionButton, CardSection, Notice, secondaryButtonClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { EMAIL_CHANGE_TTL_HOURS } from '@/lib/account/change-email';
import { contactTexts } from '@/lib/account/contact-form';
import { formatAddress, loadSettings } from '@/lib/account/settings-view';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format';
import { requestLocale } from '@/lib/i18n/request-locale';
import { wordsFor } from '@/lib/messages';
import { requirePatient } from '@/lib/web/action';
import { listPasskeys } from '@/lib/webauthn';
import { cancelEmailChangeAction, signOutEverywhereAction } from './actions';
import { ContactForm } from './contact-form';
import { EmailChangeForm } from './email-change-form';
import { PasswordChangeForm } from './password-change-form';
import { SubpageHeading } from '../subpage-heading';

export async function generateMetadata(): Promise<Metadata> {
  return { title: wordsFor(await requestLocale()).selfService.settings.title, robots: { index: false } };
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const accountId = await requirePatient();
  const db = await getDb();
  const [settings, passkeys, { done }] = await Promise.all([
    loadSettings(db, accountId),
    listPasskeys(db, { kind: 'patient', id: accountId }),
    searchParams,
  ]);
  if (!settings) redirect('/login');
  const locale = await requestLocale();
  const w = wordsFor(locale);
  const t = w.selfService.settings;
  const doneMessages: Record<string, string> = {
    password: t.password.done,
    'email-sent': settings.pendingEmail ? t.email.sent(settings.pendingEmail.newEmail, EMAIL_CHANGE_TTL_HOURS) : '',
    'email-cancelled': t.email.cancelled,
    'email-confirmed': w.selfService.emailConfirm.done(settings.email),
    'contact-saved': t.contact.saved,
    'contact-pending': t.contact.pendingSaved,
    'contact-unchanged': t.contact.unchanged,
  };
  const message = done ? doneMessages[done] : undefined;
  const address = settings.pendingData?.proposed ?? settings;

  // The forms check as the patient types, in the patient's language (the words in the browser).
  return (
    <ClientWords>
      <SubpageHeading title={t.title} />
      <p className="mb-4">{t.intro}</p>
      <Notice tone="success" data-flash tabIndex={-1} autoFocus className="mb-4 break-words" message={message} />
      <div className="flex flex-col gap-6">
        <CardSection id="password-title" title={t.password.title}>
          <p className="mb-4">{t.password.intro}</p>
          <PasswordChangeForm policy={env.PASSWORD_POLICY} />
        </CardSection>

        <CardSection id="email-title" title={t.email.title}>
          <p className="mb-2 break-words">
            {t.email.current}: <strong data-testid="current-email">{settings.email}</strong>
          </p>
          {settings.pendingEmail ? (
            <div className="mb-4 flex flex-col gap-2 rounded-md border border-slate-300 bg-slate-50 p-3">
              <p className="break-words" data-testid="pending-email">
                {t.email.pending(settings.pendingEmail.newEmail, formatDateTime(settings.pendingEmail.expiresAt, locale))}
              </p>
              <ActionButton action={cancelEmailChangeAction} className={secondaryButtonClass}>
                {t.email.cancel}
              </ActionButton>
            </div>
          ) : null}
          <EmailChangeForm contact={<FacilityContact />} />
        </CardSection>

        <CardSection id="contact-title" title={t.contact.title}>
          <p className="mb-2">{t.contact.intro}</p>
          {settings.reviewed ? <p className="mb-2">{t.contact.reviewed}</p> : null}
          {settings.pendingData ? (
            <div className="mb-4 rounded-md border border-slate-300 bg-slate-50 p-3" data-testid="pending-data-change">
              <p className="font-medium">{t.contact.pending}</p>
              <p className="break-words">{formatAddress(settings.pendingData.proposed)}</p>
            </div>
          ) : null}
          <ContactForm initial={{ ...contactTexts(address), phone: settings.phone ?? w.none }} />
        </CardSection>

        <CardSection id="passkeys-title" title={t.passkeys.title}>
          <PasskeyList passkeys={passkeys} words={t.passkeys} locale={locale} />
        </CardSection>

        <CardSection id="sessions-title" title={t.sessions.title}>
          <p className="mb-4">{t.sessions.intro}</p>
          <ActionButton action={signOutEverywhereAction} className={secondaryButtonClass}>
            {t.sessions.submit}
          </ActionButton>
        </CardSection>
      </div>
    </ClientWords>
  );
}

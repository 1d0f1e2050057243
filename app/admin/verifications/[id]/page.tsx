import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Card, Facts, PageTitle, buttonClass, linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { verificationDocuments } from '@/db/schema';
import { redirectToSignIn } from '@/lib/auth/require';
import { currentStaff } from '@/lib/auth/auth';
import { CONSENTS } from '@/lib/consents';
import { formatDateTime } from '@/lib/format';
import { pl } from '@/lib/messages/pl';
import { isUntilLifted, signInLockOf } from '@/lib/staff/sign-in-locks';
import { getAccountDetail } from '@/lib/staff/account-detail';
import { blockAction, liftSignInLockAction, resendActivationStaffAction, unblockAction, verifyAction } from './actions';
import { PendingDataChange } from './pending-change';

export const metadata: Metadata = { title: pl.admin.queue.title, robots: { index: false } };

const t = pl.admin.detail;

export default async function AccountDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const staff = await currentStaff();
  if (!staff) return redirectToSignIn();
  const [{ id }, flash] = await Promise.all([params, searchParams]);
  const detail = await getAccountDetail(await getDb(), id);
  if (!detail) notFound();
  const { account, patient } = detail;
  const lock = await signInLockOf(await getDb(), account.login);
  const s = account.submitted;
  const waiting = account.status === 'pending_activation' || account.status === 'active';
  const labels = pl.register.labels;

  return (
    <>
      <p className="mb-2">
        <Link href="/admin/verifications" className={linkClass}>
          {t.back}
        </Link>
      </p>
      <PageTitle>
        {patient.firstName} {patient.lastName}
      </PageTitle>
      {flash.done && t.done[flash.done] ? (
        <p role="status" className="mb-4 rounded-md border border-green-700 bg-green-50 p-3">
          {t.done[flash.done]}
        </p>
      ) : null}
      {flash.error && t.errors[flash.error] ? (
        <p role="alert" className="mb-4 rounded-md border-2 border-danger bg-red-50 p-3 text-danger">
          {t.errors[flash.error]}
        </p>
      ) : null}
      <p className="mb-4">
        {pl.admin.queue.columns.status}: <strong data-account-status={account.status}>{pl.admin.statuses[account.status]}</strong>
        {account.status === 'verified' ? ` — ${t.verifiedInfo(detail.verifiedByName ?? '—', pl.admin.documents[account.verificationDocument ?? ''] ?? '—')}` : null}
        {account.status === 'blocked' ? ` — ${t.blockedInfo(detail.blockedByName ?? '—', account.blockedReason ?? '')}` : null}
      </p>
      {lock ? (
        <section aria-labelledby="signin-lock" data-signin-lock className="mb-4 rounded-md border-2 border-danger bg-red-50 p-3">
          <p id="signin-lock" className="mb-2 font-semibold">
            {t.signInLocked(isUntilLifted(lock.lockedUntil) ? null : formatDateTime(lock.lockedUntil), lock.failures)}
          </p>
          <form action={liftSignInLockAction}>
            <input type="hidden" name="accountId" value={account.id} />
            <button type="submit" className={buttonClass}>
              {t.liftSignInLock}
            </button>
          </form>
        </section>
      ) : null}

      <PendingDataChange accountId={account.id} done={flash.done} />

      <div className="grid gap-4 lg:grid-cols-2">
        {waiting ? (
          <Card>
            <form action={verifyAction} className="flex flex-col gap-3">
              <input type="hidden" name="accountId" value={account.id} />
              <fieldset className="flex flex-col gap-2">
                <legend className="mb-1 font-bold">{t.document}</legend>
                {verificationDocuments.map((d, i) => (
                  <label key={d} className="flex items-center gap-2">
                    <input type="radio" name="document" value={d} required defaultChecked={i === 0} className="h-5 w-5" />
                    {pl.admin.documents[d]}
                  </label>
                ))}
              </fieldset>
              <div>
                <button type="submit" className={buttonClass}>
                  {t.verify}
                </button>
              </div>
            </form>
          </Card>
        ) : null}
        {account.status !== 'blocked' ? (
          <Card>
            <form action={blockAction} className="flex flex-col gap-3">
              <input type="hidden" name="accountId" value={account.id} />
              <label htmlFor="reason" className="font-bold">
                {t.reason}
              </label>
              <textarea id="reason" name="reason" required minLength={3} maxLength={500} rows={3} className="rounded-md border border-slate-400 p-2" />
              <div>
                <button type="submit" className="min-h-11 rounded-md bg-danger px-5 py-2 font-semibold text-white">
                  {t.block}
                </button>
              </div>
            </form>
          </Card>
        ) : staff.role === 'admin' ? (
          <Card>
            <form action={unblockAction}>
              <input type="hidden" name="accountId" value={account.id} />
              <button type="submit" className={buttonClass}>
                {t.unblock}
              </button>
            </form>
          </Card>
        ) : null}
      </div>

      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="submitted-title">
          <Card>
            <h2 id="submitted-title" className="mb-2 text-lg font-bold">
              {t.submitted}
            </h2>
            <Facts
              labelWidth="wide"
              rows={[
                [labels.pesel, s.pesel ?? 'BRAK'],
                [labels.birthDate, s.birthDate],
                [labels.firstName, s.firstName],
                [labels.lastName, s.lastName],
                [labels.login, account.login],
                [labels.email, account.email],
                [labels.phone, account.phone ?? 'BRAK'],
                [labels.street, s.street],
                [labels.houseNumber, [s.houseNumber, s.flatNumber].filter(Boolean).join(' / ')],
                [labels.postalCode, s.postalCode],
                [labels.city, s.city],
                [pl.admin.queue.columns.created, formatDateTime(account.createdAt)],
              ]}
            />
          </Card>
        </section>
        <section aria-labelledby="patient-title">
          <Card>
            <h2 id="patient-title" className="mb-2 text-lg font-bold">
              {t.patient}
            </h2>
            <p className="mb-2 text-sm">{account.patientAttached ? t.attached : t.created}</p>
            <Facts
              labelWidth="wide"
              rows={[
                [labels.pesel, patient.pesel ?? 'BRAK'],
                [labels.birthDate, patient.birthDate],
                ['Imię i nazwisko', `${patient.firstName} ${patient.lastName}`],
                ['Adres', [patient.street, patient.houseNumber, patient.flatNumber && `/ ${patient.flatNumber}`, patient.postalCode, patient.city].filter(Boolean).join(' ')],
                [labels.phone, patient.phone],
                [labels.email, patient.email],
              ]}
            />
          </Card>
        </section>
        <section aria-labelledby="consents-title">
          <Card>
            <h2 id="consents-title" className="mb-2 text-lg font-bold">
              {t.consents}
            </h2>
            <ul className="flex flex-col gap-2 text-sm">
              {detail.consents.map((c) => (
                <li key={c.id}>
                  <strong>{CONSENTS[c.kind].label}</strong>
                  <br />
                  wersja {c.textVersion}, {formatDateTime(c.givenAt)}, IP {c.ip ?? '—'}
                </li>
              ))}
            </ul>
          </Card>
        </section>
        <section aria-labelledby="emails-title">
          <Card>
            <h2 id="emails-title" className="mb-2 text-lg font-bold">
              {t.emails}
            </h2>
            <ul className="flex flex-col gap-2 text-sm">
              {detail.emails.map((m) => (
                <li key={m.id}>
                  <strong>{m.subject}</strong> — {m.status}, prób: {m.attempts}, {formatDateTime(m.createdAt)}
                  {m.lastError ? <span className="block text-danger">{m.lastError}</span> : null}
                </li>
              ))}
            </ul>
            {account.status === 'pending_activation' ? (
              <form action={resendActivationStaffAction} className="mt-3">
                <input type="hidden" name="accountId" value={account.id} />
                <button type="submit" className="min-h-11 rounded-md border border-brand px-4 font-medium text-brand">
                  {t.resend}
                </button>
              </form>
            ) : null}
            <h3 className="mt-4 mb-1 font-bold">{t.tokens}</h3>
            <ul className="flex flex-col gap-1 text-sm">
              {detail.tokens.map((k, i) => (
                <li key={i}>
                  {k.purpose === 'activation' ? 'aktywacja' : 'reset hasła'}: wysłany {formatDateTime(k.createdAt)} —{' '}
                  {k.usedAt ? `użyty ${formatDateTime(k.usedAt)}` : k.supersededAt ? 'zastąpiony nowszym' : k.expiresAt < new Date() ? 'wygasł' : `ważny do ${formatDateTime(k.expiresAt)}`}
                </li>
              ))}
            </ul>
          </Card>
        </section>
      </div>
      <section aria-labelledby="audit-title" className="mt-6">
        <Card>
          <h2 id="audit-title" className="mb-2 text-lg font-bold">
            {t.audit}
          </h2>
          <ul className="text-sm">
            {detail.audit.map((a, i) => (
              <li key={i}>
                {formatDateTime(a.createdAt)} — {a.staffName ?? '—'}: {a.action}
              </li>
            ))}
          </ul>
        </Card>
      </section>
    </>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { Facts, buttonClass } from '@/components/ui';
import { DataTable } from '@/components/ui/data-table';
import { getDb } from '@/db/client';
import { exportMyData } from '@/lib/account/my-data';
import { formatAddress } from '@/lib/account/settings-view';
import { formatDateTime } from '@/lib/format';
import { requestLocale } from '@/lib/i18n/request-locale';
import { wordsFor } from '@/lib/messages';
import { wordFor } from '@/lib/messages/pl';
import { requirePatient } from '@/lib/web/action';
import { ConsentHistoryTable } from '../consent-history-table';
import { PrintButton } from './print-button';
import { SubpageHeading } from '../subpage-heading';

export async function generateMetadata(): Promise<Metadata> {
  return { title: wordsFor(await requestLocale()).selfService.data.title, robots: { index: false } };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:border-0 print:p-0 print:shadow-none sm:p-6"
    >
      <h2 id={id} className="mb-2 text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

type Fact = [string, ReactNode];

/** The sections that list facts, in the page's order (the others follow). */
const factSections = ['account', 'patient', 'submitted', 'verification', 'signIns', 'pending'] as const;

/** The patient's data on one printable page (the same data as the JSON file). */
export default async function MyDataPage() {
  const accountId = await requirePatient();
  const d = await exportMyData(await getDb(), accountId);
  if (!d) redirect('/login');
  const locale = await requestLocale();
  const w = wordsFor(locale);
  const t = w.selfService.data;
  const l = t.labels;
  const c = w.selfService.consents;
  const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso), locale) : '—');
  const p = d.patientRecord;
  const facts: Record<(typeof factSections)[number], Fact[] | string> = {
    account: [
      [l.login, d.account.login],
      [l.email, d.account.email],
      [l.phone, d.account.phone ?? w.none],
      [l.status, t.statuses[d.account.status] ?? d.account.status],
      [l.createdAt, when(d.account.createdAt)],
      [l.activatedAt, when(d.account.activatedAt)],
      [l.passwordChangedAt, when(d.account.passwordChangedAt)],
    ],
    patient: [
      [l.name, `${p.firstName} ${p.lastName}`],
      [l.pesel, p.pesel ?? w.none],
      [l.birthDate, p.birthDate],
      [l.sex, p.sex ? t.sexes[p.sex] : null],
      [l.address, formatAddress(p)],
      [l.recordPhone, p.phone],
      [l.recordEmail, p.email],
    ],
    submitted: Object.entries(d.submittedAtRegistration).map(([k, v]) => [
      (w.register.labels[k as keyof typeof w.register.labels] as string) ?? k,
      v,
    ]),
    verification: d.verification
      ? [
          [l.verifiedAt, when(d.verification.verifiedAt)],
          [l.verifiedBy, d.verification.verifiedBy],
          [l.document, wordFor(t.documents, d.verification.document) ?? d.verification.document],
        ]
      : l.notVerified,
    signIns: [
      [l.signInCount, String(d.signIns.count)],
      [l.lastSignInAt, when(d.signIns.lastAt)],
    ],
    pending: [
      [l.pendingEmail, d.pendingEmailChange ? `${d.pendingEmailChange.newEmail} (${when(d.pendingEmailChange.expiresAt)})` : l.none],
      ...d.dataChanges.map((ch, i): Fact => [
        `${l.pendingData} ${i + 1}`,
        `${formatAddress(ch)}; ${when(ch.requestedAt)}; ${t.dataChangeStatuses[ch.status] ?? ch.status}`,
      ]),
    ],
  };
  return (
    <>
      <SubpageHeading title={t.title} linkLineClass="mb-2 print:hidden" />
      <p className="mb-2">{t.intro}</p>
      <p className="mb-4 text-sm">{t.generatedAt(when(d.generatedAt))}</p>
      <div className="mb-6 flex flex-wrap gap-3 print:hidden">
        {/* A plain link: the file downloads with or without JavaScript. */}
        <a href="/account/data/download" className={buttonClass} download>
          {t.download}
        </a>
        <PrintButton label={t.print} />
      </div>
      <div className="flex flex-col gap-6">
        {factSections.map((section) => (
          <Section key={section} id={`data-${section.toLowerCase()}`} title={t.sections[section]}>
            {typeof facts[section] === 'string' ? <p>{facts[section]}</p> : <Facts rows={facts[section]} />}
          </Section>
        ))}
        <Section id="data-consents" title={t.sections.consents}>
          <ul className="mb-3 flex flex-col gap-1">
            {d.consents.current.map((k) => (
              <li key={k.kind}>
                {c.kinds[k.kind]}: <strong>{k.given ? c.given : k.textVersion ? c.withdrawn : c.none}</strong>
                {k.textVersion ? ` (${c.version(k.textVersion)}, ${when(k.since)})` : ''}
              </li>
            ))}
          </ul>
          <ConsentHistoryTable className="overflow-x-auto" rows={d.consents.history.map((h) => ({ ...h, at: when(h.at) }))} />
        </Section>
        <Section id="data-emails" title={t.sections.emails}>
          <DataTable
            caption={t.sections.emails}
            className="overflow-x-auto"
            scrollable
            rows={d.emails}
            rowKey={(_, i) => i}
            columns={[
              { header: t.emailColumns.subject, cell: (m) => m.subject },
              { header: t.emailColumns.createdAt, className: 'whitespace-nowrap', cell: (m) => when(m.createdAt) },
              { header: t.emailColumns.sentAt, className: 'whitespace-nowrap', cell: (m) => when(m.sentAt) },
            ]}
          />
        </Section>
        <Section id="data-staff" title={t.sections.staff}>
          {d.staffActions.length === 0 ? (
            <p>{l.none}</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {d.staffActions.map((a, i) => (
                <li key={i}>
                  {when(a.at)} — {a.by ?? '—'}: {wordFor(w.selfService.staffActions, a.action) ?? a.action}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </>
  );
}

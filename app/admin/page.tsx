import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ColumnChart, ShareBar } from '@/components/charts';
import { Facts, PageTitle, buttonClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { pl, wordFor } from '@/lib/messages/pl';
import { plDashboard as t } from '@/lib/messages/pl-dashboard';
import { BACKLOG_BUCKETS, dashboardStats, formatDuration } from '@/lib/staff/dashboard';
import { requireStaff } from './require-staff';

export const metadata: Metadata = { title: t.title, robots: { index: false } };

const COLORS = { newRecord: '#0b5cad', attached: '#0f766e', conflict: '#b3261e', muted: '#64748b' };

const shortDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;
const longDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
const percent = (rate: number) => new Intl.NumberFormat('pl-PL', { style: 'percent', maximumFractionDigits: 1 }).format(rate);

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}

/** A number on the page: its label, its value, and how it reads when that is not the bare number. */
type Figure = [label: string, value: number | null, shown?: ReactNode];

/** A fact whose number the tests (and anyone scraping the page) can read without parsing Polish words. */
function stat(name: string, [label, value, shown = value]: Figure): [string, ReactNode] {
  return [
    label,
    <span key={name} data-stat={name} data-value={value === null ? '' : String(value)}>
      {shown}
    </span>,
  ];
}

export default async function AdminDashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const stats = await dashboardStats(await getDb());
  const exportError = (await searchParams).eksport === 'zakres';
  const days = stats.registrations.map((r) => r.day);
  const registered = stats.registrations.reduce((sum, r) => sum + r.newRecord + r.attached, 0);
  const conflicts = stats.registrations.reduce((sum, r) => sum + r.conflict, 0);
  const { activation, backlog, verification, email } = stats;
  const ageValues = BACKLOG_BUCKETS.map((b) => backlog.byAge[b]);
  const largestBucket = BACKLOG_BUCKETS[ageValues.indexOf(Math.max(...ageValues))]!;
  const reasons = pl.admin.blocked.reasons;
  const rate = activation.rate === null ? t.activation.none : percent(activation.rate);
  const median = verification.medianSeconds === null ? t.backlog.noMedian : formatDuration(verification.medianSeconds);
  // Every number the page shows, under its `data-stat` name; a section lists the names it shows.
  const figures = {
    registered: [t.registrations.registered, registered],
    conflicts: [t.registrations.conflicts, conflicts],
    'activation-created': [t.activation.created, activation.created],
    'activation-activated': [t.activation.activated, activation.activated],
    'activation-rate': [t.activation.rate, activation.rate, rate],
    'awaiting-verification': [t.backlog.awaitingVerification, backlog.awaitingVerification],
    'awaiting-activation': [t.backlog.awaitingActivation, backlog.awaitingActivation],
    'median-verification-seconds': [t.backlog.median, verification.medianSeconds, median],
    verified: [t.backlog.verified, verification.verified],
    'verified-desk': [t.backlog.byMethod.desk, verification.byMethod.desk],
    'verified-login-gov-pl': [t.backlog.byMethod.node, verification.byMethod.node],
    'email-failed': [t.email.failed, email.failed],
    'email-retrying': [t.email.retrying, email.retrying],
    'sms-failed': [t.email.smsFailed, email.smsFailed],
  } satisfies Record<string, Figure>;
  const facts = (...names: Array<keyof typeof figures>) => names.map((name) => stat(name, figures[name]));

  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="mb-4 text-slate-700">{t.intro(longDay(stats.from), longDay(stats.to))}</p>
      <div className="flex flex-col gap-6">
        <Section id="rejestracje" heading={t.registrations.heading}>
          <Facts rows={facts('registered', 'conflicts')} />
          <ColumnChart
            id="registrations"
            title={t.registrations.heading}
            description={t.registrations.desc(registered, conflicts)}
            categories={days.map(longDay)}
            axisLabels={days.map(shortDay)}
            series={(['newRecord', 'attached', 'conflict'] as const).map((key) => ({
              key,
              label: t.registrations.series[key],
              color: COLORS[key],
              values: stats.registrations.map((r) => r[key]),
            }))}
            tableCaption={t.registrations.caption}
            categoryHeader={t.day}
            totalHeader={t.total}
            showTable={t.showTable}
          />
          {stats.conflictReasons.length > 0 ? (
            <table className="w-full max-w-2xl text-left text-sm" data-table="conflict-reasons">
              <caption className="text-left font-medium">{t.registrations.reasonsCaption}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="p-1">
                    {t.registrations.reason}
                  </th>
                  <th scope="col" className="p-1 text-right">
                    {t.count}
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.conflictReasons.map((r) => (
                  <tr key={r.reason} className="border-t border-slate-200" data-reason={r.reason}>
                    <th scope="row" className="p-1 font-normal">
                      {wordFor(reasons, r.reason) ?? r.reason}
                    </th>
                    <td className="p-1 text-right tabular-nums">{r.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </Section>

        <Section id="aktywacja" heading={t.activation.heading}>
          <ShareBar
            id="activation"
            title={t.activation.heading}
            description={t.activation.desc(rate, activation.activated, activation.created)}
            parts={[
              { key: 'activated', label: t.activation.activated, value: activation.activated, color: COLORS.newRecord },
              {
                key: 'notActivated',
                label: t.activation.notActivated,
                value: activation.created - activation.activated,
                color: COLORS.muted,
              },
            ]}
            tableCaption={t.activation.caption}
            rows={facts('activation-created', 'activation-activated', 'activation-rate')}
          />
        </Section>

        <Section id="weryfikacja" heading={t.backlog.heading}>
          <Facts
            labelWidth="wide"
            rows={facts(
              'awaiting-verification',
              'awaiting-activation',
              'median-verification-seconds',
              'verified',
              'verified-desk',
              'verified-login-gov-pl',
            )}
          />
          <ColumnChart
            id="backlog"
            title={t.backlog.heading}
            description={t.backlog.desc(backlog.awaitingVerification, t.backlog.buckets[largestBucket])}
            categories={BACKLOG_BUCKETS.map((b) => t.backlog.buckets[b])}
            series={[{ key: 'waiting', label: t.backlog.awaitingVerification, color: COLORS.newRecord, values: ageValues }]}
            tableCaption={t.backlog.caption}
            categoryHeader={t.backlog.age}
            showTable={t.showTable}
          />
        </Section>

        <Section id="email" heading={t.email.heading}>
          <Facts labelWidth="wide" rows={facts('email-failed', 'email-retrying', 'sms-failed')} />
          <ColumnChart
            id="email-failures"
            title={t.email.heading}
            description={t.email.desc(email.failed)}
            categories={days.map(longDay)}
            axisLabels={days.map(shortDay)}
            series={[
              { key: 'failed', label: t.email.failedSeries, color: COLORS.conflict, values: email.failedByDay.map((d) => d.failed) },
            ]}
            tableCaption={t.email.caption}
            categoryHeader={t.day}
            showTable={t.showTable}
          />
        </Section>

        {staff.role === 'admin' ? (
          <Section id="eksport" heading={t.exports.heading}>
            <p className="text-sm text-slate-700">{t.exports.intro}</p>
            {exportError ? (
              <p role="alert" className="font-medium text-danger">
                {t.exports.invalidRange}
              </p>
            ) : null}
            {(
              [
                ['audit-log', t.exports.auditLog],
                ['blocked-registrations', t.exports.blocked],
              ] as const
            ).map(([kind, label]) => (
              <form key={kind} method="post" action={`/admin/export/${kind}`} className="flex flex-wrap items-end gap-3">
                <fieldset className="flex flex-wrap items-end gap-3">
                  <legend className="mb-1 font-medium">{label}</legend>
                  {(['from', 'to'] as const).map((end) => (
                    <div key={end} className="flex flex-col gap-1">
                      <label htmlFor={`${kind}-${end}`}>{t.exports[end]}</label>
                      <input
                        id={`${kind}-${end}`}
                        name={end}
                        type="date"
                        required
                        defaultValue={stats[end]}
                        className="min-h-11 rounded-md border border-slate-400 px-2"
                      />
                    </div>
                  ))}
                  <button type="submit" className={buttonClass}>
                    {t.exports.download(label)}
                  </button>
                </fieldset>
              </form>
            ))}
          </Section>
        ) : null}
      </div>
    </>
  );
}

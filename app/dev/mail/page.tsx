import { desc } from 'drizzle-orm';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PageTitle, linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { emailOutbox, smsOutbox } from '@/db/schema';
import { env } from '@/lib/env';
import { pl } from '@/lib/messages/pl';
import { HOSPITAL_TIME_ZONE } from '@/lib/time-zone';

export const metadata: Metadata = { title: pl.devMail.title, robots: { index: false } };

export default async function DevMailPage() {
  await connection();
  if (!env.DEV_MAILBOX) notFound();
  const db = await getDb();
  const messages = await db
    .select({
      id: emailOutbox.id,
      recipient: emailOutbox.recipient,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(100);
  const texts = await db
    .select({
      id: smsOutbox.id,
      recipient: smsOutbox.recipient,
      body: smsOutbox.body,
      status: smsOutbox.status,
      createdAt: smsOutbox.createdAt,
    })
    .from(smsOutbox)
    .orderBy(desc(smsOutbox.createdAt))
    .limit(100);
  return (
    <>
      <PageTitle>{pl.devMail.title}</PageTitle>
      <p className="mb-4 text-sm text-slate-700">{pl.devMail.intro}</p>
      {messages.length === 0 ? (
        <p>{pl.devMail.empty}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {messages.map((m) => (
            <li key={m.id} className="p-3">
              <Link prefetch={false} href={`/dev/mail/${m.id}`} className={linkClass}>
                {m.subject}
              </Link>
              <Sent message={m} testId="recipient" />
            </li>
          ))}
        </ul>
      )}
      <h2 className="mt-8 mb-2 text-xl font-bold">{pl.devMail.sms}</h2>
      <p className="mb-4 text-sm text-slate-700">{pl.devMail.smsIntro}</p>
      {texts.length === 0 ? (
        <p>{pl.devMail.smsEmpty}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="sms-list">
          {texts.map((m) => (
            <li key={m.id} className="p-3">
              <p className="whitespace-pre-wrap" data-testid="sms-body">
                {m.body}
              </p>
              <Sent message={m} testId="sms-recipient" />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** To whom, in what state and when a message was written. */
function Sent({ message: m, testId }: { message: { recipient: string; status: string; createdAt: Date }; testId: string }) {
  return (
    <div className="text-sm text-slate-700">
      {pl.devMail.to}: <span data-testid={testId}>{m.recipient}</span> · {m.status} ·{' '}
      {m.createdAt.toLocaleString('pl-PL', { timeZone: HOSPITAL_TIME_ZONE })}
    </div>
  );
}

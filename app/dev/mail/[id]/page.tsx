import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle, linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { env } from '@/lib/env';
import { pl } from '@/lib/messages/pl';
import { isUuid } from '@/lib/web/action';

export const metadata: Metadata = { title: pl.devMail.title, robots: { index: false } };

export default async function DevMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!env.DEV_MAILBOX || !isUuid(id)) notFound();
  const db = await getDb();
  const [message] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!message) notFound();
  // Plain-text version with its links made clickable, so the link can be followed from here.
  const parts = message.text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      <p className="mb-2">
        <Link prefetch={false} href="/dev/mail" className={linkClass}>
          ← {pl.devMail.title}
        </Link>
      </p>
      <PageTitle>{message.subject}</PageTitle>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="font-semibold">{pl.devMail.to}</dt>
        <dd>{message.recipient}</dd>
        <dt className="font-semibold">{pl.devMail.status}</dt>
        <dd>{message.status}</dd>
      </dl>
      <h2 className="mb-2 text-lg font-bold">{pl.devMail.text}</h2>
      <pre className="mb-6 whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-white p-3 text-sm">
        {parts.map((part, i) =>
          i % 2 === 1 ? (
            <a key={i} href={part} className={linkClass}>
              {part}
            </a>
          ) : (
            part
          ),
        )}
      </pre>
      <h2 className="mb-2 text-lg font-bold">{pl.devMail.html}</h2>
      <iframe
        title={pl.devMail.htmlFrame}
        sandbox=""
        srcDoc={message.html}
        className="h-[600px] w-full rounded-md border border-slate-200 bg-white"
      />
    </>
  );
}

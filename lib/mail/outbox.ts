// Emails are rendered outside any transaction, then queued in email_outbox inside the
// transaction of the change that causes them (SPEC §10); a sender delivers them later.
import { render } from '@react-email/render';
import { sql } from 'drizzle-orm';
import type { ReactElement } from 'react';
import type { Db } from '@/db/client';
import { emailOutbox } from '@/db/schema';

export interface RenderedEmail {
  template: string;
  subject: string;
  html: string;
  text: string;
}

export async function renderEmail(template: string, subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { template, subject, html, text };
}

export async function enqueueEmail(tx: Db, message: RenderedEmail & { recipient: string; accountId?: string | null }): Promise<string> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      recipient: message.recipient,
      subject: message.subject,
      html: message.html,
      text: message.text,
      template: message.template,
      accountId: message.accountId ?? null,
    })
    // The same statement tells listening dispatchers, when (and only if) the transaction commits.
    .returning({ id: emailOutbox.id, notified: sql<string>`pg_notify('email_outbox', '')` });
  return row!.id;
}

// SMSAPI's delivery reports (lib/sms/delivery-reports.ts): the notify_url of every send. Called
// server to server, by GET or a form POST (proxy.ts lets the POST in without an Origin); no
// session, the secret in the path is the check.
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { answerDeliveryReports } from '@/lib/sms/delivery-reports';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ secret: string }>;
}

async function answer(request: Request, { params }: Context): Promise<Response> {
  const { secret } = await params;
  return answerDeliveryReports(request, secret, { secret: env.SMS_STATUS_SECRET, db: getDb });
}

export const GET = answer;
export const POST = answer;

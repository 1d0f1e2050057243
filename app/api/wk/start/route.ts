// POST /api/wk/start (purpose = login | register | verify): a signed AuthnRequest and the page
// that carries it to login.gov.pl — an auto-submitted form, with a visible "Dalej" button for a
// browser without JavaScript. The request is remembered (wk_requests) and tied to this browser by
// a cookie, so that only its answer, arriving here, is accepted (no login CSRF). proxy.ts has
// already refused foreign origins.
import { cookies, headers } from 'next/headers';
import { getDb } from '@/db/client';
import { wkPurposes, type WkPurpose } from '@/db/schema';
import { currentPatientId } from '@/lib/auth/auth';
import { words } from '@/lib/i18n/words';
import { requestLocale } from '@/lib/i18n/request-locale';
import { wkConfig } from '@/lib/wk/config';
import { escapeHtml, htmlPage } from '@/lib/wk/html-page';
import { REQUEST_TTL_MS, startRequest } from '@/lib/wk/identity-node';
import { clientIp } from '@/lib/request';
import { rateLimited, waitMessage } from '@/lib/web/action';
import { WK_REQUEST_COOKIE, requestCookieOptions } from '@/lib/wk/request-cookie';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const config = wkConfig();
  if (!config) return new Response('Not Found', { status: 404 });
  const form = await request.formData().catch(() => null);
  const purpose = form?.get('purpose');
  if (typeof purpose !== 'string' || !wkPurposes.includes(purpose as WkPurpose)) return new Response('Bad Request', { status: 400 });
  const [t, lang] = await Promise.all([words(), requestLocale()]);
  const db = await getDb();
  const limited = await rateLimited(db, 'wkStart', clientIp(await headers()), 'consume');
  if (limited !== null) {
    return htmlPage({
      lang,
      title: t.wk.redirectTitle,
      status: 429,
      body: `<p role="alert">${escapeHtml(waitMessage(limited, t))}</p>`,
      headers: { 'retry-after': String(limited) },
    });
  }
  let accountId: string | null = null;
  if (purpose === 'verify') {
    accountId = await currentPatientId();
    if (!accountId) return new Response(null, { status: 303, headers: { location: '/login?next=%2Faccount' } });
  }
  const started = await startRequest(db, config, purpose as WkPurpose, accountId);
  (await cookies()).set(WK_REQUEST_COOKIE, started.requestId, await requestCookieOptions(REQUEST_TTL_MS));
  return htmlPage({
    lang,
    title: t.wk.redirectTitle,
    nonce: (await headers()).get('x-nonce'),
    body:
      `<p>${escapeHtml(t.wk.redirectBody)}</p>` +
      `<form method="post" action="${escapeHtml(started.action)}" id="wk-form">` +
      `<input type="hidden" name="SAMLRequest" value="${escapeHtml(started.samlRequest)}">` +
      `<button type="submit">${escapeHtml(t.wk.continue)}</button></form>`,
    script: `document.getElementById('wk-form').submit();`,
  });
}

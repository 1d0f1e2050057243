// The assertion consumer service (SPEC §17): login.gov.pl sends the browser back here with
// SAMLart, by GET or by POST. The artifact is resolved over the back channel and its answer
// verified (lib/wk/identity-node.ts); every refusal is a page in the user's language with a
// 4xx status, nothing changed, no session. proxy.ts lets the node's cross-site POST in (an
// artifact is worth nothing without our signed resolve and this browser's request cookie).
import { cookies } from 'next/headers';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { writeSessionCookie } from '@/lib/auth/session-cookie';
import { words } from '@/lib/i18n/words';
import { requestLocale } from '@/lib/i18n/request-locale';
import { wkConfig } from '@/lib/wk/config';
import { escapeHtml, htmlPage } from '@/lib/wk/html-page';
import { receiveArtifact, type SoapTransport } from '@/lib/wk/identity-node';
import type { WkOutcome } from '@/lib/wk/outcomes';
import { WK_HANDLE_COOKIE, WK_REQUEST_COOKIE, handleCookieOptions, requestCookieOptions } from '@/lib/wk/request-cookie';
import { soapTransport } from '@/lib/wk/soap-transport';

export const dynamic = 'force-dynamic';

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

/** The transport, and how long its call took (null until it was made). */
function timed(transport: SoapTransport): { transport: SoapTransport; ms: number | null } {
  const timing: { transport: SoapTransport; ms: number | null } = {
    ms: null,
    transport: async (url, body) => {
      const t0 = performance.now();
      try {
        return await transport(url, body);
      } finally {
        timing.ms = performance.now() - t0;
      }
    },
  };
  return timing;
}

async function answer(samlArt: unknown): Promise<Response> {
  const config = wkConfig();
  if (!config) return new Response('Not Found', { status: 404 });
  const jar = await cookies();
  const browserRequestId = jar.get(WK_REQUEST_COOKIE)?.value;
  const resolve = timed(soapTransport({ allowHttp: config.simulator !== null }));
  const outcome = await receiveArtifact(await getDb(), config, { samlArt, browserRequestId }, resolve.transport, new Date(), after);
  // The browser's request is over once an answer to it was judged (not when a stray artifact came).
  if (outcome.kind !== 'refused' || outcome.purpose !== null) jar.set(WK_REQUEST_COOKIE, '', await requestCookieOptions(0));
  const response = await respond(outcome);
  // How long the node took to resolve the artifact, so that a slow return can be told apart from
  // a slow node (the browser's developer tools show it; bench:acs subtracts it): the rest is ours.
  if (resolve.ms !== null) response.headers.set('server-timing', `wk-resolve;dur=${resolve.ms.toFixed(1)};desc="login.gov.pl"`);
  return response;
}

async function respond(outcome: WkOutcome): Promise<Response> {
  const jar = await cookies();
  switch (outcome.kind) {
    case 'signed-in':
      await writeSessionCookie(env.AUTH_SECRET, outcome.grant);
      return seeOther('/account');
    case 'no-account':
    case 'register':
      jar.set(WK_HANDLE_COOKIE, outcome.handle, await handleCookieOptions());
      return seeOther(outcome.kind === 'no-account' ? '/register?wk=no-account' : '/register?wk=1');
    case 'verified':
      return seeOther('/account?wk=verified');
    case 'mismatch':
      return seeOther('/account?wk=mismatch');
    case 'refused':
      return refusalPage(outcome);
  }
}

async function refusalPage(outcome: Extract<WkOutcome, { kind: 'refused' }>): Promise<Response> {
  const [t, lang] = await Promise.all([words(), requestLocale()]);
  const message =
    outcome.reason === 'cancelled'
      ? t.wk.cancelled
      : outcome.reason === 'blocked'
        ? t.signIn.blocked
        : outcome.reason === 'not_activated'
          ? t.wk.notActivated
          : outcome.reason === 'unverified_account'
            ? t.wk.unverifiedAccount
            : outcome.reason === 'record_mismatch'
              ? t.wk.mismatch
              : t.wk.refused;
  const back = outcome.purpose === 'verify' ? { href: '/account', text: t.wk.backToAccount } : { href: '/login', text: t.wk.back };
  return htmlPage({
    lang,
    title: t.wk.refusedTitle,
    status: outcome.reason === 'blocked' ? 403 : 400,
    body: `<p role="alert" data-wk-refusal="${escapeHtml(outcome.reason)}">${escapeHtml(message)}</p><p><a href="${back.href}">${escapeHtml(back.text)}</a></p>`,
  });
}

export async function GET(request: Request): Promise<Response> {
  return answer(new URL(request.url).searchParams.get('SAMLart') ?? undefined);
}

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  return answer(form?.get('SAMLart') ?? undefined);
}

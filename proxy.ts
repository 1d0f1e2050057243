// Runs before every page and action: a per-request CSP nonce and HSTS, and refusal of
// state-changing requests that do not come from our own pages (foreign or missing Origin), are
// too large, or are not well-formed forms (an action is only ever called with a form). It does no authorization: pages and actions check
// access themselves.
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { buildCsp, HSTS, isSameOrigin, MAX_BODY_BYTES } from '@/lib/security/headers';
import { hasNul } from '@/lib/text';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const refuse = (status: number, message: string) =>
  new NextResponse(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

// login.gov.pl sends the browser back to our ACS with a cross-site POST; what arrives there is
// checked by its own means (the artifact is resolved over the back channel, and the answer must
// be to the request this browser's cookie names).
// The development simulator's artifact resolution is called by this server itself (no Origin).
const CROSS_SITE_POSTS = new Set(['/api/wk/acs', '/dev/wk/artifact']);
// SMSAPI may post its delivery reports (server to server, no Origin) to /api/sms/status/SECRET;
// the secret in the path is their check (app/api/sms/status/[secret]/route.ts).
const SMS_STATUS_PATH = /^\/api\/sms\/status\/[^/]+$/;

async function checkBody(request: NextRequest): Promise<NextResponse | null> {
  const path = request.nextUrl.pathname;
  const crossSiteAllowed = CROSS_SITE_POSTS.has(path) || SMS_STATUS_PATH.test(path);
  if (
    !crossSiteAllowed &&
    !isSameOrigin(request.headers.get('origin'), request.headers.get('x-forwarded-host'), request.headers.get('host'))
  ) {
    return refuse(403, 'Forbidden: cross-origin request');
  }
  // Forms always say how long they are; a chunked body could not be size-checked here.
  const declared = request.headers.get('content-length');
  if (declared === null) return refuse(411, 'Length required');
  if (Number(declared) > MAX_BODY_BYTES) return refuse(413, 'Payload too large');
  const type = request.headers.get('content-type') ?? '';
  const multipart = type.toLowerCase().startsWith('multipart/form-data');
  // Every action of ours is called with a form, so React posts it as multipart (a form without
  // JavaScript too). A JSON argument list (text/plain), or anything else aimed at an action, is
  // refused here, before Next's decoder or an action that reads a form could fail on it.
  if (request.headers.has('next-action') && !multipart) return refuse(415, 'Unsupported media type');
  if (multipart || type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    let form: FormData;
    try {
      // The body a proxy gets is Next's copy for it (`cloneBodyStream`); the page or action still
      // reads the original, so this reads it without cloning it once more.
      form = await request.formData();
    } catch {
      return refuse(400, 'Malformed form data');
    }
    if (multipart && !hasCompleteActionReferences(form)) return refuse(400, 'Malformed action reference');
    if (multipart && request.headers.has('next-action') && !isWellFormedReply(form)) return refuse(400, 'Malformed action arguments');
    for (const [name, value] of form) if (hasNul(name) || (typeof value === 'string' && hasNul(value))) return refuse(400, 'Bad request');
  }
  return null;
}

/**
 * The one place where text read from a request's address is judged: a path or query that does
 * not decode (malformed percent-encoding such as `%C0%AF`) or decodes to a NUL, which no page
 * may receive (PostgreSQL refuses it in text), is refused before any page or action reads it.
 */
function malformedAddress(url: URL): boolean {
  try {
    const decoded = decodeURIComponent(url.pathname) + decodeURIComponent(url.search.replace(/\+/g, ' '));
    return hasNul(decoded);
  } catch {
    return true;
  }
}

/**
 * An action called from JavaScript (the Next-Action header) carries its arguments as React's
 * reply encoding: part `0` holds the argument list as JSON, and a string `$<hex>` (also `$@`,
 * `$Q`, `$W`, with a `:path`) refers to another part by its id. React's decoder waits for a
 * missing part until the body ends and then fails ("Connection closed"), a 500; so does JSON
 * that does not parse, or a reference kind it must construct (server references, blobs,
 * temporary references). Our actions take a form and a plain previous state, so only plain
 * values, form data (`$K`) and references to parts that are there are let through.
 */
function isWellFormedReply(form: FormData): boolean {
  const visited = new Set<string>();
  const part = (id: string, depth: number): boolean => {
    if (visited.has(id)) return true;
    if (depth > 8 || visited.size > 64) return false;
    visited.add(id);
    const raw = form.get(id);
    if (typeof raw !== 'string') return false;
    try {
      return value(JSON.parse(raw) as unknown, depth);
    } catch {
      return false;
    }
  };
  const value = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') {
      if (!v.startsWith('$') || /^\$(\$|undefined$|NaN$|-?Infinity$|-0$|K[0-9a-f]{1,8}$|n-?\d{1,400}$|D)/.test(v)) return true;
      const reference = /^\$[@QW]?([0-9a-f]{1,8})(?::[^:]*)*$/.exec(v);
      return !!reference && part(String(parseInt(reference[1]!, 16)), depth + 1);
    }
    if (Array.isArray(v)) return v.every((item) => value(item, depth));
    if (v !== null && typeof v === 'object') return Object.values(v).every((item) => value(item, depth));
    return true;
  };
  return part('0', 0);
}

/**
 * A no-JavaScript action post names its action in `$ACTION_REF_n` with its metadata in
 * `$ACTION_n:0`, which may point at bound arguments in further parts (`"bound":"$@k"` →
 * `$ACTION_n:k`). Next fails with a 500 when a referenced part is missing, so such a post is
 * refused here.
 */
function hasCompleteActionReferences(form: FormData): boolean {
  for (const key of form.keys()) {
    const ref = /^\$ACTION_REF_(.{1,20})$/.exec(key);
    if (!ref) continue;
    const meta = form.get(`$ACTION_${ref[1]}:0`);
    if (typeof meta !== 'string') return false;
    try {
      const parsed = JSON.parse(meta) as { id?: unknown; bound?: unknown };
      if (typeof parsed.id !== 'string') return false;
      if (typeof parsed.bound === 'string' && parsed.bound.startsWith('$@') && !form.has(`$ACTION_${ref[1]}:${parsed.bound.slice(2)}`)) {
        return false;
      }
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Where our pages may post forms besides ourselves: login.gov.pl's sign-in page, when connected.
 * Worked out once (lib/env.ts has already checked WK_SSO_URL is a URL), not on every request.
 */
let formTargets: string[] | undefined;
const wkFormTargets = (): string[] => (formTargets ??= env.WK_SSO_URL ? [new URL(env.WK_SSO_URL).origin] : []);

export async function proxy(request: NextRequest) {
  if (malformedAddress(request.nextUrl)) return refuse(400, 'Bad request');
  if (!SAFE_METHODS.has(request.method)) {
    const refused = await checkBody(request);
    if (refused) return refused;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const csp = buildCsp(nonce, { development: process.env.NODE_ENV === 'development', https, formTargets: wkFormTargets() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // The page asked for, so that a page sending a signed-out user to /login can bring them back.
  requestHeaders.set('x-request-path', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  // Next reads the nonce from the request's CSP and puts it on its own scripts.
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  // Decided per request, not at build time: production served over HTTPS (or configured so).
  if (process.env.NODE_ENV === 'production' && (https || env.APP_URL.startsWith('https://'))) {
    response.headers.set('strict-transport-security', HSTS);
  }
  return response;
}

export const config = {
  // Health, readiness and metrics are for machines: no nonce, no body checks (issue 14). Only
  // those very paths: a prefix would also let `/api/metrics/x` or `/favicon.icox` past the checks.
  matcher: [{ source: '/((?!_next/static/|_next/image|favicon\\.ico$|api/(?:health|ready|metrics)$).*)' }],
};

// Runs before every page and action: a per-request CSP nonce and HSTS, and refusal of
// state-changing requests that do not come from our own pages (foreign or missing Origin), are
// too large, or are not well-formed forms. It does no authorization: pages and actions check
// access themselves.
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { buildCsp, HSTS, isSameOrigin, MAX_BODY_BYTES } from '@/lib/security/headers';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const refuse = (status: number, message: string) =>
  new NextResponse(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

async function checkBody(request: NextRequest): Promise<NextResponse | null> {
  if (!isSameOrigin(request.headers.get('origin'), request.nextUrl.origin, request.headers.get('host'))) {
    return refuse(403, 'Forbidden: cross-origin request');
  }
  // Forms always say how long they are; a chunked body could not be size-checked here.
  const declared = request.headers.get('content-length');
  if (declared === null) return refuse(411, 'Length required');
  if (Number(declared) > MAX_BODY_BYTES) return refuse(413, 'Payload too large');
  const type = request.headers.get('content-type') ?? '';
  const multipart = type.toLowerCase().startsWith('multipart/form-data');
  if (request.headers.has('next-action') && !multipart) {
    // React posts an action called with simple arguments as a JSON text body; anything else
    // aimed at an action is refused before Next's decoder can fail on it.
    if (!type.toLowerCase().startsWith('text/plain')) return refuse(415, 'Unsupported media type');
    try {
      JSON.parse(await request.clone().text());
    } catch {
      return refuse(400, 'Malformed action arguments');
    }
  }
  if (multipart) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return refuse(400, 'Malformed form data');
    }
    if (!hasCompleteActionReferences(form)) return refuse(400, 'Malformed action reference');
  }
  return null;
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

export async function proxy(request: NextRequest) {
  if (!SAFE_METHODS.has(request.method)) {
    const refused = await checkBody(request);
    if (refused) return refused;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const csp = buildCsp(nonce, { development: process.env.NODE_ENV === 'development', https });
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
  // Health, readiness and metrics are for machines: no nonce, no body checks (issue 14).
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|api/health|api/ready|api/metrics).*)' }],
};

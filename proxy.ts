// Runs before every page and action: a per-request CSP nonce, and refusal of state-changing
// requests that do not come from our own pages (foreign or missing Origin) or are too large.
// It does no authorization: pages and actions check access themselves.
import { NextResponse, type NextRequest } from 'next/server';
import { buildCsp, isSameOrigin, MAX_BODY_BYTES } from '@/lib/security/headers';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function proxy(request: NextRequest) {
  if (!SAFE_METHODS.has(request.method)) {
    if (!isSameOrigin(request.headers.get('origin'), request.nextUrl.origin, request.headers.get('host'))) {
      return new NextResponse('Forbidden: cross-origin request', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > MAX_BODY_BYTES) {
      return new NextResponse('Payload too large', { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = buildCsp(nonce, { development: process.env.NODE_ENV === 'development', https: request.nextUrl.protocol === 'https:' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Next reads the nonce from the request's CSP and puts it on its own scripts.
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};

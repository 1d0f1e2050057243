// Security headers and request checks shared by proxy.ts and next.config.ts.

/** Bodies above this are refused before they reach an action (forms are a few kB). */
export const MAX_BODY_BYTES = 100 * 1024;

export function buildCsp(nonce: string, options: { development: boolean; https: boolean; formTargets?: string[] }): string {
  return [
    "default-src 'self'",
    // Nonced scripts only; 'strict-dynamic' lets Next's nonced loader bring its chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    // Email previews and React's style attributes need inline styles; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...(options.formTargets ?? [])].join(' '),
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * A state-changing request must say where it comes from, and that must be us: the Origin's host
 * is the host the request was sent to — the first X-Forwarded-Host when a proxy (or Next itself)
 * set one, else Host — the very comparison Next's action handler makes afterwards, so nothing we
 * let through is refused there with a 500.
 */
export function isSameOrigin(origin: string | null, forwardedHost: string | null, host: string | null): boolean {
  if (!origin || origin === 'null') return false;
  const expected = forwardedHost?.split(',')[0]?.trim() || host;
  if (!expected) return false;
  try {
    return new URL(origin).host === expected;
  } catch {
    return false;
  }
}

export const HSTS = 'max-age=63072000; includeSubDomains';

const NOSNIFF = { key: 'X-Content-Type-Options', value: 'nosniff' };

/**
 * The headers of next.config.ts (HSTS and the CSP are set per request in proxy.ts): every route
 * gets them all; the build's own files under /_next/static/ only nosniff, the one a script or a
 * stylesheet obeys. Framing, referrer, permissions and opener policies govern documents, and on
 * each of the ~10 files a page loads they were ~230 bytes more to send on a phone (issue 24).
 */
export function staticSecurityHeaders() {
  return [
    { source: '/:path((?!_next/static/).*)', headers: documentHeaders() },
    { source: '/_next/static/:path*', headers: [NOSNIFF] },
  ];
}

function documentHeaders() {
  return [
    NOSNIFF,
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

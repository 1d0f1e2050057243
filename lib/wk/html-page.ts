// The few pages of the login.gov.pl flow that route handlers answer themselves: the form that
// takes the browser to the node, and a refusal with its 4xx status. Plain, accessible HTML in
// the request's language (a route handler cannot render the app's layout).
import { escapeXml } from '@/lib/login-gov-pl/xml';

export interface HtmlPage {
  lang: string;
  title: string;
  body: string;
  status?: number;
  /** The request's CSP nonce, for the one inline script of the redirect page. */
  nonce?: string | null;
  script?: string;
  headers?: Record<string, string>;
}

export const escapeHtml = escapeXml;

export function htmlPage(page: HtmlPage): Response {
  const script = page.script && page.nonce ? `<script nonce="${escapeHtml(page.nonce)}">${page.script}</script>` : '';
  const html =
    `<!doctype html><html lang="${escapeHtml(page.lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(page.title)}</title>` +
    `<style>body{font-family:system-ui,sans-serif;margin:0;padding:1rem;line-height:1.5;color:#0f172a}main{max-width:40rem;margin:2rem auto}` +
    `h1{font-size:1.5rem}button,a.button{display:inline-block;min-height:2.75rem;padding:.5rem 1.25rem;font-size:1rem;border-radius:.375rem;` +
    `background:#1d4ed8;color:#fff;border:0;text-decoration:none}a{color:#1d4ed8}</style></head>` +
    `<body><main id="main"><h1>${escapeHtml(page.title)}</h1>${page.body}</main>${script}</body></html>`;
  return new Response(html, {
    status: page.status ?? 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers },
  });
}

// A browser without JavaScript: GET a page, read the fields of its action <form> (React's hidden
// server-action fields and the captcha's token included), fill in the visible ones, and POST
// it as multipart/form-data — the encoding React puts on a form whose action is a function.
// Redirects are not followed: the 303 of a server action's redirect() is the answer measured.
import { multipart, request } from './http';

export interface ParsedForm {
  /** The URL the form posts to (its action, resolved against the page). */
  action: string;
  /** Every successful control as the browser would post it: hidden, text, checked boxes. */
  fields: Array<[string, string]>;
  /** The page's HTML, for anything else the caller reads (e.g. the captcha question). */
  html: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name in entities) return entities[name]!;
    if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s"'<>/=]+)(?:="([^"]*)"|='([^']*)')?/g)) {
    found.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return found;
}

/**
 * The page's server-action <form> of `html` (a page served at `pageUrl`; the first form when
 * none posts an action) and the fields it would post. The layout's language switcher is a form
 * too, before the page's own.
 */
export function parseForm(html: string, pageUrl: string): ParsedForm {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)];
  const match = forms.find((f) => /name="\$ACTION_/.test(f[2]!)) ?? forms[0];
  if (!match) throw new Error(`No <form> on ${pageUrl}`);
  const action = new URL(attributes(match[1]!).get('action') || '', pageUrl).toString();
  const fields: Array<[string, string]> = [];
  for (const m of match[2]!.matchAll(/<(input|textarea|select)\b([^>]*)>/gi)) {
    const a = attributes(m[2]!);
    const name = a.get('name');
    if (!name || a.has('disabled')) continue;
    const type = (a.get('type') ?? 'text').toLowerCase();
    if (type === 'submit' || type === 'button' || type === 'image' || type === 'file') continue;
    if ((type === 'checkbox' || type === 'radio') && !a.has('checked')) continue;
    fields.push([name, a.get('value') ?? (type === 'checkbox' ? 'on' : '')]);
  }
  return { action, fields, html };
}

const ORIGIN_OF = (url: string) => new URL(url).origin;

/** GET `url` as a browser would (an X-Forwarded-For of the bench's client); fails unless 200. */
export async function getPage(url: string, clientAddress: string): Promise<string> {
  const response = await request(url, { headers: { 'x-forwarded-for': clientAddress, accept: 'text/html' } });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  return response.body;
}

/**
 * Posts `form` with `values` filled in (replacing or adding fields; a checkbox given 'on' is
 * ticked). Returns the status, the Location, the cookies set (`name=value`, as a browser would
 * send them back) and, when it is not a redirect, the body.
 */
export async function postForm(
  form: ParsedForm,
  values: Record<string, string>,
  clientAddress: string,
): Promise<{ status: number; location: string | null; cookies: string[]; body: string }> {
  const data: Array<[string, string]> = [];
  const given = new Set<string>();
  for (const [name, value] of form.fields) {
    data.push([name, name in values ? values[name]! : value]);
    given.add(name);
  }
  for (const [name, value] of Object.entries(values)) if (!given.has(name)) data.push([name, value]);
  const { body, contentType } = multipart(data);
  const response = await request(form.action, {
    method: 'POST',
    body,
    headers: {
      'x-forwarded-for': clientAddress,
      origin: ORIGIN_OF(form.action),
      accept: 'text/html',
      'user-agent': 'e-rejestracja-bench',
      'content-type': contentType,
    },
  });
  const location = response.headers.location;
  const cookies = (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
  return { status: response.status, location: typeof location === 'string' ? location : null, cookies, body: response.body };
}

/** Fails with a readable reason unless the post redirected to a path matching `expected`. */
export function expectRedirect(answer: { status: number; location: string | null; body: string }, expected: RegExp, what: string): void {
  if (answer.status === 303 && answer.location && expected.test(new URL(answer.location, 'http://x').pathname)) return;
  const alert = /role="alert"[^>]*>([\s\S]{0,400}?)<\//.exec(answer.body)?.[1];
  throw new Error(
    `${what}: ${answer.status} ${answer.location ?? ''} ${alert ? decodeEntities(alert.replace(/<[^>]+>/g, ' ')) : answer.body.slice(0, 300)}`,
  );
}

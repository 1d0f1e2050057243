// The simulator's sign-in page (development only): it checks the service's signed AuthnRequest
// and lets the developer pick who signs in.
import { env } from '@/lib/env';
import { isWkRefusal } from '@/lib/login-gov-pl';
import { readAuthnRequest } from '@/lib/login-gov-pl/simulated-node';
import { wkConfig } from '@/lib/wk/config';
import { escapeHtml, htmlPage } from '@/lib/wk/html-page';
import { SIMULATOR_PEOPLE, rememberRequest } from '@/lib/wk/simulator';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const config = wkConfig();
  if (!config?.simulator) return new Response('Not Found', { status: 404 });
  const form = await request.formData().catch(() => null);
  const encoded = form?.get('SAMLRequest');
  if (typeof encoded !== 'string') return new Response('Bad Request', { status: 400 });
  let received;
  try {
    received = readAuthnRequest(Buffer.from(encoded, 'base64').toString('utf8'), config.signingCert);
  } catch (error) {
    if (isWkRefusal(error)) return new Response(`Bad Request: ${error.reason}`, { status: 400 });
    throw error;
  }
  if (!received.acsUrl.startsWith(env.APP_URL)) return new Response('Bad Request: foreign ACS', { status: 400 });
  const session = rememberRequest({ requestId: received.id, acsUrl: received.acsUrl, loa: received.loa });
  const button = (value: string, text: string) =>
    `<form method="post" action="/dev/wk/sso/choose"><input type="hidden" name="session" value="${session}">` +
    `<input type="hidden" name="person" value="${escapeHtml(value)}"><button type="submit">${escapeHtml(text)}</button></form>`;
  return htmlPage({
    lang: 'pl',
    title: 'Symulator login.gov.pl',
    body:
      `<p>To nie jest prawdziwy login.gov.pl: ten symulator działa tylko w trybie deweloperskim. Wybierz osobę, która się loguje.</p>` +
      `<ul style="list-style:none;padding:0;display:grid;gap:.5rem">` +
      SIMULATOR_PEOPLE.map((p, i) => `<li>${button(String(i), `${p.firstName} ${p.lastName} — ${p.pesel} (${p.note})`)}</li>`).join('') +
      `</ul><p>${button('cancel', 'Anuluj logowanie')}</p>`,
  });
}

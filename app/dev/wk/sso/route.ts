// The simulator's sign-in page (development only): it checks the service's signed AuthnRequest
// and lets the developer pick who signs in.
import { env } from '@/lib/env';
import { readAuthnRequest } from '@/lib/login-gov-pl/simulated-node';
import { escapeHtml, htmlPage } from '@/lib/wk/html-page';
import { SIMULATOR_PEOPLE, rememberRequest } from '@/lib/wk/simulator';
import { badRequest, formTexts, simulatorPost } from '../simulator-route';

export const dynamic = 'force-dynamic';

export const POST = simulatorPost(async (request, config) => {
  const form = await formTexts(request, 'SAMLRequest');
  if (!form) return badRequest();
  const received = readAuthnRequest(Buffer.from(form.SAMLRequest, 'base64').toString('utf8'), config.signingCert);
  if (!received.acsUrl.startsWith(env.APP_URL)) return badRequest('foreign ACS');
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
});

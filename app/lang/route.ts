// The header's language switcher posts here (a plain form: it works without JavaScript). The
// choice is kept in a cookie, and with the signed-in patient's account so that emails follow it;
// the browser goes back to the page it came from. proxy.ts has already refused foreign origins.
import { getDb } from '@/db/client';
import { setAccountLocale } from '@/lib/account/account-locale';
import { currentPatientId } from '@/lib/auth/auth';
import { isLocale, LOCALE_COOKIE, sameSitePath } from '@/lib/i18n/locales';
import { isSecureRequest } from '@/lib/web/secure-cookies';

const YEAR = 365 * 24 * 3600;

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const locale = form?.get('locale');
  const location = sameSitePath(form?.get('next'));
  if (!isLocale(locale)) return new Response(null, { status: 303, headers: { location } });

  const patientId = await currentPatientId();
  if (patientId) await setAccountLocale(await getDb(), patientId, locale);

  const secure = isSecureRequest(request.headers);
  const cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${YEAR}; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`;
  return new Response(null, { status: 303, headers: { location, 'set-cookie': cookie, 'cache-control': 'no-store' } });
}

// The two flows measured, as a browser without JavaScript performs them.
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';
import { solveQuestion } from '@/lib/captcha';
import { encodePesel } from '@/lib/pesel';
import { sampleContact } from '../../tests/helpers/people';
import { expectRedirect, getPage, parseForm, postForm, type ParsedForm } from './forms';
import { clientAddress } from './load';

/** The password of every seeded account (seedPatients with its hash). */
export const BENCH_PASSWORD = 'Zielona#Lampa7-bench';

/** A valid registrant, different for every `n` (unique PESEL up to 25 M, login, email). */
export function registrant(n: number): Record<string, string> {
  const pesel = encodePesel(
    { year: 1930 + (Math.floor(n / 336) % 76), month: (Math.floor(n / 28) % 12) + 1, day: (n % 28) + 1 },
    Math.floor(n / 25_536) % 1000,
    n % 10,
  );
  return {
    pesel,
    firstName: 'Zofia',
    lastName: 'Testowa-Benchmarkowa',
    login: `bench.${n}.user`,
    email: `bench.${n}@example.pl`,
    ...sampleContact,
    consentDataProcessing: 'on',
    consentEmail: 'on',
    consentSms: 'on',
  };
}

/** The arithmetic question as the page shows it to a person ("Wynik działania 7 + 5 ="). */
export function captchaAnswer(html: string): string {
  const question = /Wynik działania ([^<=]+?) =/.exec(html)?.[1];
  const answer = question ? solveQuestion(question) : null;
  if (answer === null) throw new Error('No captcha question on /register');
  return String(answer);
}

/** GET /register and POST the filled form; succeeds only on the redirect to /register/sent. */
export async function register(baseUrl: string, n: number): Promise<void> {
  const ip = clientAddress(n);
  const page = `${baseUrl}/register`;
  const form = parseForm(await getPage(page, ip), page);
  const answer = await postForm(form, { ...registrant(n), captchaAnswer: captchaAnswer(form.html) }, ip);
  expectRedirect(answer, /^\/register\/sent$/, 'registration');
}

/** GET /register alone, as a registration starts (its captcha question must be on the page). */
export async function registerPage(baseUrl: string, n: number): Promise<void> {
  captchaAnswer(await getPage(`${baseUrl}/register`, clientAddress(n)));
}

/** The /login form, read once: it has no per-request part, so only the POST is measured. */
export async function loginForm(baseUrl: string): Promise<ParsedForm> {
  const page = `${baseUrl}/login`;
  return parseForm(await getPage(page, clientAddress(0)), page);
}

/** POST of the sign-in form for seeded account `seed<i>`; returns the POST's milliseconds. */
export async function signIn(form: ParsedForm, login: string, n: number): Promise<number> {
  const t0 = performance.now();
  const answer = await postForm(form, { login, password: BENCH_PASSWORD }, clientAddress(n));
  const ms = performance.now() - t0;
  expectRedirect(answer, /^\/account/, 'sign-in');
  return ms;
}

/**
 * The activation of registrant `n`, as the patient does it from the email: the link read from the
 * activation email in the outbox (by the account, whose login is unique), GET /activate/<token>,
 * POST of its password form; succeeds only on the redirect to /activate/done (an active account).
 */
export async function activate(baseUrl: string, sql: postgres.Sql, n: number): Promise<void> {
  const ip = clientAddress(n);
  const login = registrant(n).login!;
  const [email] = await sql<Array<{ text: string }>>`
    select o.text from email_outbox o join web_accounts a on a.id = o.account_id where a.login = ${login}`;
  const token = /\/activate\/([A-Za-z0-9_-]{43})\b/.exec(email?.text ?? '')?.[1];
  if (!token) throw new Error(`activation: no activation link in the outbox for ${login}`);
  const page = `${baseUrl}/activate/${token}`;
  const form = parseForm(await getPage(page, ip), page);
  const answer = await postForm(form, { password: BENCH_PASSWORD, passwordRepeat: BENCH_PASSWORD }, ip);
  expectRedirect(answer, /^\/activate\/done$/, 'activation');
}

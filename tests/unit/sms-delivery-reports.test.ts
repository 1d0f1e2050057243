// SMSAPI's delivery-report callback: reading its parameters, the secret in the path, and the way
// through proxy.ts for a server-to-server call without an Origin.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { config, proxy } from '@/proxy';
import { loadEnv } from '@/lib/env';
import {
  answerDeliveryReports,
  deliveryReportUrl,
  MAX_REPORTS_PER_CALL,
  parseDeliveryReports,
  secretMatches,
  SMSAPI_STATUSES,
} from '@/lib/sms/delivery-reports';

const IDX_A = '0123456789abcdef0123456789abcdef';
const IDX_B = 'fedcba9876543210fedcba9876543210';
const SECRET = 'a'.repeat(40);

const parse = (query: string) => parseDeliveryReports(new URLSearchParams(query));

describe('parseDeliveryReports', () => {
  it('reads one report as SMSAPI sends it, the extra parameters aside', () => {
    expect(
      parse(
        `MsgId=613F1B7A3733335B4F8F0C6D&status=404&idx=${IDX_A}&donedate=1700000000&username=u&points=0.16&from=Test&to=48500000000&mcc=260&mnc=2`,
      ),
    ).toEqual({ reports: [{ msgId: '613F1B7A3733335B4F8F0C6D', idx: IDX_A, code: 404 }], skipped: 0 });
  });

  it('pairs comma-separated lists by position', () => {
    expect(parse(`MsgId=a1,b2&status=404,405&idx=${IDX_A},${IDX_B}`).reports).toEqual([
      { msgId: 'a1', idx: IDX_A, code: 404 },
      { msgId: 'b2', idx: IDX_B, code: 405 },
    ]);
  });

  it('keeps reports that are not final, for the recorder to ignore', () => {
    expect(parse(`MsgId=a1&status=403&idx=${IDX_A}`).reports).toEqual([{ msgId: 'a1', idx: IDX_A, code: 403 }]);
  });

  it('trusts no pairing when the lists differ in length', () => {
    expect(parse(`MsgId=a1,b2&status=404&idx=${IDX_A},${IDX_B}`)).toEqual({ reports: [], skipped: 2 });
    expect(parse(`MsgId=a1&status=404,405&idx=${IDX_A}`)).toEqual({ reports: [], skipped: 2 });
    expect(parse(`MsgId=a1,b2&status=404,405&idx=${IDX_A}`)).toEqual({ reports: [], skipped: 2 });
  });

  it('reads nothing from a call without MsgId, status or idx', () => {
    expect(parse('')).toEqual({ reports: [], skipped: 1 });
    expect(parse(`status=404&idx=${IDX_A}`)).toEqual({ reports: [], skipped: 1 });
    expect(parse('MsgId=a1&status=404')).toEqual({ reports: [], skipped: 1 });
  });

  it.each([
    ['a status that is not a number', `MsgId=a1&status=DELIVERED&idx=${IDX_A}`],
    ['a status outside SMSAPI’s table', `MsgId=a1&status=400&idx=${IDX_A}`],
    ['a status with a sign', `MsgId=a1&status=%2B404&idx=${IDX_A}`],
    ['an empty MsgId', `MsgId=&status=404&idx=${IDX_A}`],
    ['a MsgId with a quote', `MsgId=a'1&status=404&idx=${IDX_A}`],
    ['a MsgId of 65 characters', `MsgId=${'a'.repeat(65)}&status=404&idx=${IDX_A}`],
    ['an idx that is not hex', 'MsgId=a1&status=404&idx=xyz'],
    ['an empty idx', 'MsgId=a1&status=404&idx='],
    ['an idx with a NUL', `MsgId=a1&status=404&idx=${IDX_A}%00`],
  ])('skips an entry with %s, alone', (_name, query) => {
    expect(parse(query)).toEqual({ reports: [], skipped: 1 });
    // The same junk beside a good entry: the good one is still read.
    const mixed = new URLSearchParams(query);
    mixed.set('MsgId', `${mixed.get('MsgId')},b2`);
    mixed.set('status', `${mixed.get('status')},405`);
    mixed.set('idx', `${mixed.get('idx')},${IDX_B}`);
    expect(parseDeliveryReports(mixed)).toEqual({ reports: [{ msgId: 'b2', idx: IDX_B, code: 405 }], skipped: 1 });
  });

  it(`reads at most ${MAX_REPORTS_PER_CALL} reports of one call and counts the rest as skipped`, () => {
    const n = MAX_REPORTS_PER_CALL + 5;
    const list = (value: (i: number) => string) => Array.from({ length: n }, (_, i) => value(i)).join(',');
    const parsed = parse(`MsgId=${list((i) => `m${i}`)}&status=${list(() => '404')}&idx=${list((i) => i.toString(16))}`);
    expect(parsed.reports).toHaveLength(MAX_REPORTS_PER_CALL);
    expect(parsed.reports.at(-1)).toEqual({
      msgId: `m${MAX_REPORTS_PER_CALL - 1}`,
      idx: (MAX_REPORTS_PER_CALL - 1).toString(16),
      code: 404,
    });
    expect(parsed.skipped).toBe(5);
  });

  it('knows every status code of SMSAPI’s table', () => {
    expect(Object.keys(SMSAPI_STATUSES).map(Number)).toEqual([401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412]);
  });
});

describe('the delivery-report secret', () => {
  it('matches only itself, whatever the length of the guess', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(SECRET.slice(1), SECRET)).toBe(false);
    expect(secretMatches(`${SECRET}a`, SECRET)).toBe(false);
    expect(secretMatches('', SECRET)).toBe(false);
    expect(secretMatches(`b${SECRET.slice(1)}`, SECRET)).toBe(false);
  });

  it('makes the notify_url from APP_URL, and none without a secret', () => {
    expect(deliveryReportUrl('https://e-rejestracja.example.pl', SECRET)).toBe(`https://e-rejestracja.example.pl/api/sms/status/${SECRET}`);
    expect(deliveryReportUrl('https://e-rejestracja.example.pl/', SECRET)).toBe(
      `https://e-rejestracja.example.pl/api/sms/status/${SECRET}`,
    );
    expect(deliveryReportUrl('https://e-rejestracja.example.pl', undefined)).toBeUndefined();
  });
});

describe('answerDeliveryReports, up to the database', () => {
  const url = (secret: string, query = `MsgId=a1&status=404&idx=${IDX_A}`) => `http://127.0.0.1:3000/api/sms/status/${secret}?${query}`;
  // Any database work fails the test.
  const noDatabase = () => Promise.reject(new Error('the database was touched'));

  it('is a 404 when no secret is configured', async () => {
    const response = await answerDeliveryReports(new Request(url(SECRET)), SECRET, { secret: undefined, db: noDatabase });
    expect(response.status).toBe(404);
  });

  it('is a 404 for a wrong secret, without touching the database', async () => {
    for (const given of ['b'.repeat(40), SECRET.slice(1), '', `${SECRET}x`]) {
      const response = await answerDeliveryReports(new Request(url(given)), given, { secret: SECRET, db: noDatabase });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('OK');
    }
  });

  it('answers OK to unreadable reports, so that SMSAPI does not retry them', async () => {
    for (const query of ['', 'MsgId=a1,b2&status=404&idx=x', 'MsgId=%FF&status=%00&idx=<script>']) {
      const response = await answerDeliveryReports(new Request(url(SECRET, query)), SECRET, { secret: SECRET, db: noDatabase });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('OK');
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    }
  });

  it('reads a form POST that is too long as no reports', async () => {
    const body = `MsgId=a1&status=404&idx=${IDX_A}&pad=${'x'.repeat(70 * 1024)}`;
    const request = new Request(url(SECRET, ''), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const response = await answerDeliveryReports(request, SECRET, { secret: SECRET, db: noDatabase });
    expect(await response.text()).toBe('OK');
  });

  it('reads only the query of a POST that is not a form', async () => {
    const request = new Request(url(SECRET, ''), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: `MsgId=a1&status=404&idx=${IDX_A}`,
    });
    const response = await answerDeliveryReports(request, SECRET, { secret: SECRET, db: noDatabase });
    expect(await response.text()).toBe('OK');
  });

  it('answers 503 when the database fails, so that SMSAPI calls again', async () => {
    const response = await answerDeliveryReports(new Request(url(SECRET)), SECRET, { secret: SECRET, db: noDatabase });
    expect(response.status).toBe(503);
  });
});

describe('proxy.ts and the delivery-report path', () => {
  const base = 'http://127.0.0.1:3000';
  const form = `MsgId=a1&status=404&idx=${IDX_A}`;
  const post = (path: string, headers: Record<string, string> = {}) =>
    new NextRequest(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(form.length),
        host: '127.0.0.1:3000',
        ...headers,
      },
      body: form,
    });
  const passed = (response: Response) => response.headers.get('x-middleware-next') === '1';

  it('runs on the path (its matcher leaves out only health, readiness and metrics)', () => {
    const matcher = new RegExp(`^${config.matcher[0]!.source}$`);
    expect(matcher.test(`/api/sms/status/${SECRET}`)).toBe(true);
    expect(matcher.test('/api/health')).toBe(false);
  });

  it('lets SMSAPI’s form POST in without an Origin, and a GET', async () => {
    expect(passed(await proxy(post(`/api/sms/status/${SECRET}`)))).toBe(true);
    expect(passed(await proxy(post(`/api/sms/status/${SECRET}`, { origin: 'https://smsapi.example' })))).toBe(true);
    expect(passed(await proxy(new NextRequest(`${base}/api/sms/status/${SECRET}?${form}`)))).toBe(true);
  });

  it('still refuses an Origin-less POST next to it, and one without a length', async () => {
    for (const path of ['/api/sms/status', '/api/sms/status/', `/api/sms/status/${SECRET}/x`, '/api/sms/other', '/account']) {
      const response = await proxy(post(path));
      expect(response.status, path).toBe(403);
    }
    const chunked = new NextRequest(`${base}/api/sms/status/${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect((await proxy(chunked)).status).toBe(411);
  });

  it('still refuses a NUL in the form', async () => {
    const body = `MsgId=a1%00&status=404&idx=${IDX_A}`;
    const request = new NextRequest(`${base}/api/sms/status/${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) },
      body,
    });
    expect((await proxy(request)).status).toBe(400);
  });
});

describe('SMS_STATUS_SECRET', () => {
  const secretOf = (value?: string) =>
    loadEnv({ NODE_ENV: 'test', ...(value === undefined ? {} : { SMS_STATUS_SECRET: value }) }).SMS_STATUS_SECRET;

  it('is off when unset or blank, and must be 32+ characters of A-Z a-z 0-9 _ - when set', () => {
    expect(secretOf()).toBeUndefined();
    expect(secretOf('')).toBeUndefined();
    const hex = '0123456789abcdef'.repeat(4);
    expect(secretOf(hex)).toBe(hex);
    expect(secretOf(`A_b-${'x'.repeat(28)}`)).toHaveLength(32);
    for (const wrong of ['x'.repeat(31), `${'x'.repeat(32)}/`, `${'x'.repeat(32)}?a=1`, `${'x'.repeat(32)} `, 'ż'.repeat(32)]) {
      expect(() => secretOf(wrong), wrong).toThrow(/SMS_STATUS_SECRET/);
    }
  });
});

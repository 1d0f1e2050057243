// A stand-in for SMSAPI's sms.do on 127.0.0.1, answering what the official `smsapi` client posts
// (JSON, `Authorization: Bearer TOKEN`, `format: json`, `idx`, `check_idx`). It records every
// request and keeps the messages it accepted; like SMSAPI, it refuses a second message with an idx
// it has already accepted when `check_idx` is set (error 53). `report` plays SMSAPI's delivery
// report: it calls the message's notify_url as SMSAPI does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asyncListener } from './http';

export interface SmsDoBody {
  to?: string;
  message?: string;
  from?: string;
  idx?: string;
  check_idx?: boolean | string | number;
  max_parts?: number | string;
  format?: string;
  encoding?: string;
  details?: boolean | string | number;
  [field: string]: unknown;
}

export interface SmsapiRequest {
  path: string;
  method: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: SmsDoBody;
  /** What the fake did: took the message, refused it as a duplicate, answered an error, or never answered. */
  outcome: 'accepted' | 'duplicate' | 'error' | 'hung' | 'accepted-hung';
  /** HTTP status, or SMSAPI's error code for `error` / `duplicate`. */
  status?: number;
  errorCode?: number;
}

export interface AcceptedSms {
  id: string;
  idx: string | undefined;
  to: string;
  message: string;
  from: string | undefined;
  /** Where SMSAPI would report this message's delivery (`notify_url`), if the send named one. */
  notifyUrl?: string;
}

/** What `report` got back from the notify_url. */
export interface ReportAnswer {
  status: number;
  body: string;
}

/**
 * - `ok`: take the message (still refused as a duplicate idx when check_idx is set);
 * - `{ status }`: a bare HTTP error (500, 503, 429 …), the message not taken;
 * - `{ error }`: an SMSAPI error answer `{ error, message }` (HTTP 200 unless `status` is given);
 * - `hang`: never answer, the message not taken (a timeout before the provider);
 * - `accept-and-hang`: take the message, never answer (the answer is lost on the way back).
 */
export type SmsapiAnswer = 'ok' | 'hang' | 'accept-and-hang' | { status: number } | { error: number; message?: string; status?: number };

export interface FakeSmsapi {
  url: string;
  token: string;
  requests: SmsapiRequest[];
  accepted: AcceptedSms[];
  /** Decides the answer to each request (index counts from the last `reset`). */
  respond: (request: SmsapiRequest, index: number) => SmsapiAnswer;
  /** How many messages the provider took per idx. */
  deliveries(): Map<string, number>;
  /**
   * Reports the delivery of accepted messages with SMSAPI's status `code` (404 DELIVERED, 405
   * UNDELIVERED …) to their notify_url, as one call: GET with comma-separated lists, or a form
   * POST. All the messages must share one notify_url.
   */
  report(messages: AcceptedSms | AcceptedSms[], code: number, options?: { method?: 'GET' | 'POST' }): Promise<ReportAnswer>;
  /** Drops hanging connections (their clients see a reset). */
  releaseHanging(): void;
  reset(): void;
  close(): Promise<void>;
}

/** The first `times` requests get `answer`, the rest are taken. */
export function failTimes(times: number, answer: SmsapiAnswer): FakeSmsapi['respond'] {
  return (_request, index) => (index < times ? answer : 'ok');
}

const ERROR_TEXTS: Record<number, string> = {
  13: 'Lack of valid phone numbers (invalid or blacklisted numbers)',
  53: 'Not unique idx parameter, message with the same idx has been already sent and &check_idx=1.',
  57: 'The number is blacklisted for this user.',
  101: 'Invalid authorization info',
};

function parseBody(raw: string, contentType: string | undefined): SmsDoBody {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as SmsDoBody;
  return Object.fromEntries(new URLSearchParams(raw)) as SmsDoBody;
}

function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The parameters of SMSAPI's delivery report for these messages, as lists in the same order. */
function deliveryReportParams(messages: AcceptedSms[], code: number, doneAt = new Date()): URLSearchParams {
  const all = (value: string) => messages.map(() => value).join(',');
  return new URLSearchParams({
    MsgId: messages.map((m) => m.id).join(','),
    status: all(String(code)),
    idx: messages.map((m) => m.idx ?? '').join(','),
    donedate: all(String(Math.floor(doneAt.getTime() / 1000))),
    username: all('erejestracja'),
    points: all('0.16'),
    from: messages.map((m) => m.from ?? 'SMSAPI').join(','),
    to: messages.map((m) => m.to.replace(/^\+/, '')).join(','),
    mcc: all('260'),
    mnc: all('2'),
  });
}

/** `keepAliveMs`: how long an idle connection stays open (see startFakeResend). */
export async function startFakeSmsapi(options: { token?: string; keepAliveMs?: number } = {}): Promise<FakeSmsapi> {
  const hanging = new Set<ServerResponse>();
  let counter = 0;
  const fake: FakeSmsapi = {
    url: '',
    token: options.token ?? 'smsapi-test-token',
    requests: [],
    accepted: [],
    respond: () => 'ok',
    deliveries() {
      const map = new Map<string, number>();
      for (const m of fake.accepted) if (m.idx) map.set(m.idx, (map.get(m.idx) ?? 0) + 1);
      return map;
    },
    async report(messages, code, options = {}) {
      const list = Array.isArray(messages) ? messages : [messages];
      const url = list[0]?.notifyUrl;
      if (!url || list.some((m) => m.notifyUrl !== url)) throw new Error('report: the messages need one notify_url');
      const params = deliveryReportParams(list, code);
      const answer =
        options.method === 'POST'
          ? await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() })
          : await fetch(`${url}?${params.toString()}`);
      return { status: answer.status, body: await answer.text() };
    },
    releaseHanging() {
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
    reset() {
      fake.releaseHanging();
      fake.requests.length = 0;
      fake.accepted.length = 0;
      fake.respond = () => 'ok';
    },
    async close() {
      fake.releaseHanging();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const take = (body: SmsDoBody): AcceptedSms => {
    counter += 1;
    const notifyUrl = typeof body.notify_url === 'string' ? body.notify_url : undefined;
    const sms: AcceptedSms = { id: `fake-${counter}`, idx: body.idx, to: String(body.to), message: String(body.message), from: body.from };
    if (notifyUrl) sms.notifyUrl = notifyUrl;
    fake.accepted.push(sms);
    return sms;
  };

  const hang = (res: ServerResponse) => {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  };

  const handle = (recorded: SmsapiRequest, res: ServerResponse) => {
    if (recorded.path !== '/sms.do' || recorded.method !== 'POST') return sendJson(res, 404, { error: 404, message: 'not found' });
    if (recorded.authorization !== `Bearer ${fake.token}`) {
      recorded.outcome = 'error';
      recorded.errorCode = 101;
      return sendJson(res, 401, { error: 101, message: ERROR_TEXTS[101] });
    }
    const answer = fake.respond(recorded, fake.requests.length - 1);
    if (answer === 'hang') return hang(res);
    if (typeof answer === 'object' && 'error' in answer) {
      recorded.outcome = 'error';
      recorded.errorCode = answer.error;
      recorded.status = answer.status ?? 200;
      return sendJson(res, recorded.status, { error: answer.error, message: answer.message ?? ERROR_TEXTS[answer.error] ?? 'error' });
    }
    if (typeof answer === 'object') {
      recorded.outcome = 'error';
      recorded.status = answer.status;
      return sendJson(res, answer.status, `fake ${answer.status}`);
    }
    const { body } = recorded;
    if (truthy(body.check_idx) && body.idx && fake.accepted.some((m) => m.idx === body.idx)) {
      recorded.outcome = 'duplicate';
      recorded.errorCode = 53;
      return sendJson(res, 200, { error: 53, message: ERROR_TEXTS[53] });
    }
    const sms = take(body);
    if (answer === 'accept-and-hang') {
      recorded.outcome = 'accepted-hung';
      return hang(res);
    }
    recorded.outcome = 'accepted';
    recorded.status = 200;
    sendJson(res, 200, {
      count: 1,
      list: [
        {
          id: sms.id,
          points: 0.16,
          number: sms.to.replace(/^\+/, ''),
          date_sent: Math.floor(Date.now() / 1000),
          submitted_number: sms.to,
          status: 'QUEUE',
          error: null,
          idx: sms.idx ?? null,
          parts: 1,
        },
      ],
      message: sms.message,
      length: sms.message.length,
      parts: 1,
    });
  };

  const onRequest = asyncListener(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const contentType = req.headers['content-type'];
    const recorded: SmsapiRequest = {
      path: new URL(req.url ?? '/', 'http://fake').pathname,
      method: req.method ?? 'GET',
      authorization: req.headers.authorization,
      contentType,
      body: parseBody(Buffer.concat(chunks).toString('utf8'), contentType),
      outcome: 'hung',
    };
    fake.requests.push(recorded);
    handle(recorded, res);
  });
  const server = createServer(onRequest);
  server.keepAliveTimeout = options.keepAliveMs ?? 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

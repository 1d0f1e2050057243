// A stand-in for the Resend HTTP API on 127.0.0.1: records every request and answers as told.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asyncListener } from './http';

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: { from: string; to: string | string[]; subject: string; html: string; text: string };
  status: number | 'hung';
}

/** `delayMs`: the request counts as received at once, the answer comes that much later (a slow provider). */
export type Answer = { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number } | 'hang';

export interface FakeResend {
  url: string;
  requests: RecordedRequest[];
  /** Decides the answer to each request (index counts from the last clearing of `requests`). */
  respond: (request: RecordedRequest, index: number) => Answer;
  /** Successful deliveries per idempotency key. */
  deliveries(): Map<string, number>;
  close(): Promise<void>;
}

export const ok: Answer = { status: 200 };

/**
 * `keepAliveMs`: how long an idle connection stays open. The tests' 1 s makes undici (fetch)
 * close every connection after one request (it keeps one only when the server's advertised
 * timeout exceeds its own 1 s margin); a benchmark gives a provider's usual minute.
 */
export async function startFakeResend(options: { keepAliveMs?: number } = {}): Promise<FakeResend> {
  const hanging = new Set<ServerResponse>();
  let counter = 0;
  const fake: FakeResend = {
    url: '',
    requests: [],
    respond: () => ok,
    deliveries() {
      const map = new Map<string, number>();
      for (const r of fake.requests)
        if (r.status === 200 && r.idempotencyKey) map.set(r.idempotencyKey, (map.get(r.idempotencyKey) ?? 0) + 1);
      return map;
    },
    async close() {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const onRequest = asyncListener(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded: RecordedRequest = {
      path: req.url ?? '',
      authorization: req.headers.authorization,
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      status: 'hung',
    };
    fake.requests.push(recorded);
    counter += 1;
    const answer = fake.respond(recorded, fake.requests.length - 1);
    if (answer === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    recorded.status = answer.status;
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(
      JSON.stringify(
        answer.body ??
          (answer.status === 200
            ? { id: `re_${counter}` }
            : { statusCode: answer.status, name: 'fake_error', message: `fake ${answer.status}` }),
      ),
    );
  });
  const server = createServer(onRequest);
  server.keepAliveTimeout = options.keepAliveMs ?? 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

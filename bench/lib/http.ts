// The load generator's HTTP: node:http with keep-alive, a few times cheaper per request than
// fetch (undici's streams and Request objects). The generator shares the 2 cores with the
// server it measures, so what it spends is taken from the server.
import http from 'node:http';
import https from 'node:https';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; agent?: https.Agent } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
    // HTTPS (bench:acs's stub node) with the caller's agent, which trusts the stub's certificate.
    const req = (url.startsWith('https:') ? https : http).request(
      url,
      {
        method: options.method ?? 'GET',
        agent: options.agent ?? agent,
        headers: body ? { ...options.headers, 'content-length': String(body.length) } : options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** multipart/form-data as a browser encodes a form: one part per field, in order. */
export function multipart(fields: Array<[string, string]>): { body: Buffer; contentType: string } {
  const boundary = `----bench${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const escape = (name: string) => name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${escape(name)}"\r\n\r\n${value}\r\n`,
  );
  return { body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

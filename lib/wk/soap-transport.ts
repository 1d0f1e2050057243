// A SOAP call to the node (artifact resolution, single logout): HTTPS trusting the system store (plus
// NODE_EXTRA_CA_CERTS, which Node adds itself), a time limit, and a cap on the answer's size.
// Plain HTTP only for the built-in simulator, which is this very server.
import http from 'node:http';
import https from 'node:https';
import type { SoapTransport } from './identity-node';

const TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 256 * 1024;

export function soapTransport(options: { allowHttp: boolean }): SoapTransport {
  return (url, body) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      if (target.protocol !== 'https:' && !(options.allowHttp && target.protocol === 'http:')) {
        reject(new Error("the node's SOAP services must be HTTPS"));
        return;
      }
      const client = target.protocol === 'https:' ? https : http;
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: {
            'content-type': 'text/xml; charset=utf-8',
            soapaction: 'http://www.oasis-open.org/committees/security',
            'content-length': Buffer.byteLength(body),
          },
          timeout: TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) request.destroy(new Error('answer too large'));
            else chunks.push(chunk);
          });
          response.on('end', () => {
            if (response.statusCode !== 200) reject(new Error(`the node answered ${response.statusCode}`));
            else
              resolve(
                Buffer.concat(chunks)
                  .toString('utf8')
                  .replace(/^\uFEFF/, ''),
              );
          });
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error('the node timed out')));
      // The socket's timeout is per idle period: a node trickling bytes is cut off here as a whole.
      const deadline = setTimeout(() => request.destroy(new Error('the node took too long')), TIMEOUT_MS);
      request.on('close', () => clearTimeout(deadline));
      request.on('error', reject);
      request.end(body);
    });
}

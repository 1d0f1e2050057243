// A node:http request listener from an async handler. The server does not await a listener, so a
// failure would be an unhandled rejection and a request that never ends; here it is a loud 500.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export function asyncListener(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): RequestListener {
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('test server handler failed', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  };
}

// A TCP proxy between the server and PostgreSQL that reads the frontend protocol and counts the
// statements the server sends: every simple query (`Q`) and every Execute (`E`) of the extended
// protocol, with the text it was parsed from (postgres.js prepares a statement once per
// connection and binds it by name afterwards). Byte-for-byte forwarding; it only watches.
import net from 'node:net';

export interface SqlCounter {
  readonly port: number;
  /** Statements seen since the last `take()`, in order, and starts again. */
  take(): string[];
  close(): Promise<void>;
}

const PROTOCOL_3 = 196608;

/** Reads a NUL-terminated string at `at`; returns it and the offset after it. */
function cstring(buffer: Buffer, at: number): [string, number] {
  const end = buffer.indexOf(0, at);
  return [buffer.toString('utf8', at, end), end + 1];
}

function watch(client: net.Socket, server: net.Socket, record: (statement: string) => void): void {
  const prepared = new Map<string, string>();
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  let bound = '';
  client.on('data', (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      const typed = started ? 1 : 0;
      if (pending.length < typed + 4) break;
      const length = pending.readInt32BE(typed);
      if (pending.length < typed + length) break;
      const message = pending.subarray(0, typed + length);
      pending = pending.subarray(typed + length);
      if (!started) {
        // SSLRequest, GSSENCRequest or the startup message: untyped; the startup one ends them.
        if (message.readInt32BE(4) === PROTOCOL_3) started = true;
        continue;
      }
      const type = String.fromCharCode(message[0]!);
      if (type === 'Q') record(cstring(message, 5)[0]);
      else if (type === 'P') {
        const [name, next] = cstring(message, 5);
        prepared.set(name, cstring(message, next)[0]);
      } else if (type === 'B') {
        const [, next] = cstring(message, 5);
        bound = prepared.get(cstring(message, next)[0]) ?? '?';
      } else if (type === 'E') record(bound);
    }
  });
  client.pipe(server);
  server.pipe(client);
  const end = () => {
    client.destroy();
    server.destroy();
  };
  client.on('error', end);
  server.on('error', end);
  client.on('close', end);
  server.on('close', end);
}

/** Listens on a free port of 127.0.0.1 and forwards every connection to `target` (host:port). */
export async function startSqlCounter(target: { host: string; port: number }): Promise<SqlCounter> {
  let seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    const server = net.connect(target.port, target.host);
    sockets.add(client).add(server);
    client.on('close', () => sockets.delete(client));
    server.on('close', () => sockets.delete(server));
    watch(client, server, (statement) => seen.push(statement));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as net.AddressInfo).port,
    take() {
      const taken = seen;
      seen = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}

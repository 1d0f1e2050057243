// CPU time per operation of the three parties sharing the machine while a level runs: the server
// process (all its threads — the event loop and libuv's pool, where argon2 hashes — and, apart,
// its event loop alone), PostgreSQL's processes, and this load generator. Read from /proc
// (Linux); elsewhere nothing is reported.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds per operation. */
export interface CpuShare {
  server: number;
  /** The server's main thread: JavaScript, Next, React, drizzle, postgres.js. */
  loop: number;
  postgres: number;
  client: number;
}

const TICK_MS = 10; // USER_HZ, 100 on Linux

/** utime + stime of a process (all its threads), in ticks; null when it cannot be read. */
function processTicks(pid: number | string, thread?: number): number | null {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** Each PostgreSQL process's ticks (a connection's backend comes and goes). */
function postgresTicks(): Map<string, number> {
  const found = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') found.set(pid, processTicks(pid) ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** What the processes alive at the end spent since the start (one that ended meanwhile is left out). */
function postgresSince(start: Map<string, number>, end: Map<string, number>): number {
  let total = 0;
  for (const [pid, ticks] of end) total += ticks - (start.get(pid) ?? 0);
  return total;
}

interface Snapshot {
  server: number;
  loop: number;
  postgres: Map<string, number>;
  client: number;
}

function snapshot(serverPid: number | undefined): Snapshot | null {
  const server = serverPid === undefined ? 0 : processTicks(serverPid);
  // The main thread's id is the process id.
  const loop = serverPid === undefined ? 0 : processTicks(serverPid, serverPid);
  if (server === null || loop === null) return null;
  const { user, system } = process.cpuUsage();
  return { server: server * TICK_MS, loop: loop * TICK_MS, postgres: postgresTicks(), client: (user + system) / 1000 };
}

/** Starts measuring; `stop(count)` gives each party's CPU milliseconds per operation. */
export function cpuMeter(serverPid: number | undefined): { stop(count: number): CpuShare | undefined } {
  const start = process.platform === 'linux' ? snapshot(serverPid) : null;
  return {
    stop(count) {
      const end = start && snapshot(serverPid);
      if (!start || !end || count === 0) return undefined;
      const per = (key: 'server' | 'loop' | 'client') => (end[key] - start[key]) / count;
      const postgres = (postgresSince(start.postgres, end.postgres) * TICK_MS) / count;
      return { server: per('server'), loop: per('loop'), postgres, client: per('client') };
    },
  };
}

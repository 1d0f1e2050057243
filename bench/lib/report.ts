// Results into BENCHMARKS.md: each bench owns one section between two markers and replaces it
// on every run (or appends it the first time), with the machine, the date and the command.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { ROOT } from './server';

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = Math.round(totalmem() / 2 ** 30);
  return `${availableParallelism()} cores (nproc), ${cpu}, ${gib} GiB, Node ${process.version}`;
}

const today = () => new Date().toISOString().slice(0, 10);

export interface Section {
  /** Marker id, e.g. `signin`. */
  id: string;
  title: string;
  command: string;
  /** Markdown below the header lines. */
  body: string;
}

function render(section: Section, seconds: number): string {
  return [
    `<!-- bench:${section.id}:start -->`,
    `## ${section.title}`,
    '',
    '```sh',
    section.command,
    '```',
    '',
    `Run of ${today()} on ${machine()}${seconds > 0 ? `; ${seconds} s per concurrency level after a short warm-up` : ''};`,
    `load average ${loadavg()[0]!.toFixed(1)} at the end (other work on the machine shows there).`,
    '',
    section.body.trim(),
    `<!-- bench:${section.id}:end -->`,
  ].join('\n');
}

/** Prints the section and, unless `write` is false, puts it into BENCHMARKS.md. */
export function publish(section: Section, seconds: number, write: boolean): void {
  const text = render(section, seconds);
  console.log(`\n${text}\n`);
  if (!write) return;
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const current = readFileSync(file, 'utf8');
  const start = `<!-- bench:${section.id}:start -->`;
  const end = `<!-- bench:${section.id}:end -->`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? current.slice(0, from) + text + current.slice(to + end.length) : `${current.trimEnd()}\n\n${text}\n`;
  writeFileSync(file, next);
  console.log(`BENCHMARKS.md: section "${section.title}" updated`);
}

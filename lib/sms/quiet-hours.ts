// Quiet hours for SMS that are not about security (SMS_QUIET_HOURS, e.g. `20-8`): such a notice
// waits until the window ends, by the hospital's clock (lib/time-zone.ts) whatever the server's.
import { HOSPITAL_TIME_ZONE } from '@/lib/time-zone';

export interface QuietHours {
  /** Local hour (0–23) when the window starts. */
  from: number;
  /** Local hour (0–23) when it ends; below `from` when the window spans midnight. */
  to: number;
}

const HOUR_MS = 3_600_000;

/** `'20-8'` → 20:00–8:00; `''` → no quiet hours. Anything else is a configuration error. */
export function parseQuietHours(value: string): QuietHours | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,2})\s*-\s*(\d{1,2})$/.exec(trimmed);
  const from = match ? Number(match[1]) : NaN;
  const to = match ? Number(match[2]) : NaN;
  // Equal hours could mean "never" or "always": neither is worth guessing.
  if (!(from <= 23 && to <= 23) || from === to) {
    throw new Error(
      `SMS_QUIET_HOURS must be two different whole hours 0–23 as FROM-TO in ${HOSPITAL_TIME_ZONE} time (e.g. "20-8"), or empty for none; got "${value}"`,
    );
  }
  return { from, to };
}

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: HOSPITAL_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

function localHour(at: Date): number {
  return Number(hourFormat.format(at));
}

export function isQuiet(at: Date, quiet: QuietHours): boolean {
  const hour = localHour(at);
  return quiet.from < quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
}

/** The earliest moment at or after `now` outside the quiet window (`now` itself when outside). */
export function releaseTime(now: Date, quiet: QuietHours | null): Date {
  if (quiet === null || !isQuiet(now, quiet)) return now;
  // Warsaw's offset from UTC is a whole number of hours, so its hours begin on UTC hours: step
  // through those. On the days the clocks change this needs no special case — the missing hour
  // in March is never visited, the repeated one in October is visited twice. Two days of steps
  // suffice: a window that leaves only 2:00–3:00 free has no free moment at all on the last
  // Sunday of March, and opens again the next night.
  let at = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  for (let step = 0; step < 48; step += 1) {
    at = new Date(at.getTime() + HOUR_MS);
    if (!isQuiet(at, quiet)) return at;
  }
  throw new Error('quiet hours without an end'); // unreachable for a window parseQuietHours accepts
}

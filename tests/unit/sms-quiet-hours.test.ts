import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isQuiet, parseQuietHours, releaseTime } from '@/lib/sms/quiet-hours';

const at = (iso: string) => new Date(iso);
const night = { from: 20, to: 8 };

describe('parseQuietHours', () => {
  it.each([
    ['20-8', { from: 20, to: 8 }],
    ['20-08', { from: 20, to: 8 }],
    [' 22 - 6 ', { from: 22, to: 6 }],
    ['0-7', { from: 0, to: 7 }],
    ['13-15', { from: 13, to: 15 }],
    ['23-0', { from: 23, to: 0 }],
  ])('reads %j', (value, expected) => {
    expect(parseQuietHours(value)).toEqual(expected);
  });

  it.each(['', '   '])('reads %j as no quiet hours', (value) => {
    expect(parseQuietHours(value)).toBeNull();
  });

  it.each(['20', '20-', '-8', '20-24', '25-8', '8-8', '20:00-8:00', '20–8', 'night', '-1-8', '20-8-1', '1e1-8'])(
    'refuses %j with an error that names the setting and the expected form',
    (value) => {
      expect(() => parseQuietHours(value)).toThrow(/SMS_QUIET_HOURS must be .*"20-8"/);
    },
  );
});

describe('isQuiet', () => {
  it('follows the Warsaw clock, not UTC', () => {
    // 19:30 UTC in summer is 21:30 in Warsaw; in winter 20:30.
    expect(isQuiet(at('2026-07-01T17:59:59Z'), night)).toBe(false); // 19:59:59 CEST
    expect(isQuiet(at('2026-07-01T18:00:00Z'), night)).toBe(true); // 20:00 CEST
    expect(isQuiet(at('2026-01-15T18:59:59Z'), night)).toBe(false); // 19:59:59 CET
    expect(isQuiet(at('2026-01-15T19:00:00Z'), night)).toBe(true); // 20:00 CET
  });

  it('ends the window at the start of its last hour', () => {
    expect(isQuiet(at('2026-01-15T06:59:59Z'), night)).toBe(true); // 7:59:59 CET
    expect(isQuiet(at('2026-01-15T07:00:00Z'), night)).toBe(false); // 8:00 CET
  });

  it('handles a window within one day', () => {
    const midday = { from: 12, to: 14 };
    expect(isQuiet(at('2026-01-15T10:59:00Z'), midday)).toBe(false);
    expect(isQuiet(at('2026-01-15T11:00:00Z'), midday)).toBe(true);
    expect(isQuiet(at('2026-01-15T13:00:00Z'), midday)).toBe(false);
  });
});

describe('releaseTime', () => {
  it('sends at once outside the window, and always when there are no quiet hours', () => {
    const noon = at('2026-01-15T11:23:45.678Z');
    expect(releaseTime(noon, night)).toEqual(noon);
    expect(releaseTime(at('2026-01-15T22:00:00Z'), null)).toEqual(at('2026-01-15T22:00:00Z'));
  });

  it('holds an evening message until 8:00 Warsaw time the next morning', () => {
    expect(releaseTime(at('2026-01-15T19:00:00Z'), night)).toEqual(at('2026-01-16T07:00:00Z'));
    expect(releaseTime(at('2026-01-15T22:59:59.999Z'), night)).toEqual(at('2026-01-16T07:00:00Z'));
    expect(releaseTime(at('2026-07-01T20:15:00Z'), night)).toEqual(at('2026-07-02T06:00:00Z'));
  });

  it('holds a message from after midnight until 8:00 the same morning', () => {
    expect(releaseTime(at('2026-01-15T23:30:00Z'), night)).toEqual(at('2026-01-16T07:00:00Z')); // 0:30 CET
    expect(releaseTime(at('2026-01-16T06:59:59Z'), night)).toEqual(at('2026-01-16T07:00:00Z'));
  });

  it('releases at the right hour across the start of summer time (last Sunday of March)', () => {
    // Saturday 28 March 2026, 22:00 CET; the clocks go from 2:00 CET to 3:00 CEST overnight,
    // so 8:00 on Sunday is 6:00 UTC, not 7:00.
    expect(releaseTime(at('2026-03-28T21:00:00Z'), night)).toEqual(at('2026-03-29T06:00:00Z'));
  });

  it('releases at the right hour across the end of summer time (last Sunday of October)', () => {
    // Saturday 24 October 2026, 22:30 CEST; the clocks go back from 3:00 CEST to 2:00 CET, so
    // 8:00 on Sunday is 7:00 UTC, not 6:00.
    expect(releaseTime(at('2026-10-24T20:30:00Z'), night)).toEqual(at('2026-10-25T07:00:00Z'));
  });

  it('ends a window whose last hour does not exist (2:00 on the last Sunday of March) at 3:00 CEST', () => {
    // 1:30 CET; 2:00–3:00 is skipped, so the first moment outside 1–2 is 3:00 CEST = 1:00 UTC.
    expect(releaseTime(at('2026-03-29T00:30:00Z'), { from: 1, to: 2 })).toEqual(at('2026-03-29T01:00:00Z'));
  });

  it('waits out both 2:00 hours on the last Sunday of October', () => {
    // 2:30 CEST; 2:00–3:00 comes round again in CET, so the window ends at 3:00 CET = 2:00 UTC.
    expect(releaseTime(at('2026-10-25T00:30:00Z'), { from: 2, to: 3 })).toEqual(at('2026-10-25T02:00:00Z'));
  });

  it('holds a message for two nights when the only free hour is the one that March skips', () => {
    // Quiet 3:00–2:00 leaves 2:00–3:00 free, which does not exist on Sunday 29 March 2026.
    expect(releaseTime(at('2026-03-28T02:00:00Z'), { from: 3, to: 2 })).toEqual(at('2026-03-30T00:00:00Z')); // Mon 2:00 CEST
  });

  it('does not depend on the time zone of the server', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = zone; // Node applies a changed TZ at once
        expect(releaseTime(at('2026-03-28T21:00:00Z'), night)).toEqual(at('2026-03-29T06:00:00Z'));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('returns the earliest moment outside the window, for any moment and any window', () => {
    const hour = fc.integer({ min: 0, max: 23 });
    const window = fc.tuple(hour, hour).filter(([from, to]) => from !== to);
    // 2025–2027, so every clock change of three years is in reach.
    const moment = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(moment, window, (now, [from, to]) => {
        const quiet = { from, to };
        const release = releaseTime(now, quiet);
        expect(release.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(isQuiet(release, quiet)).toBe(false);
        if (release.getTime() > now.getTime()) {
          // Released on a full hour, and every earlier moment since `now` was quiet.
          expect(release.getTime() % 3_600_000).toBe(0);
          expect(isQuiet(new Date(release.getTime() - 1), quiet)).toBe(true);
          // A day at most, but two when the only free hour is the one March skips.
          expect(release.getTime() - now.getTime()).toBeLessThanOrEqual((from === 3 && to === 2 ? 48 : 24) * 3_600_000);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

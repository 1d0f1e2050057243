// Dates the patient reads are in their language's format; the desk and the emails keep Polish.
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '@/lib/format';

const at = new Date('2026-03-05T13:07:00Z'); // 14:07 in Warsaw (CET)

describe('formatDateTime', () => {
  it('writes the hospital time in the locale asked for, Polish by default', () => {
    expect(formatDateTime(at)).toBe(formatDateTime(at, 'pl'));
    expect(formatDateTime(at, 'pl')).toBe('5.03.2026, 14:07');
    expect(formatDateTime(at, 'en')).toBe('05/03/2026, 14:07');
    expect(formatDateTime(at, 'uk')).toBe('05.03.26, 14:07');
  });

  it('writes a dash for no date', () => {
    expect(formatDateTime(null, 'en')).toBe('—');
  });
});

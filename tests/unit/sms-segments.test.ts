import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodingOf, segmentsOf } from '../helpers/sms-segments';

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

describe('encodingOf', () => {
  it('has the 127 characters of the GSM 03.38 default alphabet (without ESC) in GSM-7', () => {
    expect([...GSM_BASIC]).toHaveLength(127);
    expect(encodingOf(GSM_BASIC)).toBe('GSM-7');
  });

  it.each([...'^{}\\[~]|€\f'])('keeps the extension character %j in GSM-7', (char) => {
    expect(encodingOf(`a${char}b`)).toBe('GSM-7');
  });

  it.each([
    ['ą', 'a Polish letter'],
    ['Ł', 'a capital Polish letter'],
    ['ó', 'ó, which GSM-7 does not have (only ò and ö)'],
    ['п', 'a Cyrillic letter'],
    ['„', 'a Polish opening quote'],
    ['–', 'an en dash'],
    ['’', 'a typographic apostrophe'],
    ['😀', 'an emoji'],
    ['`', 'a backtick'],
    ['\u001b', 'a bare ESC'],
  ])('switches to UCS-2 for %j (%s)', (char) => {
    expect(encodingOf(`Dzien dobry ${char}`)).toBe('UCS-2');
  });

  it('calls an empty text GSM-7', () => {
    expect(encodingOf('')).toBe('GSM-7');
  });
});

describe('segmentsOf – GSM-7', () => {
  it.each([
    [1, 1],
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
    [459, 3],
    [460, 4],
  ])('sends %i plain characters in %i segment(s)', (length, segments) => {
    expect(segmentsOf('a'.repeat(length))).toEqual({ encoding: 'GSM-7', units: length, segments });
  });

  it('counts an extension character as two septets', () => {
    expect(segmentsOf('€')).toEqual({ encoding: 'GSM-7', units: 2, segments: 1 });
    expect(segmentsOf(`${'a'.repeat(158)}€`)).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(segmentsOf(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
  });

  it('never splits an escape sequence across two parts', () => {
    // 306 septets would fit two parts of 153, but the € cannot start at the last septet of the first.
    expect(segmentsOf(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
  });

  it('counts an empty text as one message', () => {
    expect(segmentsOf('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 1 });
  });
});

describe('segmentsOf – UCS-2', () => {
  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
    [201, 3],
    [202, 4],
  ])('sends %i Polish letters in %i segment(s)', (length, segments) => {
    expect(segmentsOf('ż'.repeat(length))).toEqual({ encoding: 'UCS-2', units: length, segments });
  });

  it('switches the whole text to UCS-2 for one Polish letter', () => {
    expect(segmentsOf(`${'a'.repeat(69)}ł`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(segmentsOf(`${'a'.repeat(70)}ł`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
  });

  it('counts an emoji as two UTF-16 units', () => {
    expect(segmentsOf('😀')).toEqual({ encoding: 'UCS-2', units: 2, segments: 1 });
    expect(segmentsOf(`${'ą'.repeat(68)}😀`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(segmentsOf(`${'ą'.repeat(69)}😀`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
  });

  it('counts extension characters as one unit once the text is UCS-2', () => {
    expect(segmentsOf('ą€')).toEqual({ encoding: 'UCS-2', units: 2, segments: 1 });
  });

  it('never splits a surrogate pair across two parts', () => {
    expect(segmentsOf(`${'ą'.repeat(66)}😀${'ą'.repeat(66)}`)).toEqual({ encoding: 'UCS-2', units: 134, segments: 3 });
  });
});

describe('segmentsOf – properties', () => {
  it('needs at least units / part-size segments, and one more at most', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '€', 'ą', '😀', ' '), maxLength: 500 }), (text) => {
        const { encoding, units, segments } = segmentsOf(text);
        const [single, part] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
        if (units <= single) expect(segments).toBe(1);
        else {
          expect(segments).toBeGreaterThanOrEqual(Math.ceil(units / part));
          // Each part loses at most one unit to a character that did not fit.
          expect(segments).toBeLessThanOrEqual(Math.ceil(units / (part - 1)));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

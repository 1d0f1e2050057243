import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cleanText, hasNul, nameKey, withoutBidiControls } from '@/lib/text';

const POLISH_LOWER = 'aąbcćdeęfghijklłmnńoóprsśtuwyzźż';
const POLISH_UPPER = POLISH_LOWER.toUpperCase();

describe('cleanText', () => {
  it('trims surrounding whitespace', () => {
    expect(cleanText('  Jan \t\n')).toBe('Jan');
  });

  it('collapses inner runs of spaces, tabs, newlines and non-breaking spaces into one space', () => {
    expect(cleanText('Anna   Maria')).toBe('Anna Maria');
    expect(cleanText('Anna\t\tMaria\nZofia')).toBe('Anna Maria Zofia');
    expect(cleanText('Anna\u00a0\u00a0Maria')).toBe('Anna Maria');
    expect(cleanText('Anna\u2003Maria')).toBe('Anna Maria');
  });

  it('applies Unicode NFC, composing letters typed with combining diacritics', () => {
    const decomposed = 'Z\u0307o\u0301\u0142c\u0301'; // Ż ó ł ć as base letter + mark
    expect(cleanText(decomposed)).toBe('\u017b\u00f3\u0142\u0107');
    expect(cleanText(decomposed)).toBe('Żółć');
  });

  it('returns an empty string for whitespace-only input', () => {
    expect(cleanText(' \t\n\u00a0 ')).toBe('');
  });

  it('keeps the case and the characters of already-clean text', () => {
    expect(cleanText("Wójcik-Żak O'Neill")).toBe("Wójcik-Żak O'Neill");
  });

  it('is idempotent and never leaves surrounding or doubled whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = cleanText(s);
        expect(cleanText(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s/u);
        expect(once).not.toMatch(/[^\S ]/u); // the only whitespace left is a plain space
        expect(once.normalize('NFC')).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('nameKey', () => {
  it.each([
    ['Żółć', 'zolc'],
    ['Łukasz', 'lukasz'],
    ['ŁUKASZ', 'lukasz'],
    ['łukasz', 'lukasz'],
    ['Wójcik', 'wojcik'],
    ['Gęś', 'ges'],
    ['Śliwińska', 'sliwinska'],
    ['Źdźbło', 'zdzblo'],
    [POLISH_LOWER, 'aabccdeefghijkllmnnooprsstuwyzzz'],
    [POLISH_UPPER, 'aabccdeefghijkllmnnooprsstuwyzzz'],
  ])('folds %j to %j', (input, key) => {
    expect(nameKey(input)).toBe(key);
  });

  it('gives "Żółć" and "zolc" the same key', () => {
    expect(nameKey('Żółć')).toBe(nameKey('zolc'));
  });

  it('gives "Łukasz" and "lukasz" the same key', () => {
    expect(nameKey('Łukasz')).toBe(nameKey('lukasz'));
  });

  it('gives the same key to a name typed with combining diacritics and with precomposed letters', () => {
    expect(nameKey('Żółć'.normalize('NFD'))).toBe(nameKey('Żółć'.normalize('NFC')));
  });

  it('treats a hyphen as a space ("Żółć-Kowalska" ~ "zolc kowalska")', () => {
    expect(nameKey('Żółć-Kowalska')).toBe('zolc kowalska');
    expect(nameKey('Żółć-Kowalska')).toBe(nameKey('Zolc Kowalska'));
  });

  it('treats a hyphen with spaces around it as a single space', () => {
    expect(nameKey('Kowalska - Nowak')).toBe('kowalska nowak');
    expect(nameKey('Kowalska--Nowak')).toBe('kowalska nowak');
  });

  it("treats straight and typographic apostrophes as a space (O'Brien ~ O’Brien ~ o brien)", () => {
    expect(nameKey("O'Brien")).toBe('o brien');
    expect(nameKey('O’Brien')).toBe('o brien');
    expect(nameKey("D'Angelo")).toBe(nameKey('d angelo'));
  });

  it('trims and collapses whitespace, and drops separators at the ends', () => {
    expect(nameKey('  Anna   Maria  ')).toBe('anna maria');
    expect(nameKey("-Anna'")).toBe('anna');
  });

  it('folds letters that Unicode does not decompose (ł, ß, æ, œ, ø, đ)', () => {
    expect(nameKey('Łł')).toBe('ll');
    expect(nameKey('Straße')).toBe('strasse');
    expect(nameKey('Æsir')).toBe('aesir');
    expect(nameKey('Œuvre')).toBe('oeuvre');
    expect(nameKey('Øster')).toBe('oster');
    expect(nameKey('Đurić')).toBe('duric');
  });

  it('keeps different names apart', () => {
    expect(nameKey('Jan')).not.toBe(nameKey('Janina'));
    expect(nameKey('Anna Maria')).not.toBe(nameKey('AnnaMaria'));
    expect(nameKey('Kowalski')).not.toBe(nameKey('Kowalska'));
  });

  const polishName = fc
    .array(fc.constantFrom(...(POLISH_LOWER + POLISH_UPPER + " -'’").split('')), { maxLength: 40 })
    .map((c) => c.join(''));

  it('maps names of Polish letters, spaces, hyphens and apostrophes to lower-case ASCII words', () => {
    fc.assert(
      fc.property(polishName, (name) => {
        expect(nameKey(name)).toMatch(/^(?:[a-z]+(?: [a-z]+)*)?$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores letter case and Unicode normalisation form', () => {
    fc.assert(
      fc.property(polishName, (name) => {
        const key = nameKey(name);
        expect(nameKey(name.toUpperCase())).toBe(key);
        expect(nameKey(name.toLowerCase())).toBe(key);
        expect(nameKey(name.normalize('NFD'))).toBe(key);
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent and never throws, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const key = nameKey(s);
        expect(nameKey(key)).toBe(key);
        expect(key).toBe(key.trim());
        expect(key).not.toMatch(/['’-]/u);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('withoutBidiControls', () => {
  it('drops every bidirectional embedding, override and isolate control', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const c of controls) expect(withoutBidiControls(`Nowak${c}owa`)).toBe('Nowakowa');
  });

  it('keeps everything else: letters of any script, punctuation, tabs', () => {
    const text = "Zażółć gęślą jaźń — O'Brien-Łukasiewicz\tמרים";
    expect(withoutBidiControls(text)).toBe(text);
  });

  it('leaves no bidi control whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(withoutBidiControls(value)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/u);
      }),
    );
  });
});

describe('hasNul', () => {
  it('finds NUL anywhere in a value, and only NUL', () => {
    expect(['\u0000', 'a\u0000', '\u0000b', 'a\u0000b'].every(hasNul)).toBe(true);
    expect(['', 'a', '%00', '\\0', '\u0001', '\uFFFD'].some(hasNul)).toBe(false);
  });
});

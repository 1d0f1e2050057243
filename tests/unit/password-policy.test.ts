import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  MAX_PASSWORD_LENGTH,
  checkPassword,
  minLength,
  rulesOf,
  type PasswordContext,
  type PasswordPolicy,
  type PasswordRule,
} from '@/lib/password-policy';
import { dictionary } from '@zxcvbn-ts/language-common';
import { isCommonPassword } from '@/lib/auth/password-check';
import { foldWord } from '@/lib/common-passwords';

// SPEC §9: `strong` (default) = ≥ 8 chars + upper + lower + digit + special; `length` = ≥ 15 chars,
// no composition. Both: ≤ 128 chars, not common, no login, no PESEL, equals the repeat field.

const never = () => false;
const always = () => true;
const codePoints = (s: string) => Array.from(s).length;

const check = (password: string, policy: PasswordPolicy, extra: Partial<PasswordContext> = {}) =>
  checkPassword(password, { policy, isCommon: never, ...extra });

const LOGIN = 'jkowalski';
const PESEL = '44051401359';

// Valid baselines: every rule satisfied, nothing common, no login, no PESEL.
const VALID: Record<PasswordPolicy, string> = {
  strong: 'Zielona#Lampa7',
  length: 'kwitnąca zielona lampa',
};

describe('rulesOf / minLength / MAX_PASSWORD_LENGTH', () => {
  it('lists the strong policy rules in display order: lengths, composition, then the shared rules', () => {
    expect(rulesOf('strong')).toEqual([
      'minLength',
      'maxLength',
      'upper',
      'lower',
      'digit',
      'special',
      'notCommon',
      'noLogin',
      'noPesel',
      'repeat',
    ]);
  });

  it('lists the length policy rules without any composition rule', () => {
    expect(rulesOf('length')).toEqual(['minLength', 'maxLength', 'notCommon', 'noLogin', 'noPesel', 'repeat']);
  });

  it.each([
    ['strong', 8],
    ['length', 15],
  ] as const)('requires at least the policy minimum: %s → %i characters', (policy, min) => {
    expect(minLength(policy)).toBe(min);
  });

  it('caps every policy at 128 characters', () => {
    expect(MAX_PASSWORD_LENGTH).toBe(128);
  });
});

describe('checkPassword – valid baselines', () => {
  it.each(['strong', 'length'] as const)('accepts the %s baseline with a matching repeat, a login and a PESEL given', (policy) => {
    expect(check(VALID[policy], policy, { login: LOGIN, pesel: PESEL, repeat: VALID[policy] })).toEqual([]);
  });

  it('does not check the repeat field when it is not given', () => {
    expect(check(VALID.strong, 'strong')).toEqual([]);
  });

  it('does not check the login or PESEL when they are null or empty', () => {
    expect(check(VALID.strong, 'strong', { login: null, pesel: null })).toEqual([]);
    expect(check(VALID.strong, 'strong', { login: '', pesel: '' })).toEqual([]);
  });
});

describe('checkPassword – strong policy, each rule failing alone', () => {
  it.each<[string, string, PasswordRule]>([
    ['lacks an upper-case letter', 'zielona#lampa7', 'upper'],
    ['lacks a lower-case letter', 'ZIELONA#LAMPA7', 'lower'],
    ['lacks a digit', 'Zielona#Lampa', 'digit'],
    ['lacks a special character', 'ZielonaLampa7', 'special'],
    ['is 7 characters long', 'Zie#La7', 'minLength'],
  ])('breaks only %s: %s → %s', (_what, password, rule) => {
    expect(check(password, 'strong')).toEqual([rule]);
  });

  it('breaks only notCommon when the common-password list contains it', () => {
    expect(check(VALID.strong, 'strong', { isCommon: always })).toEqual(['notCommon']);
  });

  it('breaks only noLogin when the password contains the login', () => {
    expect(check('Ab#7jkowalski', 'strong', { login: LOGIN })).toEqual(['noLogin']);
  });

  it('breaks only noPesel when the password contains the PESEL', () => {
    expect(check(`Ab#${PESEL}`, 'strong', { pesel: PESEL })).toEqual(['noPesel']);
  });

  it('breaks only repeat when the repeat field differs', () => {
    expect(check(VALID.strong, 'strong', { repeat: 'Zielona#Lampa8' })).toEqual(['repeat']);
  });
});

describe('checkPassword – length policy, each rule failing alone', () => {
  it('breaks only minLength at 14 characters', () => {
    const password = 'kwitnąca lampa';
    expect(codePoints(password)).toBe(14);
    expect(check(password, 'length')).toEqual(['minLength']);
  });

  it.each([
    ['only lower-case letters', 'zielonalampakwitnie'],
    ['only upper-case letters', 'ZIELONALAMPAKWITNIE'],
    ['only digits', '918273645546372819'],
    ['letters and spaces only', 'zielona lampa kwitnie'],
  ])('imposes no composition rules: accepts %s (%s)', (_what, password) => {
    expect(check(password, 'length')).toEqual([]);
  });

  it('breaks only notCommon when the common-password list contains it', () => {
    expect(check(VALID.length, 'length', { isCommon: always })).toEqual(['notCommon']);
  });

  it('breaks only noLogin when the password contains the login', () => {
    expect(check('moje konto to jkowalski', 'length', { login: LOGIN })).toEqual(['noLogin']);
  });

  it('breaks only noPesel when the password contains the PESEL', () => {
    expect(check(`mój pesel to ${PESEL}`, 'length', { pesel: PESEL })).toEqual(['noPesel']);
  });

  it('breaks only repeat when the repeat field differs', () => {
    expect(check(VALID.length, 'length', { repeat: `${VALID.length} ` })).toEqual(['repeat']);
  });
});

describe('checkPassword – boundary lengths (counted in Unicode code points)', () => {
  const strongOf = (n: number, filler = 'ż') => `Aa1!${filler.repeat(n - 4)}`;
  const lengthOf = (n: number, filler = 'ż') => filler.repeat(n);

  it.each<[string, PasswordPolicy, string, PasswordRule[]]>([
    ['strong: 7 characters breaks minLength', 'strong', strongOf(7), ['minLength']],
    ['strong: 8 characters is accepted', 'strong', strongOf(8), []],
    ['length: 14 characters breaks minLength', 'length', lengthOf(14), ['minLength']],
    ['length: 15 characters is accepted', 'length', lengthOf(15), []],
    ['strong: 128 characters with ż is accepted', 'strong', strongOf(128), []],
    ['strong: 129 characters with ż breaks maxLength', 'strong', strongOf(129), ['maxLength']],
    ['length: 128 × ż is accepted', 'length', lengthOf(128), []],
    ['length: 129 × ż breaks maxLength', 'length', lengthOf(129), ['maxLength']],
  ])('%s', (_name, policy, password, expected) => {
    expect(check(password, policy)).toEqual(expected);
  });

  it('counts an astral character (emoji, 2 UTF-16 units) once: 128 code points are accepted', () => {
    const password = strongOf(128, '😀');
    expect(password.length).toBe(252);
    expect(check(password, 'strong')).toEqual([]);
  });

  it('counts an astral character once: 129 code points break maxLength', () => {
    expect(check(strongOf(129, '😀'), 'strong')).toEqual(['maxLength']);
  });

  it('counts an astral character once: 14 code points (15 UTF-16 units) still break the length minimum', () => {
    const password = 'zielona lampa😀';
    expect(password.length).toBe(15);
    expect(codePoints(password)).toBe(14);
    expect(check(password, 'length')).toEqual(['minLength']);
  });

  it('counts a decomposed ż (z + combining dot) as one character, like its composed form', () => {
    const composed = lengthOf(128);
    const decomposed = composed.normalize('NFD');
    expect(codePoints(decomposed)).toBe(256);
    expect(check(decomposed, 'length')).toEqual(check(composed, 'length'));
  });

  it('breaks minLength exactly when the password has fewer code points than the policy minimum (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PasswordPolicy>('strong', 'length'),
        fc.array(fc.constantFrom('a', 'ż', 'Ł', '7', '#', '😀', ' '), { maxLength: 140 }),
        (policy, chars) => {
          const broken = check(chars.join(''), policy);
          expect(broken.includes('minLength')).toBe(chars.length < minLength(policy));
          expect(broken.includes('maxLength')).toBe(chars.length > MAX_PASSWORD_LENGTH);
        },
      ),
    );
  });
});

describe('checkPassword – Polish letters count as upper- and lower-case', () => {
  it.each(['Ą', 'Ć', 'Ę', 'Ł', 'Ń', 'Ó', 'Ś', 'Ź', 'Ż'])('counts %s as the only upper-case letter', (upper) => {
    expect(check(`${upper}ielona#lampa7`, 'strong')).toEqual([]);
  });

  it.each(['ą', 'ć', 'ę', 'ł', 'ń', 'ó', 'ś', 'ź', 'ż'])('counts %s as the only lower-case letter', (lower) => {
    expect(check(`ZIELONA#LAMPA7${lower}`, 'strong')).toEqual([]);
  });

  it('does not count Polish letters as special characters', () => {
    expect(check('Żółćgęśląjaźń7', 'strong')).toEqual(['special']);
  });
});

describe('checkPassword – special characters (any non-letter, non-digit, non-whitespace)', () => {
  it.each(['!', '#', '@', '-', '_', '.', ',', '~', '§', '€', '„', '😀', '(', '"'])('counts %j as a special character', (c) => {
    expect(check(`Zielona${c}lampa7`, 'strong')).toEqual([]);
  });

  it.each([
    ['a space', ' '],
    ['a tab', '\t'],
    ['a newline', '\n'],
    ['a no-break space', '\u00a0'],
    ['an ideographic space', '\u3000'],
  ])('does not count %s as a special character', (_name, ws) => {
    expect(check(`Zielona${ws}lampa7`, 'strong')).toEqual(['special']);
  });

  it('does not count letters of other scripts as special characters', () => {
    expect(check('Zielonaлампаλ7', 'strong')).toEqual(['special']);
  });

  // BUG: lib/password-policy.ts tests composition on the raw string (only the length is NFC-
  // normalised), and the special-character class [^\p{L}\p{N}\s] matches combining marks (\p{M}).
  // 'Zażółć7' typed in NFD form contains no special character, yet it passes the special rule.
  // Expected ['special'], actual [].
  it('does not count the combining accent of a decomposed (NFD) Polish letter as a special character', () => {
    const password = 'Zażółćlampa7'.normalize('NFD');
    expect(check(password, 'strong')).toEqual(['special']);
  });

  // BUG (minor): the class excludes all of \p{N}, but the digit rule only accepts \p{Nd}, so a
  // non-decimal number sign such as '½', '²' or 'Ⅻ' counts as neither a digit nor a special
  // character. Per "any non-letter, non-digit, non-whitespace character" it is special.
  // 'Zielona½lampa7' → expected [], actual ['special'].
  it.each(['½', '²', 'Ⅻ'])('counts the non-digit number sign %s as a special character', (c) => {
    expect(check(`Zielona${c}lampa7`, 'strong')).toEqual([]);
  });
});

describe('checkPassword – login and PESEL inside the password', () => {
  it.each([
    ['the login in lower case', 'jkowalski', 'Ab#7jkowalski'],
    ['the login in upper case', 'jkowalski', 'Ab#7JKOWALSKI'],
    ['the login in mixed case', 'jkowalski', 'xJkOwAlSkI#7'],
    ['a mixed-case login typed in lower case', 'JKowalski', 'Ab#7jkowalski'],
    ['the login in the middle', 'jan.kowal', 'Ab#jan.kowal7'],
  ])('breaks noLogin for %s', (_name, login, password) => {
    expect(check(password, 'strong', { login })).toEqual(['noLogin']);
  });

  it('does not break noLogin for a password that contains only part of the login', () => {
    expect(check('Ab#7jkowalsk', 'strong', { login: LOGIN })).toEqual([]);
  });

  it('breaks noLogin under the length policy case-insensitively too', () => {
    expect(check('hasło dla JKOWALSKI tutaj', 'length', { login: LOGIN })).toEqual(['noLogin']);
  });

  it.each([
    ['at the start', `${PESEL}Ab#`],
    ['in the middle', `Ab#${PESEL}x`],
    ['at the end', `Ab#x${PESEL}`],
  ])('breaks noPesel when the PESEL is %s', (_where, password) => {
    expect(check(password, 'strong', { pesel: PESEL })).toEqual(['noPesel']);
  });

  it('does not break noPesel for a password containing only ten of the PESEL digits', () => {
    expect(check(`Ab#${PESEL.slice(0, 10)}`, 'strong', { pesel: PESEL })).toEqual([]);
  });
});

describe('checkPassword – repeat field', () => {
  it.each([
    ['an empty repeat', ''],
    ['a repeat differing in case', 'zielona#Lampa7'],
    ['a repeat with a trailing space', 'Zielona#Lampa7 '],
    ['a repeat missing the last character', 'Zielona#Lampa'],
  ])('breaks repeat for %s', (_name, repeat) => {
    expect(check(VALID.strong, 'strong', { repeat })).toEqual(['repeat']);
  });
});

describe('checkPassword – several broken rules', () => {
  it('reports every broken rule in display order (strong)', () => {
    const broken = check('jkowalski', 'strong', { login: LOGIN, repeat: 'x', isCommon: always });
    expect(broken).toEqual(['upper', 'digit', 'special', 'notCommon', 'noLogin', 'repeat']);
  });

  it('reports every broken rule in display order (length)', () => {
    const broken = check(PESEL, 'length', { pesel: PESEL, repeat: '', isCommon: always });
    expect(broken).toEqual(['minLength', 'notCommon', 'noPesel', 'repeat']);
  });

  it('reports an empty password as too short and lacking every composition rule', () => {
    expect(check('', 'strong')).toEqual(['minLength', 'upper', 'lower', 'digit', 'special']);
  });

  it('always returns a subsequence of rulesOf(policy) (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PasswordPolicy>('strong', 'length'),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.option(fc.string(), { nil: undefined }),
        fc.boolean(),
        (policy, password, repeat, common) => {
          const broken = checkPassword(password, { policy, login: LOGIN, pesel: PESEL, repeat, isCommon: () => common });
          const order = rulesOf(policy);
          const indices = broken.map((r) => order.indexOf(r));
          expect(indices.every((i) => i >= 0)).toBe(true);
          expect(indices).toEqual([...indices].sort((a, b) => a - b));
          expect(new Set(broken).size).toBe(broken.length);
        },
      ),
    );
  });
});

describe('isCommonPassword with checkPassword', () => {
  it.each<[string, PasswordRule[]]>([
    ['password', ['upper', 'digit', 'special', 'notCommon']],
    ['Password1!', ['notCommon']],
    ['qwerty123', ['upper', 'special', 'notCommon']],
    ['123456789', ['upper', 'lower', 'special', 'notCommon']],
  ])('breaks notCommon for %s', (password, expected) => {
    expect(isCommonPassword(password)).toBe(true);
    expect(checkPassword(password, { policy: 'strong', isCommon: isCommonPassword })).toEqual(expected);
  });

  it.each(['PASSWORD', 'Password123!', '!!Password', '2024Qwerty#'])('recognises the decorated common password %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['Zielona#Lampa7-kwitnie', 'kwitnąca zielona lampa', 'Gęś#Pływa7Nocą'])('does not flag the random passphrase %s', (password) => {
    expect(isCommonPassword(password)).toBe(false);
    expect(checkPassword(password, { policy: 'strong', isCommon: isCommonPassword })).not.toContain('notCommon');
  });

  it('breaks notCommon under the length policy as well', () => {
    expect(checkPassword('password', { policy: 'length', isCommon: isCommonPassword })).toEqual(['minLength', 'notCommon']);
  });
});

describe('isCommonPassword – the Polish dictionary (@zxcvbn-ts/language-pl)', () => {
  // Only the leaked-passwords list, as before the Polish dictionary joined: each example below
  // must pass it, so that the test fails when the Polish lists are taken out again.
  const leakedOnly = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  const onLeakedList = (password: string) => {
    const lower = foldWord(password);
    const base = lower.replace(/[^\p{L}]+$/u, '').replace(/^[^\p{L}]+/u, '');
    return leakedOnly.has(lower) || leakedOnly.has(base);
  };

  // [password, policy, every rule it breaks]: notCommon is the only one where the password
  // would otherwise be accepted.
  it.each<[string, PasswordPolicy, PasswordRule[]]>([
    ['Wiosna2025!', 'strong', ['notCommon']], // a season and a year
    ['Kotek123!', 'strong', ['notCommon']], // a term of endearment
    ['Samochód2024!', 'strong', ['notCommon']],
    ['Szpital123!', 'strong', ['notCommon']],
    ['Kowalski#1', 'strong', ['notCommon']], // a surname
    ['Legia1916!', 'strong', ['notCommon']], // Wikipedia: a football club and its year
    ['Przedsiębiorstwo', 'length', ['notCommon']], // one long word is not a passphrase
    ['Niebezpieczeństwo1!', 'length', ['notCommon']],
    ['!!Rzeczpospolita2024', 'length', ['notCommon']],
    ['Przedsiębiorstwo1!', 'strong', ['notCommon']],
  ])('refuses %s under the %s policy', (password, policy, expected) => {
    expect(onLeakedList(password), 'the leaked-passwords list alone lets it through').toBe(false);
    expect(isCommonPassword(password)).toBe(true);
    expect(checkPassword(password, { policy, isCommon: isCommonPassword })).toEqual(expected);
  });

  it.each(['Wiosna2025!', 'Samochód2024!', 'Przedsiębiorstwo'])('refuses %s under both policies', (password) => {
    for (const policy of ['strong', 'length'] as const) {
      expect(checkPassword(password, { policy, isCommon: isCommonPassword })).toContain('notCommon');
    }
  });

  it('ignores Polish diacritics: Hasło123! is the leaked "haslo", Słoneczko1! the leaked "sloneczko"', () => {
    for (const password of ['Hasło123!', 'Słoneczko1!', 'HASŁO2024!']) {
      expect(isCommonPassword(password), password).toBe(true);
      expect(checkPassword(password, { policy: 'length', isCommon: isCommonPassword })).toContain('notCommon');
    }
  });

  it("refuses Polska123! under both policies (the issue's example)", () => {
    expect(checkPassword('Polska123!', { policy: 'strong', isCommon: isCommonPassword })).toEqual(['notCommon']);
    expect(checkPassword('Polska123!', { policy: 'length', isCommon: isCommonPassword })).toEqual(['minLength', 'notCommon']);
  });

  it.each([
    ['Samochod2024!', 'without diacritics'],
    ['SAMOCHÓD2024!', 'in capitals'],
    ['Sa\u006do\u0063ho\u0301d2024!', 'typed with a combining accent'],
    ['Zolw#2024', 'żółw without diacritics'],
  ])('refuses %s (%s)', (password) => {
    expect(onLeakedList(password)).toBe(false);
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['Zielona#Lampa7', 'kwitnąca zielona lampa', 'Samochód#Kot#Szpital', 'Sam0chód-2024-lampa'])(
    'still accepts %s: words combined are not one common word',
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );
});

describe('checkPasswordOnServer – PASSWORD_POLICY from the environment', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  const load = async (policy: string | undefined) => {
    vi.stubEnv('PASSWORD_POLICY', policy);
    vi.resetModules();
    return (await import('@/lib/auth/password-check')).checkPasswordOnServer;
  };

  it('applies the strong policy when PASSWORD_POLICY is unset', async () => {
    const checkOnServer = await load(undefined);
    expect(checkOnServer('zielonalampakwitnie', {})).toEqual(['upper', 'digit', 'special']);
    expect(checkOnServer('Zielona#L7', {})).toEqual([]);
  });

  it('applies the length policy when PASSWORD_POLICY=length', async () => {
    const checkOnServer = await load('length');
    expect(checkOnServer('zielonalampakwitnie', {})).toEqual([]);
    expect(checkOnServer('Zielona#L7', {})).toEqual(['minLength']);
  });

  it('passes the login, PESEL and repeat through and uses the common-password list', async () => {
    const checkOnServer = await load('strong');
    expect(checkOnServer('Password1!', {})).toEqual(['notCommon']);
    expect(checkOnServer('Ab#7JKowalski', { login: LOGIN, pesel: PESEL, repeat: 'nope' })).toEqual(['noLogin', 'repeat']);
    expect(checkOnServer(`Ab#${PESEL}`, { pesel: PESEL })).toEqual(['noPesel']);
  });
});

import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, isLocale, pickLocale, sameSitePath } from '@/lib/i18n/locales';
import { isStaffPath } from '@/lib/i18n/request-locale';

describe('pickLocale: the cookie, else Accept-Language, else Polish', () => {
  it('takes a supported cookie value over the header', () => {
    expect(pickLocale('uk', 'en-GB,en;q=0.9')).toBe('uk');
    expect(pickLocale('en', null)).toBe('en');
  });
  it('ignores a cookie that is not a supported language', () => {
    expect(pickLocale('de', 'uk-UA')).toBe('uk');
    expect(pickLocale('EN', undefined)).toBe('pl');
    expect(pickLocale('', '')).toBe('pl');
    expect(pickLocale('__proto__', null)).toBe('pl');
  });
  it('falls back to Polish without a usable header', () => {
    expect(pickLocale(undefined, undefined)).toBe('pl');
    expect(pickLocale(undefined, 'de-DE,fr;q=0.8')).toBe('pl');
    expect(pickLocale(undefined, '*')).toBe('pl');
  });
});

describe('fromAcceptLanguage', () => {
  it('ranks by quality, then by order', () => {
    expect(fromAcceptLanguage('de;q=1, en;q=0.5, uk;q=0.8')).toBe('uk');
    expect(fromAcceptLanguage('en-US, uk')).toBe('en');
    expect(fromAcceptLanguage('uk-UA,uk;q=0.9,ru;q=0.8,en-US;q=0.7')).toBe('uk');
    expect(fromAcceptLanguage('PL-pl')).toBe('pl');
  });
  it('skips q=0, malformed qualities and unknown tags', () => {
    expect(fromAcceptLanguage('en;q=0, uk;q=0.1')).toBe('uk');
    expect(fromAcceptLanguage('en;q=abc, pl;q=0.2')).toBe('pl');
    expect(fromAcceptLanguage(';;;,,,')).toBeUndefined();
    expect(fromAcceptLanguage('ru')).toBeUndefined();
  });
  it('reads only the first 500 characters of a huge header', () => {
    expect(fromAcceptLanguage(`${'xx,'.repeat(1000)}uk`)).toBeUndefined();
  });
  it('isLocale accepts exactly the three languages', () => {
    expect(['pl', 'en', 'uk'].every(isLocale)).toBe(true);
    expect([null, 1, 'ua', 'pl-PL', 'toString'].some(isLocale)).toBe(false);
  });
});

describe('sameSitePath: where the switcher may send the browser back to', () => {
  it('keeps a path of this site with its query', () => {
    expect(sameSitePath('/register')).toBe('/register');
    expect(sameSitePath('/login?reason=timeout&next=%2Faccount')).toBe('/login?reason=timeout&next=%2Faccount');
  });
  it('refuses other hosts, schemes, odd characters and huge values', () => {
    for (const bad of [
      '//evil.example/x',
      'https://evil.example',
      'javascript:alert(1)',
      '/\\evil.example',
      '/a b',
      '/ą',
      '/\u0001',
      '/a\u0000b',
      '/\u202Eevil',
      '/a\tb',
      '',
      'x'.repeat(10),
      `/${'a'.repeat(600)}`,
      null,
      42,
    ]) {
      expect(sameSitePath(bad)).toBe('/');
    }
  });
});

describe('isStaffPath: the desk and the dev mailbox stay Polish', () => {
  it('matches /admin and /dev areas only', () => {
    expect(isStaffPath('/admin')).toBe(true);
    expect(isStaffPath('/admin/verifications?status=x')).toBe(true);
    expect(isStaffPath('/dev/mail')).toBe(true);
    expect(isStaffPath('/administration')).toBe(false);
    expect(isStaffPath('/account')).toBe(false);
    expect(isStaffPath('/register')).toBe(false);
  });
});

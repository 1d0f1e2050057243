import { describe, it, expect } from 'vitest';
import { locales } from '@/lib/i18n/locales';
import { loadEnv } from '@/lib/env';
import { facility } from '@/lib/facility';
import { encodingOf, segmentsOf } from '../helpers/sms-segments';
import { portalAddress, renderSms, smsTemplates, type SmsParams, type SmsTemplateName } from '@/lib/sms/templates';

const names = Object.keys(smsTemplates.pl) as SmsTemplateName[];
const everyTemplate = locales.flatMap((locale) => names.map((name) => [locale, name] as const));

const portal = 'e-rejestracja.example.pl';
const longFirstName = 'Małgorzata-Krystyna';
// The configured facility and the first deployment's default, whichever this process sees.
const facilities = [...new Set([facility().facilityName, loadEnv({ NODE_ENV: 'test' }).FACILITY_NAME])];

const POLISH_LETTERS = 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ';

describe('SMS templates', () => {
  it('has the same templates in every language', () => {
    expect(names).toEqual(['verified', 'emailChanged', 'passwordChanged', 'signInLocked', 'passkeyAdded']);
    for (const locale of locales) expect(Object.keys(smsTemplates[locale]).sort()).toEqual([...names].sort());
  });

  it.each(everyTemplate)('%s %s fits in two segments with the facility, a long first name and the portal', (locale, name) => {
    for (const facilityName of facilities) {
      const text = renderSms(locale, name, { facility: facilityName, firstName: longFirstName, portal });
      expect(segmentsOf(text).segments, text).toBeLessThanOrEqual(2);
    }
  });

  it.each(everyTemplate)('%s %s leaves room for a facility name of 20 characters', (locale, name) => {
    // The headroom left today: a text made longer, or a longer FACILITY_NAME, needs a third SMS.
    const text = renderSms(locale, name, { facility: 'Szpital Łęczna Nr 12', firstName: longFirstName, portal });
    expect(segmentsOf(text).segments, text).toBeLessThanOrEqual(2);
  });

  it.each(everyTemplate)('%s %s names the facility, the first name and the portal, verbatim', (locale, name) => {
    const params: SmsParams = { facility: 'SPZOZ w Łęcznej', firstName: 'Anna', portal };
    const text = renderSms(locale, name, params);
    expect(text).toContain(params.facility);
    expect(text).toContain(params.firstName);
    expect(text).toContain(params.portal);
  });

  it.each(everyTemplate)('%s %s has no link: no scheme, no path, nothing token-like', (locale, name) => {
    const text = renderSms(locale, name, { facility: 'SPZOZ w Łęcznej', firstName: 'Anna', portal });
    expect(text).not.toMatch(/https?:/i);
    expect(text).not.toContain('/');
    expect(text).not.toMatch(/[A-Za-z0-9_-]{25,}/); // longer than any word or the portal's name
  });

  it.each(['emailChanged', 'passwordChanged', 'signInLocked', 'passkeyAdded'] as const)(
    'tells in every language what to do after %s',
    (name) => {
      const advice = { pl: /To nie Ty\?|Ustaw nowe hasło/, en: /Not you\?|Set a new password/, uk: /Не ви\?|Створіть новий пароль/ };
      for (const locale of locales) {
        expect(renderSms(locale, name, { facility: 'X', firstName: 'Anna', portal })).toMatch(advice[locale]);
      }
    },
  );

  it.each(names)('pl %s goes as UCS-2 only because of Polish letters', (name) => {
    const text = renderSms('pl', name, { facility: 'SPZOZ Leczna', firstName: 'Anna', portal });
    // Not a typographic quote, dash or apostrophe: each of those would cost as much as a letter.
    const outsideGsm = [...text].filter((char) => encodingOf(char) === 'UCS-2');
    expect(outsideGsm.filter((char) => !POLISH_LETTERS.includes(char))).toEqual([]);
    expect(encodingOf(text)).toBe(outsideGsm.length > 0 ? 'UCS-2' : 'GSM-7');
  });

  it.each(names)('en %s goes as GSM-7 when the names are plain Latin', (name) => {
    expect(encodingOf(renderSms('en', name, { facility: 'SPZOZ Leczna', firstName: 'Anna', portal }))).toBe('GSM-7');
  });
});

describe('portalAddress', () => {
  it.each([
    ['https://e-rejestracja.example.pl', 'e-rejestracja.example.pl'],
    ['https://e-rejestracja.example.pl/', 'e-rejestracja.example.pl'],
    ['https://e-rejestracja.example.pl/activate/abc123?x=1#y', 'e-rejestracja.example.pl'],
    ['http://localhost:3000', 'localhost:3000'],
    ['https://user:secret@e-rejestracja.example.pl/', 'e-rejestracja.example.pl'],
  ])('gives %s as %s', (appUrl, expected) => {
    expect(portalAddress(appUrl)).toBe(expected);
  });
});

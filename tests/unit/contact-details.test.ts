// The settings' phone and address are judged by the registration form's own rules.
import { describe, expect, it } from 'vitest';
import { contactFields, validateContactDetails } from '@/lib/account/contact-details';
import { changedFields, contactOfRecord, contactTexts } from '@/lib/account/contact-form';
import { maskEmail } from '@/lib/account/emails';
import { validateRegistration } from '@/lib/registration/form';
import { en } from '@/lib/messages/en';
import { pl } from '@/lib/messages/pl';
import { uk } from '@/lib/messages/uk';

const GOOD = { phone: '600 100 200', street: 'Lubelska', houseNumber: '12a', flatNumber: '3b', postalCode: '21010', city: 'Łęczna' };

const CASES: Array<Record<string, unknown>> = [
  {},
  { phone: '12345' },
  { phone: '' },
  { phone: 'brak' },
  { phone: '+44 20 7946 0958' },
  { street: 'Ul. <script>' },
  { street: '' },
  { houseNumber: '' },
  { houseNumber: '12//4' },
  { flatNumber: 'abc' },
  { postalCode: '2101' },
  { postalCode: '21-0101' },
  { city: '1 Maja' },
  { city: 'x'.repeat(81) },
  { street: 'x'.repeat(1000), houseNumber: 42, city: null },
  { phone: ['600100200'] },
];

describe('validateContactDetails', () => {
  for (const overrides of CASES) {
    it(`gives the registration form's answer for ${JSON.stringify(overrides).slice(0, 60)}`, () => {
      const input = { ...GOOD, ...overrides };
      const contact = validateContactDetails(input, pl.register.errors);
      const registration = validateRegistration(
        {
          ...input,
          pesel: 'BRAK',
          birthDate: '1980-01-01',
          firstName: 'Jan',
          lastName: 'Nowak',
          login: 'jan.nowak1',
          email: 'jan@example.pl',
          captchaAnswer: '1',
          consentDataProcessing: 'on',
          consentEmail: 'on',
          consentSms: 'on',
        },
        new Date(),
        pl.register.errors,
      );
      const registrationErrors = registration.ok
        ? {}
        : Object.fromEntries(contactFields.filter((f) => registration.fieldErrors[f]).map((f) => [f, registration.fieldErrors[f]]));
      expect(contact.ok ? {} : contact.fieldErrors).toEqual(registrationErrors);
      if (contact.ok && registration.ok) {
        for (const f of contactFields) expect(contact.data[f]).toEqual(registration.data[f]);
      }
    });
  }

  it('words its answers in the language asked for, as registration does', () => {
    const wrong = { ...GOOD, phone: '12345', postalCode: '2101', houseNumber: '' };
    expect(validateContactDetails(wrong, en.register.errors)).toEqual({
      ok: false,
      fieldErrors: {
        phone: 'Enter a phone number (9 digits, for example 600 100 200, or with a +CC country code) or type BRAK (Polish for “none”).',
        houseNumber: 'This field is required.',
        postalCode: 'Enter a postcode in the format 00-000.',
      },
    });
    const ukrainian = validateContactDetails(wrong, uk.register.errors);
    expect(ukrainian.ok ? {} : ukrainian.fieldErrors.postalCode).toBe('Введіть поштовий індекс у форматі 00-000.');
    const polish = validateContactDetails(wrong, pl.register.errors);
    expect(polish.ok ? {} : polish.fieldErrors.houseNumber).toBe('To pole jest wymagane.');
  });

  it('normalises as registration stores: E.164 phone, upper-case numbers, NN-NNN', () => {
    expect(validateContactDetails(GOOD, pl.register.errors)).toEqual({
      ok: true,
      data: { phone: '+48600100200', street: 'Lubelska', houseNumber: '12A', flatNumber: '3B', postalCode: '21-010', city: 'Łęczna' },
    });
  });
});

describe('the contact data of a patient record', () => {
  const RECORD = { phone: null, street: null, houseNumber: null, flatNumber: null, postalCode: '21-010', city: null };

  it('holds every contact field, with the parts a record may lack as empty text', () => {
    const contact = contactOfRecord(RECORD);
    expect(Object.keys(contact).sort()).toEqual([...contactFields].sort());
    expect(contact).toEqual({ phone: null, street: null, houseNumber: '', flatNumber: null, postalCode: '21-010', city: '' });
  });

  it('compares field by field with a request, as the desk sees it', () => {
    const proposed = { ...contactOfRecord(RECORD), city: 'Łęczna', houseNumber: '52' };
    expect(changedFields(contactOfRecord(RECORD), proposed)).toEqual(['houseNumber', 'city']);
  });

  it('gives the form a text for every field', () => {
    expect(contactTexts(RECORD)).toEqual({ phone: '', street: '', houseNumber: '', flatNumber: '', postalCode: '21-010', city: '' });
  });
});

describe('maskEmail', () => {
  it('keeps the first letters and the top-level domain only', () => {
    expect(maskEmail('anna.nowak@poczta.example.pl')).toBe('a***@p***.pl');
    expect(maskEmail('żaneta@wp.pl')).toBe('ż***@w***.pl');
    expect(maskEmail('nie-email')).toBe('***');
  });
});

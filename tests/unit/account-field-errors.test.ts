// The account forms' use cases answer with codes; the route words them. These are the words the
// patient reads (they were asserted on the use cases before the codes), in the request's language.
import { describe, expect, it } from 'vitest';
import { deleteAccountErrors, emailChangeErrors } from '@/app/(patient)/account/field-errors';

describe('the email change form', () => {
  it('words an address the registration rules refuse by those rules, and a missing password', () => {
    expect(emailChangeErrors({ newEmail: 'invalid', currentPassword: 'required' }, 'nie-email', 'pl')).toEqual({
      newEmail: 'Podaj poprawny adres email, np. jan.kowalski@example.pl.',
      currentPassword: 'To pole jest wymagane.',
    });
    expect(emailChangeErrors({ newEmail: 'invalid' }, '   ', 'pl')).toEqual({ newEmail: 'To pole jest wymagane.' });
    expect(emailChangeErrors({ newEmail: 'invalid' }, `${'a'.repeat(250)}@example.pl`, 'pl')).toEqual({
      newEmail: 'Wpisz najwyżej 254 znaków.',
    });
  });

  it('words the current address and a wrong password', () => {
    expect(emailChangeErrors({ newEmail: 'same' }, 'jan@example.pl', 'pl')).toEqual({ newEmail: 'To jest obecny adres email konta.' });
    expect(emailChangeErrors({ currentPassword: 'wrong' }, 'jan@example.pl', 'pl')).toEqual({ currentPassword: 'Nieprawidłowe hasło.' });
  });
});

describe('the erasure form', () => {
  it('words the missing confirmation, a missing and a wrong password', () => {
    expect(deleteAccountErrors({ confirm: 'required' }, 'pl')).toEqual({ confirm: 'Zaznacz, że rozumiesz skutki usunięcia konta.' });
    expect(deleteAccountErrors({ password: 'wrong' }, 'pl')).toEqual({ password: 'Nieprawidłowe hasło.' });
    expect(deleteAccountErrors({ confirm: 'required', password: 'required' }, 'pl')).toEqual({
      confirm: 'Zaznacz, że rozumiesz skutki usunięcia konta.',
      password: 'To pole jest wymagane.',
    });
  });
});

describe("in the patient's language", () => {
  it("words the email change in English and Ukrainian, the rules' messages too", () => {
    expect(emailChangeErrors({ newEmail: 'invalid', currentPassword: 'wrong' }, 'nie-email', 'en')).toEqual({
      newEmail: 'Enter a valid email address, for example jan.kowalski@example.pl.',
      currentPassword: 'Incorrect password.',
    });
    expect(emailChangeErrors({ newEmail: 'invalid', currentPassword: 'required' }, '   ', 'en')).toEqual({
      newEmail: 'This field is required.',
      currentPassword: 'This field is required.',
    });
    expect(emailChangeErrors({ newEmail: 'same' }, 'jan@example.pl', 'uk')).toEqual({
      newEmail: 'Це поточна адреса електронної пошти облікового запису.',
    });
    expect(emailChangeErrors({ newEmail: 'invalid' }, 'nie-email', 'uk')).toEqual({
      newEmail: 'Введіть правильну адресу електронної пошти, напр. ivan.petrenko@example.com.',
    });
  });

  it('words the erasure in English and Ukrainian', () => {
    expect(deleteAccountErrors({ confirm: 'required', password: 'wrong' }, 'en')).toEqual({
      confirm: 'Tick the box to confirm that you understand the consequences of deleting your account.',
      password: 'Incorrect password.',
    });
    expect(deleteAccountErrors({ password: 'required' }, 'uk')).toEqual({ password: 'Це поле обов’язкове.' });
  });
});

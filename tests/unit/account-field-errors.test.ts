// The account forms' use cases answer with codes; the route words them. These are the words the
// patient reads (they were asserted on the use cases before the codes).
import { describe, expect, it } from 'vitest';
import { deleteAccountErrors, emailChangeErrors } from '@/app/(patient)/account/field-errors';

describe('the email change form', () => {
  it('words an address the registration rules refuse by those rules, and a missing password', () => {
    expect(emailChangeErrors({ newEmail: 'invalid', currentPassword: 'required' }, 'nie-email')).toEqual({
      newEmail: 'Podaj poprawny adres email, np. jan.kowalski@example.pl.',
      currentPassword: 'To pole jest wymagane.',
    });
    expect(emailChangeErrors({ newEmail: 'invalid' }, '   ')).toEqual({ newEmail: 'To pole jest wymagane.' });
    expect(emailChangeErrors({ newEmail: 'invalid' }, `${'a'.repeat(250)}@example.pl`)).toEqual({ newEmail: 'Wpisz najwyżej 254 znaków.' });
  });

  it('words the current address and a wrong password', () => {
    expect(emailChangeErrors({ newEmail: 'same' }, 'jan@example.pl')).toEqual({ newEmail: 'To jest obecny adres email konta.' });
    expect(emailChangeErrors({ currentPassword: 'wrong' }, 'jan@example.pl')).toEqual({ currentPassword: 'Nieprawidłowe hasło.' });
  });
});

describe('the erasure form', () => {
  it('words the missing confirmation, a missing and a wrong password', () => {
    expect(deleteAccountErrors({ confirm: 'required' })).toEqual({ confirm: 'Zaznacz, że rozumiesz skutki usunięcia konta.' });
    expect(deleteAccountErrors({ password: 'wrong' })).toEqual({ password: 'Nieprawidłowe hasło.' });
    expect(deleteAccountErrors({ confirm: 'required', password: 'required' })).toEqual({
      confirm: 'Zaznacz, że rozumiesz skutki usunięcia konta.',
      password: 'To pole jest wymagane.',
    });
  });
});

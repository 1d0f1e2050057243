// A patient's way through the portal as tests need it done: register through the form, set a
// password from the emailed link, sign in.
import { expect, type Page } from '@playwright/test';
import { newPerson, strongPassword, type Person } from '../../helpers/people';
import { AccountPage } from '../pages/account-page';
import { LoginPage } from '../pages/login-page';
import { PasswordPage } from '../pages/password-page';
import { PasswordSetPage } from '../pages/password-set-page';
import { RegisterPage } from '../pages/register-page';
import { activationLinkFor } from './mailbox';

export interface Patient {
  person: Person;
  password: string;
}

/** Registers `person` through the form and lands on "check your email". */
export async function registerPerson(page: Page, person: Person = newPerson(), js = true): Promise<Person> {
  const form = new RegisterPage(page, js);
  await form.goto();
  await form.register(person);
  await expect(page).toHaveURL(/\/register\/sent$/);
  return person;
}

/** A patient who registered and set a password (status `active`), signed out. */
export async function registerAndActivate(page: Page, overrides: Partial<Person> = {}, js = true): Promise<Patient> {
  const person = await registerPerson(page, newPerson(overrides), js);
  const password = strongPassword();
  const form = new PasswordPage(page, js);
  await form.open(await activationLinkFor(page, person.email));
  await form.setPassword(password);
  await new PasswordSetPage(page).expectShown();
  return { person, password };
}

/** Signs a patient in and expects their account page. */
export async function signInPatient(page: Page, patient: Patient): Promise<AccountPage> {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(patient.person.login, patient.password);
  const account = new AccountPage(page);
  await account.expectShown();
  return account;
}

/** A fresh address for the person's email change. */
export function newAddress(person: Person): string {
  return person.email.replace('@', '.nowy@');
}

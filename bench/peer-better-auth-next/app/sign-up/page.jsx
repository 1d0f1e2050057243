import { signUp } from '../actions';

export default function SignUpPage() {
  return (
    <main>
      <h1>Załóż konto</h1>
      <form action={signUp}>
        <label htmlFor="name">Imię</label>
        <input id="name" name="name" autoComplete="name" required />
        <label htmlFor="email">E-mail</label>
        <input id="email" name="email" type="email" autoComplete="email" required />
        <label htmlFor="password">Hasło</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required />
        <button type="submit">Załóż konto</button>
      </form>
    </main>
  );
}

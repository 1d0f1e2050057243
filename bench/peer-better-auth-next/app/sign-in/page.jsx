import { signIn } from '../actions';

export default function SignInPage() {
  return (
    <main>
      <h1>Zaloguj się</h1>
      <form action={signIn}>
        <label htmlFor="email">E-mail</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">Hasło</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit">Zaloguj</button>
      </form>
    </main>
  );
}

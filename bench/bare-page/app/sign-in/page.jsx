import { signIn } from './actions';

// The floor of bench:signin: a plain server-rendered form whose action is a function (no
// JavaScript needed), posted as the /login form is.
export default function SignIn() {
  return (
    <main>
      <h1>Logowanie</h1>
      <form action={signIn}>
        <label htmlFor="login">Login</label>
        <input id="login" name="login" autoComplete="username" required />
        <label htmlFor="password">Hasło</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit">Zaloguj</button>
      </form>
    </main>
  );
}

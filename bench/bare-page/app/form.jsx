'use client';

import { useActionState } from 'react';
import { send } from './actions';

export function Form() {
  const [state, action, pending] = useActionState(send, { message: '' });
  return (
    <form action={action}>
      <label htmlFor="name">Imię</label>
      <input id="name" name="name" required />
      <button type="submit" disabled={pending}>
        Wyślij
      </button>
      <p role="status">{state.message}</p>
    </form>
  );
}

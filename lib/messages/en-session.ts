// The session clock's English words (SessionTimeout carries only these). Part of `en` as `session`.
import type { Catalogue } from './catalogue';
import { count } from './en-plural';

export const enSession = {
  idle: 'We signed you out because you were inactive for a while. Please sign in again.',
  absolute: 'Your session has expired (the maximum time signed in was reached). Please sign in again.',
  ended: 'Your session has ended. Please sign in again.',
  warningTitle: 'You are about to be signed out',
  warning: (seconds: number) => `Because there has been no activity, we will sign you out in ${count(seconds, 'second')}.`,
  stay: 'Stay signed in',
  signOut: 'Sign out now',
} satisfies Catalogue['session'];

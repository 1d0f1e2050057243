// The session clock's Ukrainian words (SessionTimeout carries only these). Part of `uk` as `session`.
import type { Catalogue } from './catalogue';
import { count, nouns } from './uk-plural';

export const ukSession = {
  idle: 'Ми вивели вас із системи через тривалу бездіяльність. Увійдіть знову.',
  absolute: 'Сеанс завершився (перевищено максимальний час роботи в системі). Увійдіть знову.',
  ended: 'Сеанс завершено. Увійдіть знову.',
  warningTitle: 'Незабаром вас буде виведено з системи',
  warning: (seconds: number) => `Через бездіяльність ми виведемо вас із системи за ${count(seconds, nouns.seconds)}.`,
  stay: 'Залишитися в системі',
  signOut: 'Вийти зараз',
} satisfies Catalogue['session'];

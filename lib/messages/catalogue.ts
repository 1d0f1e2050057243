// The shape every language's catalogue must have: Polish's, with each text widened to `string`
// and each function keeping its parameters. A catalogue that lacks a key, or has one Polish does
// not, fails `npm run typecheck` (`satisfies Catalogue`). Staff-only sections (the desk, the
// dashboard, the development mailbox) stay Polish and are not part of it.
import type { pl } from './pl';

export type Widen<T> = T extends string
  ? string
  : T extends (...args: infer Args) => infer Result
    ? (...args: Args) => Widen<Result>
    : T extends object
      ? { readonly [Key in keyof T]: Widen<T[Key]> }
      : T;

export type StaffOnly = 'admin' | 'devMail';
export type Catalogue = Widen<Omit<typeof pl, StaffOnly>>;

// English counts: "1 hour", "2 hours" (lib/messages/plural.ts chooses the form).
import { counted } from './plural';

export const count = (n: number, one: string, many = `${one}s`) => counted('en', n, { one, other: many });

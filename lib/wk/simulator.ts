// The built-in simulator of login.gov.pl for `npm run dev` (never in production: lib/env.ts
// refuses it there): it speaks the node's protocol with keys of its own (lib/wk/config.ts), and
// the person "signing in" is picked from a short list, the demo patients among them. State lives
// in this process's memory: a development server is one process.
import { randomBytes } from 'node:crypto';
import type { Loa } from '@/lib/login-gov-pl';
import type { SimulatedPerson } from '@/lib/login-gov-pl/simulated-node';

export interface SimulatorPerson extends SimulatedPerson {
  note: string;
}

/** Anna Nowak and Jan Kowalski are the demo seed's patients (Anna has an account); the others are new. */
export const SIMULATOR_PEOPLE: SimulatorPerson[] = [
  { pesel: '75110245621', firstName: 'anna', lastName: 'nowak', birthDate: '1975-11-02', note: 'demo: konto anna.nowak' },
  { pesel: '80031212355', firstName: 'jan', lastName: 'kowalski', birthDate: '1980-03-12', note: 'demo: karta pacjenta bez konta' },
  { pesel: '88051402347', firstName: 'zofia', lastName: 'wiśniewska', birthDate: '1988-05-14', note: 'nowa osoba' },
  { pesel: '92022813571', firstName: 'piotr', lastName: 'zieliński', birthDate: '1992-02-28', note: 'nowa osoba' },
];

interface Pending {
  requestId: string;
  acsUrl: string;
  loa: Loa;
}

interface Issued extends Pending {
  person: SimulatedPerson | null;
}

interface Store {
  pending: Map<string, Pending>;
  issued: Map<string, Issued>;
}

const state = globalThis as unknown as { __erejWkSimulator?: Store };
const store = (): Store => (state.__erejWkSimulator ??= { pending: new Map(), issued: new Map() });

export function rememberRequest(request: Pending): string {
  const session = randomBytes(16).toString('hex');
  store().pending.set(session, request);
  return session;
}

/** The person picked (null: cancelled) for a pending request, once; the artifact's entry. */
export function issueArtifact(session: string, person: SimulatedPerson | null, artifact: string): Pending | null {
  const pending = store().pending.get(session);
  if (!pending) return null;
  store().pending.delete(session);
  store().issued.set(artifact, { ...pending, person });
  return pending;
}

/** What an artifact stands for, once. */
export function takeArtifact(artifact: string): Issued | null {
  const issued = store().issued.get(artifact) ?? null;
  store().issued.delete(artifact);
  return issued;
}

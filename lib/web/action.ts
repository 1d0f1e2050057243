// One way to write a server action. Every action is a public endpoint, whatever page its form
// is on: it names who may call it (checked here, before anything else), reads the post through
// `Form` (text cut to a length, never trusted), and answers with an `ActionState` built by
// `Reply`, or redirects. Use cases below it return codes; the route's action turns them into
// words from the catalogue. Forms work as plain posts too: useActionState renders the same state
// the server renders without JavaScript.
//
// Unlike saas-starter's validatedAction or a next-safe-action client, the wrapper parses no
// schema itself: each form's one schema (lib/registration/form.ts, the use cases' own checks)
// reports every wrong field at once, where a generic wrapper would keep only the first issue,
// and the same schema runs live in the browser.
import { redirect, unstable_rethrow } from 'next/navigation';
import type { Db } from '@/db/client';
import type { Principal, StaffPrincipal } from '@/lib/auth/auth';
import { words } from '@/lib/i18n/words';
import { logError } from '@/lib/log';
import type { Catalogue } from '@/lib/messages/catalogue';
import { pl } from '@/lib/messages/pl';
import { consume, peek, type LimitName } from '@/lib/security/rate-limit';
import type { FieldErrors, Values } from './action-state';

export { fieldErrorsOf, initialState, messageOf, type ActionState, type FieldErrors, type Values } from './action-state';

// ---------------------------------------------------------------------------------------------
// Reading a post

export interface Form {
  /** A text field cut to `max` characters; anything else (missing, a file) is ''. */
  text(name: string, max: number): string;
  /** A checkbox: ticked when it arrives as 'on'. */
  checked(name: string): boolean;
  /** Every field once, with its first value, for a schema that judges the whole form. */
  all(): Record<string, unknown>;
}

/**
 * proxy.ts lets only multipart posts reach an action; should anything else arrive (an action
 * called with JSON arguments), it reads as an empty form rather than failing.
 */
export function readForm(received: unknown): Form {
  const formData = received instanceof FormData ? received : new FormData();
  return {
    text(name, max) {
      const value = formData.get(name);
      return typeof value === 'string' ? value.slice(0, max) : '';
    },
    checked: (name) => formData.get(name) === 'on',
    all() {
      const raw: Record<string, unknown> = {};
      formData.forEach((value, key) => {
        if (!(key in raw)) raw[key] = value;
      });
      return raw;
    },
  };
}

/** An id as the database makes them; anything else never reaches a query. */
export { isUuid } from '@/lib/uuid';

// ---------------------------------------------------------------------------------------------
// Answers

/** The answer number after `previous` (1 for the first post). */
export const nextSubmission = (previous: unknown): number =>
  previous && typeof previous === 'object' && 'submission' in previous && typeof previous.submission === 'number'
    ? previous.submission + 1
    : 1;

/** "Too many attempts, try again in …", the one wording of every rate limit, in the words `t`. */
export const waitMessage = (retryAfterSeconds: number, t: Catalogue = pl): string => t.limited(t.wait(retryAfterSeconds));

/** Builds the answers to one post, each stamped with the next submission number; `t` words the limits. */
export function replyTo(previous: unknown, t: Catalogue = pl) {
  const submission = nextSubmission(previous);
  const refused = <Code extends string, Field extends string = string>(code: Code, message: string, values: Values<Field> = {}) => ({
    status: code,
    message,
    submission,
    values,
  });
  return {
    submission,
    idle: <Field extends string = string>(values: Values<Field> = {}) => ({ status: 'idle' as const, submission, values }),
    ok: <Field extends string = string>(values: Values<Field> = {}) => ({ status: 'ok' as const, submission, values }),
    /** Every wrong field with its words; never a password among the values. */
    invalid: <Field extends string>(fieldErrors: FieldErrors<Field>, values: Values<Field> = {}) => ({
      status: 'invalid' as const,
      fieldErrors,
      submission,
      values,
    }),
    refused,
    limited: <Field extends string = string>(retryAfterSeconds: number, values: Values<Field> = {}) =>
      refused('limited' as const, waitMessage(retryAfterSeconds, t), values),
  };
}

export type Reply = ReturnType<typeof replyTo>;

// ---------------------------------------------------------------------------------------------
// Rate limits

/**
 * The guard in front of work that is limited: `peek` only looks (the attempt is counted later,
 * when it fails), `consume` counts this attempt. The seconds to wait, or null to go on.
 */
export async function rateLimited(db: Db, name: LimitName, subject: string | null, mode: 'peek' | 'consume'): Promise<number | null> {
  const result = mode === 'peek' ? await peek(db, name, subject) : await consume(db, name, subject);
  return result.ok ? null : result.retryAfterSeconds;
}

/**
 * Runs a use case; an unexpected failure is logged (its class and code only, never personal
 * data) under `event` and comes back as null, for the form to say so in general words.
 */
export async function attempt<T>(event: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    logError(event, error);
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Callers

/** Who may call an action: anybody, any signed-in user, the patient, any staff member, an admin. */
export type Who = 'anyone' | 'signed-in' | 'patient' | 'staff' | 'admin';

export type CallerOf<W extends Who> = W extends 'patient'
  ? string
  : W extends 'staff' | 'admin'
    ? StaffPrincipal
    : W extends 'signed-in'
      ? Principal
      : null;

/** The caller when they are `who` (the patient's account id, the staff member), else undefined. */
export async function findCaller<W extends Who>(who: W): Promise<CallerOf<W> | undefined> {
  if (who === 'anyone') return null as CallerOf<W>;
  // Loaded when a caller is asked for, so that use cases and their tests can use the rest of
  // the kit without Auth.js (which needs a running Next.js).
  const { currentPatientId, currentSession, currentStaff } = await import('@/lib/auth/auth');
  let caller: string | StaffPrincipal | Principal | null;
  if (who === 'staff' || who === 'admin') caller = await currentStaff(who === 'admin' ? ['admin'] : ['registrar', 'admin']);
  else if (who === 'patient') caller = await currentPatientId();
  else caller = (await currentSession()).principal;
  return (caller ?? undefined) as CallerOf<W> | undefined;
}

/** The signed-in patient's account id; anyone else goes to the sign-in page. */
export async function requirePatient(): Promise<string> {
  return (await findCaller('patient')) ?? redirect('/login');
}

async function requireCaller<W extends Who>(who: W): Promise<CallerOf<W>> {
  const caller = await findCaller(who);
  if (caller !== undefined) return caller;
  redirect(who === 'staff' || who === 'admin' ? '/login?error=forbidden' : '/login');
}

// ---------------------------------------------------------------------------------------------
// The two shapes of an action

interface Request<W extends Who> {
  /** Who called (see `Who`); the action acts for this caller only, never for an id in the form. */
  caller: CallerOf<W>;
  form: Form;
}

/**
 * An action of a form with `useActionState`: `(previous, formData) → state`. A caller who is
 * not `who` is sent to sign in, or answered with `signedOut` when the form should say it. The
 * handler gets the request's words `t`, and `reply` words its limits in them.
 */
export function formAction<State, W extends Who>(
  who: W,
  handle: (request: Request<W> & { reply: Reply; previous: State; t: Catalogue }) => Promise<State>,
  options: { signedOut?: (reply: Reply, t: Catalogue) => State } = {},
): (previous: State, formData: FormData) => Promise<State> {
  return async (previous, formData) => {
    const t = await words(); // the request's language; Polish on staff pages
    const reply = replyTo(previous, t);
    const found = options.signedOut ? await findCaller(who) : await requireCaller(who);
    if (found === undefined) return options.signedOut!(reply, t);
    return handle({ caller: found, form: readForm(formData), reply, previous, t });
  };
}

/** An action that ends with a redirect (the page it leads to shows what happened). */
export function postAction<W extends Who>(who: W, handle: (request: Request<W>) => Promise<void>): (formData: FormData) => Promise<void> {
  return async (formData) => {
    const caller = await requireCaller(who);
    await handle({ caller, form: readForm(formData) });
  };
}

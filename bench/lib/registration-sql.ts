// The registration floor's statements, taken from the code rather than copied from it: one
// registration goes through the app's own path (handleRegistration's rate limits, then
// registerPatient's transaction) on a postgres.js client that records every statement drizzle
// hands it — text, parameters, options, rows — with the transaction and savepoint around them.
// The floor replays those statements through postgres.js alone, with the next registrant's own
// values swapped in. So a change to the use case changes the floor with it.
//
// What a registration owns (its person, its client address and that address's rate-limit keys,
// its captcha nonce, its activation token and the token's hash) is swapped; ids the database
// returns are followed from the rows; times are kept. `checkReplay` proves that this explains
// everything that differs between two real registrations: when the code starts sending a value
// of its own that the swap does not know, the check (run by the bench before every floor, and by
// tests/integration/bench-registration-floor.test.ts) fails instead of the floor measuring
// something else.
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import { handleRegistration } from '@/app/(public)/register/submit-registration';
import { checkChallenge, createChallenge, solveQuestion } from '@/lib/captcha';
import { env } from '@/lib/env';
import { parsePesel } from '@/lib/pesel';
import { generateToken, hashToken } from '@/lib/secret-tokens';
import { limitKey } from '@/lib/security/rate-limit';
import { registrant } from './flows';
import { clientAddress } from './load';

type Client = postgres.Sql | postgres.TransactionSql;

/** One statement as the code sent it, and what it got back. */
export interface Statement {
  text: string;
  params: unknown[];
  options: postgres.UnsafeQueryOptions | undefined;
  /** Rows as arrays (drizzle's `.values()`) rather than objects. */
  values: boolean;
  rows: unknown[];
}

/** A transaction (`begin`) or a savepoint inside one, with the statements sent in it. */
export interface Block {
  block: 'begin' | 'savepoint';
  steps: Step[];
}

export type Step = Statement | Block;

/** The values one registration owns, by what they are. */
type Owned = Record<string, string>;

export interface Recording {
  steps: Step[];
  owned: Owned;
}

/** The owned values of registrant `n`, with `unique` (its captcha nonce and activation token) given. */
function ownedBy(n: number, unique: { nonce: string; token: string }): Owned {
  const person = registrant(n);
  const pesel = parsePesel(person.pesel!);
  if (!pesel.ok) throw new Error(`bench registrant ${n} has an invalid PESEL`);
  const ip = clientAddress(n);
  return {
    ...person,
    // Read from the PESEL by the form's rules.
    birthDate: pesel.birthDate,
    sex: pesel.sex,
    ip,
    captchaKey: limitKey('captcha', ip),
    registerKey: limitKey('register', ip),
    nonce: unique.nonce,
    token: unique.token,
    tokenHash: hashToken(unique.token),
  };
}

/** A client that records every statement drizzle sends through it into `steps`. */
function recordingClient<T extends Client>(client: T, steps: Step[]): T {
  const inBlock = (block: Block['block'], run: (inner: Client) => unknown) => {
    const recorded: Block = { block, steps: [] };
    steps.push(recorded);
    return (inner: Client) => run(recordingClient(inner, recorded.steps));
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (text: string, params: unknown[] = [], options?: postgres.UnsafeQueryOptions) => {
          const statement: Statement = { text, params, options, values: false, rows: [] };
          steps.push(statement);
          const query = target.unsafe(text, params as postgres.ParameterOrJSON<never>[], options);
          const values = query.values.bind(query);
          const then = query.then.bind(query);
          // Both return the same query object, so the rows are seen however drizzle asks for them.
          return Object.assign(query, {
            values: () => {
              statement.values = true;
              return values();
            },
            then: (resolve?: (rows: unknown) => unknown, reject?: (error: unknown) => unknown) =>
              then((rows) => {
                statement.rows = [...rows];
                return resolve ? resolve(rows) : rows;
              }, reject),
          });
        };
      }
      if (property === 'begin') {
        return (run: (inner: Client) => unknown) => (target as postgres.Sql).begin(inBlock('begin', run));
      }
      if (property === 'savepoint') {
        return (run: (inner: Client) => unknown) => (target as postgres.TransactionSql).savepoint(inBlock('savepoint', run));
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * Registers registrant `n` through the app's own code on `client`, recording its statements. The
 * registration is real: its rows stay in the database.
 */
export async function recordRegistration(client: postgres.Sql, n: number): Promise<Recording> {
  const steps: Step[] = [];
  const db = drizzle({ client: recordingClient(client, steps), schema }) as unknown as Db;
  const challenge = createChallenge(env.AUTH_SECRET);
  const captchaAnswer = String(solveQuestion(challenge.question));
  const captcha = checkChallenge(env.AUTH_SECRET, challenge.token, captchaAnswer);
  if (!captcha.ok) throw new Error(`bench: the captcha refused its own answer (${captcha.reason})`);
  const person = registrant(n);
  const answer = await handleRegistration(
    db,
    { ...person, captchaToken: challenge.token, captchaAnswer },
    { ip: clientAddress(n), userAgent: 'e-rejestracja-bench', locale: 'pl' },
  );
  if (answer.status !== 'registered') throw new Error(`bench: recording registrant ${n} ended ${JSON.stringify(answer)}`);
  // The activation token the use case made itself: the word of its email whose hash it stored
  // (read outside the recording).
  const [stored] = await client<Array<{ tokenHash: string }>>`
    select t.token_hash as "tokenHash" from account_tokens t join web_accounts a on a.id = t.account_id where a.login = ${person.login!}`;
  const words = statementsIn(steps).flatMap((s) => s.params.flatMap((p) => (typeof p === 'string' ? (p.match(/[\w-]{32,}/g) ?? []) : [])));
  const token = words.find((word) => hashToken(word) === stored?.tokenHash);
  if (!token) throw new Error('bench: the recorded registration sent no activation token whose hash it stored');
  return { steps, owned: ownedBy(n, { nonce: captcha.nonce, token }) };
}

const statementsIn = (steps: Step[]): Statement[] => steps.flatMap((step) => ('block' in step ? statementsIn(step.steps) : [step]));

/**
 * Old → new values: what registration `from` owns becomes what registration `to` owns, exactly or
 * inside a longer text (the submitted form's JSON, the email); the rows the database returns
 * teach it the ids as the statements run.
 */
class Swap {
  private readonly exact = new Map<string, string>();
  private readonly within: Array<[string, string]> = [];

  constructor(from: Owned, to: Owned) {
    for (const [what, old] of Object.entries(from)) {
      const value = to[what];
      if (value === undefined || value === old) continue;
      this.exact.set(old, value);
      // Short values (sex `K`, `M`) would match inside anything: they are swapped only whole.
      if (old.length >= 8) this.within.push([old, value]);
    }
    this.within.sort((a, b) => b[0].length - a[0].length);
  }

  param(value: unknown): unknown {
    if (typeof value !== 'string') return value;
    const whole = this.exact.get(value);
    if (whole !== undefined) return whole;
    let text = value;
    for (const [old, replacement] of this.within) if (text.includes(old)) text = text.replaceAll(old, replacement);
    return text;
  }

  learn(recorded: unknown[], returned: unknown[]): void {
    const before = recorded.flatMap(cells);
    const after = returned.flatMap(cells);
    before.forEach((old, i) => {
      const value = after[i];
      if (typeof old === 'string' && typeof value === 'string' && old !== value) this.exact.set(old, value);
    });
  }
}

const cells = (row: unknown): unknown[] => (Array.isArray(row) ? row : Object.values(row as object));

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 100);

/**
 * Registrant `n`'s registration by the recorded statements alone: the same texts, options and
 * transaction, through postgres.js (a client configured by drizzle's driver, as the app's is).
 */
export async function replayRegistration(client: postgres.Sql, recording: Recording, n: number): Promise<void> {
  // A random nonce as long as the recorded one; a token as the use case makes them.
  const owned = ownedBy(n, { nonce: generateToken().slice(0, recording.owned.nonce!.length), token: generateToken() });
  await replay(client, recording.steps, new Swap(recording.owned, owned));
}

async function replay(client: Client, steps: Step[], swap: Swap): Promise<void> {
  for (const step of steps) {
    if ('block' in step) {
      const run = (inner: Client) => replay(inner, step.steps, swap);
      await (step.block === 'begin' ? (client as postgres.Sql).begin(run) : (client as postgres.TransactionSql).savepoint(run));
      continue;
    }
    const query = client.unsafe(step.text, step.params.map((p) => swap.param(p)) as postgres.ParameterOrJSON<never>[], step.options);
    const rows: unknown[] = step.values ? await query.values() : await query;
    if (rows.length !== step.rows.length) {
      throw new Error(
        `replayed statement returned ${rows.length} rows where the code's returned ${step.rows.length}: ${oneLine(step.text)}`,
      );
    }
    swap.learn(step.rows, rows);
  }
}

/** Where the code's value and the replay's part, with a little of each around it. */
function difference(sent: unknown, predicted: unknown): string {
  const [a, b] = [JSON.stringify(sent) ?? 'undefined', JSON.stringify(predicted) ?? 'undefined'];
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const around = (text: string) => `${at > 40 ? '…' : ''}${text.slice(Math.max(0, at - 40), at + 60)}${text.length > at + 60 ? '…' : ''}`;
  return `was ${around(a)} where the replay would send ${around(b)}`;
}

/** A time the code took from the clock: replays keep the recorded one. */
const isTime = (value: unknown) =>
  value instanceof Date || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/.test(value));

const statementsOf = (steps: Step[]): string[] =>
  steps.flatMap((step) => ('block' in step ? [step.block, ...statementsOf(step.steps), `end ${step.block}`] : [oneLine(step.text)]));

/**
 * Proves that replaying `first` for the registrant of `second` sends what the code sent for it:
 * the same statements in the same transaction, each parameter the swap's prediction (times
 * aside). Throws, naming the statement and parameter, where it does not.
 */
export function checkReplay(first: Recording, second: Recording): void {
  const [a, b] = [statementsOf(first.steps), statementsOf(second.steps)];
  if (a.join('\n') !== b.join('\n')) {
    throw new Error(`bench floor: two registrations through the code sent different statements:\n${a.join('\n')}\n---\n${b.join('\n')}`);
  }
  const swap = new Swap(first.owned, second.owned);
  const compare = (one: Step[], other: Step[]) =>
    one.forEach((step, i) => {
      const counterpart = other[i]!;
      if ('block' in step) return compare(step.steps, (counterpart as Block).steps);
      const sent = counterpart as Statement;
      const where = `bench floor: ${oneLine(step.text)}`;
      if (step.text !== sent.text || step.values !== sent.values || JSON.stringify(step.options) !== JSON.stringify(sent.options)) {
        throw new Error(`${where}: the statement's text or options differ between two registrations`);
      }
      if (step.params.length !== sent.params.length) throw new Error(`${where}: the number of parameters differs`);
      step.params.forEach((param, j) => {
        const predicted = swap.param(param);
        if (predicted === sent.params[j] || (isTime(param) && isTime(sent.params[j]))) return;
        throw new Error(
          `${where}: parameter $${j + 1} ${difference(sent.params[j], predicted)}; ` +
            'the use case now sends a value of its own that bench/lib/registration-sql.ts does not swap',
        );
      });
      if (step.rows.length !== sent.rows.length) throw new Error(`${where}: the number of rows returned differs`);
      swap.learn(step.rows, sent.rows);
    });
  compare(first.steps, second.steps);
}

/** A postgres.js client with the type handling drizzle's driver gives the app's (times and JSON as text). */
export function configureLikeTheApp(client: postgres.Sql): postgres.Sql {
  drizzle({ client });
  return client;
}

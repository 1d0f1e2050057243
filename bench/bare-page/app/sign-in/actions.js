'use server';

import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import postgres from 'postgres';

// What any Next sign-in must pay, and nothing more: one row read by its primary key, one
// argon2.verify, one httpOnly cookie, the 303. No rate limits, no session row, no audit: the
// floor bench:signin puts our sign-in against. The pool is as big as the app's (db/client.ts).

/** @type {{ __floorSql?: import('postgres').Sql }} */
const shared = /** @type {never} */ (globalThis);
const db = () => (shared.__floorSql ??= postgres(process.env.DATABASE_URL ?? '', { max: 10, onnotice: () => {} }));

/** @param {FormData} form */
export async function signIn(form) {
  const login = String(form.get('login') ?? '').slice(0, 64);
  const password = String(form.get('password') ?? '').slice(0, 1024);
  const [row] = await db()`select password_hash from floor_accounts where login = ${login}`;
  if (!row || !(await argon2.verify(row.password_hash, password))) redirect('/sign-in?failed=1');
  (await cookies()).set('session', randomBytes(32).toString('base64url'), { httpOnly: true, sameSite: 'lax', path: '/' });
  redirect('/account');
}

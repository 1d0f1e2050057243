// Password hashing, behind one module: argon2id above OWASP's minimum. node-argon2 hashes on
// libuv's thread pool, so the event loop is never blocked.
import argon2 from 'argon2';

export const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** True for hashes made with weaker (or other) parameters: they are replaced at sign-in. */
export function needsRehash(hash: string): boolean {
  // argon2.needsRehash compares parameters only, not the variant: argon2i/d hashes move to id.
  return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, HASH_OPTIONS);
}

let dummy: Promise<string> | undefined;

/** Spends the same time as a real check, for logins that do not exist. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('dummy-password-that-never-matches');
  await verifyPassword(await dummy, password);
  return false;
}

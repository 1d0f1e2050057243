// Staff sign-in in e2e tests includes the second factor (STAFF_MFA=required in production). The
// first sign-in of a login enrols it through the UI, reading the base32 secret the page shows;
// the secret is kept in a file of this run so every worker can compute codes. A code is accepted
// once per 30 s step, so workers take turns per login (a lock directory) and wait for a fresh step.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';

const runId = createHash('sha256')
  .update(process.env.E2E_DATABASE_URL || process.env.E2E_PGLITE_DIR || 'local')
  .digest('hex')
  .slice(0, 12);
const dir = join(process.cwd(), '.test-output', `totp-${runId}`);

const fileOf = (login: string, kind: 'secret' | 'step') => join(dir, `${login}.${kind}`);

function read(login: string, kind: 'secret' | 'step'): string | null {
  try {
    return readFileSync(fileOf(login, kind), 'utf8');
  } catch {
    return null;
  }
}

/** Runs `work` while holding this login's lock (shared by all workers of the run). */
export async function withLoginLock<T>(login: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, `${login}.lock`);
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > 120_000) throw new Error(`TOTP lock for ${login} not released`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmdirSync(lock);
  }
}

export function savedSecret(login: string): string | null {
  return read(login, 'secret');
}

export function saveSecret(login: string, secret: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(fileOf(login, 'secret'), secret);
}

/**
 * A code of a 30 s step this login has not used yet (waits for the next step when needed).
 * Call it under withLoginLock.
 */
export async function freshCode(login: string, secret: string): Promise<string> {
  const last = Number(read(login, 'step') ?? '-1');
  let step = Math.floor(Date.now() / 30_000);
  // Keep a margin from the step's end so the server sees the same step.
  if (step <= last || Date.now() % 30_000 > 27_000) {
    const target = Math.max(last + 1, step + 1);
    await new Promise((r) => setTimeout(r, target * 30_000 - Date.now() + 100));
    step = target;
  }
  writeFileSync(fileOf(login, 'step'), String(step));
  return generate({ secret, epoch: step * 30 });
}

/** Reads the enrolment page's secret (the base32 text beside the QR code). */
export async function enrolmentSecret(page: Page): Promise<string> {
  const secret = await page.locator('[data-totp-secret]').getAttribute('data-totp-secret');
  expect(secret, 'the enrolment page shows the secret as text').toMatch(/^[A-Z2-7]{16,}$/);
  return secret!;
}

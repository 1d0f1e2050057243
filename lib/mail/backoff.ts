// When an outbox (email or SMS) tries a message again after a retryable failure.

/** Exponential backoff with jitter: ~5 s, 10 s, 20 s … capped at 1 h. */
export function backoffMs(attempt: number, random = Math.random): number {
  const ceiling = Math.min(3600_000, 5000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

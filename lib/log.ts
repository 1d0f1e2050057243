// Minimal structured logging. Never pass personal data (PESEL, names, email, phone, tokens):
// errors are reduced to their class, code and message.

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { error: error.name, code: typeof code === 'string' ? code : undefined, stack: error.stack?.split('\n').slice(0, 4).join(' | ') };
  }
  return { error: typeof error };
}

export function logError(event: string, error?: unknown): void {
  console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), event, ...(error === undefined ? {} : describe(error)) }));
}

export function logInfo(event: string, fields: Record<string, string | number | boolean> = {}): void {
  console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), event, ...fields }));
}

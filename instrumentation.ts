export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { onServerStart } = await import('./lib/startup');
  try {
    await onServerStart();
  } catch (error) {
    // Invalid configuration (say, no AUTH_SECRET in production) or no database: refuse to serve.
    console.error(`E-Rejestracja cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/startup');
  await startServer();
  (await import('./lib/ops/server-hooks')).installServerHooks();
}

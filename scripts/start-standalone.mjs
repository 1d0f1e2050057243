// npm run start:standalone — serves the standalone build (`npm run build` prepares it) on PORT
// (and HOSTNAME, default 0.0.0.0), exactly as the container's CMD does: Next's generated
// server.js, which changes into its own folder first. Plain node, no tsx: this process is the
// server, so SIGTERM reaches it directly.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = process.env.NEXT_DIST_DIR || '.next';
const folder = path.resolve(dist, 'standalone');
if (!existsSync(path.join(folder, 'server.js')) || !existsSync(path.join(folder, dist, 'static'))) {
  console.error(`No prepared standalone build in ${folder}: run \`npm run build\` first.`);
  process.exit(1);
}
await import(pathToFileURL(path.join(folder, 'server.js')).href);

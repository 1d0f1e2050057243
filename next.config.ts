import type { NextConfig } from 'next';
import { staticSecurityHeaders } from './lib/security/headers';

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time: PGlite reads its WebAssembly next to its own files,
  // argon2 is a native addon, postgres.js must not be bundled twice, and rate-limiter-flexible
  // imports drizzle-orm at run time, so both must be the same copy from node_modules.
  // prom-client too: one copy of its registry for every bundle in the process (lib/metrics.ts).
  serverExternalPackages: ['@electric-sql/pglite', 'argon2', 'postgres', 'drizzle-orm', 'rate-limiter-flexible', 'pino', 'prom-client'],
  // `node server.js` in .next/standalone serves the app with only the files it needs (issue 14);
  // `next start` keeps working on the same build. Traced in by hand: the migrations, read at
  // start-up from db/migrations, which no import reaches; and argon2's addon when npm compiled it
  // (build/Release, which node-gyp-build prefers): the tracer only copies the prebuilt ones, and
  // where npm had to compile (a prebuilt binary that does not load), those crash the server.
  output: 'standalone',
  outputFileTracingIncludes: { '/*': ['./db/migrations/**/*', './node_modules/argon2/build/Release/*.node'] },
  // A second build directory lets a test run build beside a running server (NEXT_DIST_DIR).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  headers() {
    return Promise.resolve(staticSecurityHeaders());
  },
  experimental: {
    serverActions: { bodySizeLimit: '100kb' },
  },
};

export default nextConfig;

import type { NextConfig } from 'next';
import { staticSecurityHeaders } from './lib/security/headers';

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time: PGlite reads its WebAssembly next to its own files,
  // argon2 is a native addon, postgres.js must not be bundled twice, and rate-limiter-flexible
  // imports drizzle-orm at run time, so both must be the same copy from node_modules.
  serverExternalPackages: ['@electric-sql/pglite', 'argon2', 'postgres', 'drizzle-orm', 'rate-limiter-flexible', 'pino'],
  // A second build directory lets a test run build beside a running server (NEXT_DIST_DIR).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: staticSecurityHeaders() }];
  },
  experimental: {
    serverActions: { bodySizeLimit: '100kb' },
  },
};

export default nextConfig;

import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time: PGlite reads its WebAssembly next to its own files,
  // argon2 is a native addon, and postgres.js must not be bundled twice.
  serverExternalPackages: ['@electric-sql/pglite', 'argon2', 'postgres'],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: '100kb' },
  },
};

export default nextConfig;

// The fair peer of bench:peer: better-auth inside a Next 16 app. bench/lib/peer-next.ts copies
// this folder to a temporary directory, gives it a node_modules of links to this folder's own
// packages (better-auth, argon2, pg) and to the repository's (next, react), builds it there like
// bench/bare-page (inside the repository, Next took the repository's instrumentation.ts and
// proxy.ts into it) and runs the standalone server, as the app runs. The roots are '/' because
// those links lead outside the copy. JavaScript, no tsconfig.json: nothing here for TypeScript.

/** @type {import('next').NextConfig} */
const config = {
  output: 'standalone',
  turbopack: { root: '/' },
  outputFileTracingRoot: '/',
  // Loaded from node_modules at run time, as in the app (argon2 is a native addon), and
  // argon2's addon traced in by hand when npm compiled it (see the app's next.config.ts).
  serverExternalPackages: ['argon2', 'pg'],
  outputFileTracingIncludes: { '/*': ['./node_modules/argon2/build/Release/*.node'] },
};

export default config;

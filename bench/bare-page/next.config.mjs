// The bare Next 16 app of the benchmarks: / holds one useActionState form (the page bench:weight
// weighs against, the action bench:signin compares Next's own cost with); /sign-in is the floor of
// bench:signin (a plain form whose action reads one row, runs argon2.verify and sets a cookie; it
// needs DATABASE_URL). bench/lib/bare-page.ts copies this folder to a temporary directory, links
// the repository's node_modules into it (so it is built with the repository's own next and react)
// and builds it there: inside the repository, Next took the repository's instrumentation.ts and proxy.ts into
// this app. The root is '/' because that node_modules link leads outside the copy.
// JavaScript, no tsconfig.json: nothing here for TypeScript to check.

/** @type {import('next').NextConfig} */
const config = { turbopack: { root: '/' } };

export default config;

// The bare page of bench:weight: a Next 16 app with one page holding one useActionState form.
// bench/weight.ts copies this folder to a temporary directory, links the repository's
// node_modules into it (so it is built with the repository's own next and react) and builds it
// there: inside the repository, Next took the repository's instrumentation.ts and proxy.ts into
// this app. The root is '/' because that node_modules link leads outside the copy.
// JavaScript, no tsconfig.json: nothing here for TypeScript to check.

/** @type {import('next').NextConfig} */
const config = { turbopack: { root: '/' } };

export default config;

// Maps a request path to the route template Next built it from (`/activate/[token]`), using the
// build's own routes-manifest.json, so that metrics are labelled by a bounded set of templates and
// never by a token, an id or anything else a patient typed into a URL.

export interface ManifestRoute {
  page: string;
  regex: string;
}

export interface RoutesManifest {
  staticRoutes?: ManifestRoute[];
  dynamicRoutes?: ManifestRoute[];
}

/** Paths outside any route (404s, scanners): one label for all of them. */
export const UNMATCHED = '(unmatched)';

export type RouteMatcher = (pathname: string) => string;

export function createRouteMatcher(manifest: RoutesManifest): RouteMatcher {
  const statics = new Set((manifest.staticRoutes ?? []).map((r) => r.page));
  const dynamics = (manifest.dynamicRoutes ?? []).flatMap((r) => {
    try {
      return [{ page: r.page, regex: new RegExp(r.regex) }];
    } catch {
      return [];
    }
  });
  return (rawPath) => {
    let pathname = rawPath.split('?')[0] ?? '/';
    if (pathname.startsWith('/_next/static/')) return '/_next/static';
    if (pathname.startsWith('/_next/image')) return '/_next/image';
    if (pathname.startsWith('/_next/')) return '/_next';
    if (pathname.length > 1 && pathname.endsWith('/')) pathname = pathname.slice(0, -1);
    if (pathname.endsWith('.rsc')) pathname = pathname.slice(0, -4) || '/';
    if (statics.has(pathname)) return pathname;
    for (const route of dynamics) if (route.regex.test(pathname)) return route.page;
    return UNMATCHED;
  };
}

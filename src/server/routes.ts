/**
 * The proxy's allowlist: exactly the Trackstar endpoints the library calls, derived
 * from the write-action catalogue so a new action needs no second table here.
 */
import { WRITE_ACTIONS, recordPathTemplate } from '../core/actions';

export type ProxiedMethod = 'GET' | 'POST' | 'PUT';

type SegmentMatcher =
  | { readonly kind: 'literal'; readonly value: string }
  /** One non-empty path segment, optionally restricted to a fixed set of values. */
  | { readonly kind: 'param'; readonly allowedValues: ReadonlySet<string> | null };

export interface ProxyRoute {
  readonly method: ProxiedMethod;
  /** Path template with `{param}` placeholders, as in the catalogue. */
  readonly template: string;
  readonly segments: readonly SegmentMatcher[];
  /**
   * `GET /integrations/{type}[/{name}]`: rate limited upstream to one call a minute
   * and identical for every user of the API key, so answers are shared and cached.
   */
  readonly sharedAndCached: boolean;
  /**
   * Query parameters Trackstar documents for this endpoint (`method` of `/meta`); any
   * other parameter a client adds is dropped, so it can neither reach Trackstar nor
   * split a cache.
   */
  readonly forwardedQuery: readonly string[];
}

export type RouteMatch =
  | { readonly kind: 'matched'; readonly route: ProxyRoute; readonly upstreamPath: string }
  | { readonly kind: 'method-not-allowed'; readonly allowedMethods: readonly ProxiedMethod[] }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unsafe-path'; readonly reason: string };

const INTEGRATION_TYPE_PARAM = 'integration_type';

function parseTemplate(template: string, integrationTypes: ReadonlySet<string>): SegmentMatcher[] {
  return template
    .split('/')
    .slice(1)
    .map((segment): SegmentMatcher => {
      const placeholder = /^\{([^}]+)\}$/.exec(segment);
      if (!placeholder) return { kind: 'literal', value: segment };
      return { kind: 'param', allowedValues: placeholder[1] === INTEGRATION_TYPE_PARAM ? integrationTypes : null };
    });
}

function buildRoutes(): ProxyRoute[] {
  const actions = Object.values(WRITE_ACTIONS);
  const integrationTypes = new Set<string>(actions.map((action) => action.integrationType));
  const metaPaths = new Set(
    actions.flatMap((action) =>
      action.metaResource === null ? [] : [`/${action.integrationType}/${action.metaResource}/meta`],
    ),
  );

  const definitions: Array<{ method: ProxiedMethod; template: string; sharedAndCached?: boolean; forwardedQuery?: readonly string[] }> = [
    { method: 'GET', template: `/integrations/{${INTEGRATION_TYPE_PARAM}}`, sharedAndCached: true },
    { method: 'GET', template: `/integrations/{${INTEGRATION_TYPE_PARAM}}/{integration_name}`, sharedAndCached: true },
    { method: 'GET', template: `/integrations/{${INTEGRATION_TYPE_PARAM}}/{integration_name}/write-info` },
    ...Array.from(metaPaths).flatMap((metaPath) => [
      { method: 'GET' as const, template: metaPath, forwardedQuery: META_QUERY },
      { method: 'GET' as const, template: `${metaPath}/{integration_name}`, forwardedQuery: META_QUERY },
    ]),
    ...actions.map((action) => ({ method: action.method, template: action.path })),
    // Prefilled updates: the record each update action changes, read with the connection's token.
    ...actions.flatMap((action) => {
      const recordPath = recordPathTemplate(action.action);
      return recordPath === undefined ? [] : [{ method: 'GET' as const, template: recordPath }];
    }),
  ];

  const seen = new Set<string>();
  const routes: ProxyRoute[] = [];
  for (const { method, template, sharedAndCached = false, forwardedQuery = [] } of definitions) {
    const key = `${method} ${template}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method, template, segments: parseTemplate(template, integrationTypes), sharedAndCached, forwardedQuery });
  }
  return routes;
}

/** `/meta?method=POST|PUT` is the only query parameter the library's endpoints take. */
const META_QUERY: readonly string[] = ['method'];

export const PROXY_ROUTES: readonly ProxyRoute[] = Object.freeze(buildRoutes());

/** The query string sent upstream: the route's documented parameters only, first value of each. */
export function forwardedSearch(route: ProxyRoute, search: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of route.forwardedQuery) {
    const value = search.get(name);
    if (value !== null) kept.set(name, value);
  }
  const text = kept.toString();
  return text === '' ? '' : `?${text}`;
}

type DecodedSegments = { readonly ok: true; readonly segments: string[] } | { readonly ok: false; readonly reason: string };

/**
 * Decodes each segment of a URL pathname and refuses anything that could make the
 * upstream URL point somewhere other than the route it matched: malformed escapes,
 * encoded `/` or `\`, dot segments and control characters.
 */
function decodeSegments(pathname: string): DecodedSegments {
  const segments: string[] = [];
  for (const raw of pathname.split('/').slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return { ok: false, reason: 'The path contains a malformed percent-encoding.' };
    }
    if (decoded.includes('/') || decoded.includes('\\')) {
      return { ok: false, reason: 'The path contains an encoded slash or backslash.' };
    }
    if (decoded === '.' || decoded === '..') {
      return { ok: false, reason: 'The path contains a "." or ".." segment.' };
    }
    if (/[\u0000-\u001f\u007f]/.test(decoded)) {
      return { ok: false, reason: 'The path contains a control character.' };
    }
    segments.push(decoded);
  }
  return { ok: true, segments };
}

function segmentsMatch(route: ProxyRoute, segments: readonly string[]): boolean {
  if (route.segments.length !== segments.length) return false;
  return route.segments.every((matcher, index) => {
    const segment = segments[index]!;
    if (matcher.kind === 'literal') return segment === matcher.value;
    return segment !== '' && (matcher.allowedValues === null || matcher.allowedValues.has(segment));
  });
}

/** The upstream path is rebuilt from the template, so only the parameters come from the client, re-encoded. */
function upstreamPathFor(route: ProxyRoute, segments: readonly string[]): string {
  return route.segments
    .map((matcher, index) => `/${matcher.kind === 'literal' ? matcher.value : encodeURIComponent(segments[index]!)}`)
    .join('');
}

/** Matches a pathname (already relative to the mount point, starting with `/`) against the allowlist. */
export function matchRoute(method: string, pathname: string): RouteMatch {
  if (!pathname.startsWith('/')) return { kind: 'not-found' };
  const decoded = decodeSegments(pathname);
  if (!decoded.ok) return { kind: 'unsafe-path', reason: decoded.reason };

  const routesForPath = PROXY_ROUTES.filter((route) => segmentsMatch(route, decoded.segments));
  if (routesForPath.length === 0) return { kind: 'not-found' };

  const route = routesForPath.find((candidate) => candidate.method === method.toUpperCase());
  if (!route) {
    return { kind: 'method-not-allowed', allowedMethods: Array.from(new Set(routesForPath.map((r) => r.method))) };
  }
  return { kind: 'matched', route, upstreamPath: upstreamPathFor(route, decoded.segments) };
}

/**
 * For a path that matched nothing: the prefix that, stripped, would leave an endpoint
 * the proxy forwards (`/api/trackstar/wms/orders` → `/api/trackstar`). It tells a host
 * what `basePath` it meant.
 */
export function mountPrefixFor(method: string, pathname: string): string | undefined {
  const segments = pathname.split('/');
  for (let cut = 2; cut < segments.length; cut += 1) {
    const rest = `/${segments.slice(cut).join('/')}`;
    if (matchRoute(method, rest).kind === 'matched') return segments.slice(0, cut).join('/');
  }
  return undefined;
}

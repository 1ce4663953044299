import type { RouteOptions } from 'fastify';

/** Routes that come from plugins (docs UI, static files) are public by this one rule. */
function isPluginRoute(url: string) {
  return !url.startsWith('/api/') || url.startsWith('/api/docs');
}

/**
 * Every API route declares who may call it, and every POST says whether it is idempotent.
 * Returns what is missing, or null. app.ts refuses to register a route that fails this, and a
 * test enumerates the routes to show none slipped through.
 */
export function findRouteDeclarationProblem(
  route: Pick<RouteOptions, 'url' | 'method' | 'config'>,
): string | null {
  const config = route.config as { access?: unknown; idempotent?: unknown } | undefined;
  if (isPluginRoute(route.url)) {
    if (config?.access === undefined)
      route.config = { ...(config ?? {}), access: { public: true } } as NonNullable<
        RouteOptions['config']
      >;
    return null;
  }
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (config?.access === undefined)
    return `route ${methods.join(',')} ${route.url} declares no access`;
  if (methods.includes('POST') && typeof config.idempotent !== 'boolean') {
    return `POST ${route.url} must declare idempotent: true or false`;
  }
  return null;
}

export interface RouteSummary {
  methods: string[];
  url: string;
  access: unknown;
  idempotent: boolean | undefined;
}

export function summarizeRoute(
  route: Pick<RouteOptions, 'url' | 'method' | 'config'>,
): RouteSummary {
  const config = route.config as { access?: unknown; idempotent?: boolean } | undefined;
  return {
    methods: Array.isArray(route.method) ? [...route.method] : [route.method],
    url: route.url,
    access: config?.access,
    idempotent: config?.idempotent,
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route with its declaration, for the test that enumerates them. */
    routeTable: RouteSummary[];
  }
}

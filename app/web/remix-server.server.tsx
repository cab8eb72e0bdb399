import { UNSAFE_RemixContext as RemixContext, type RemixServer as RemixServerType } from "@remix-run/react";
// Remix's own modules, not re-exported by its index. The package is pinned (package-lock.json) and
// the test in remix-server.server.test.tsx renders pages with both components and compares them.
import { RemixErrorBoundary } from "@remix-run/react/dist/errorBoundaries.js";
import { createServerRoutes, shouldHydrateRouteLoader } from "@remix-run/react/dist/routes.js";
import type { ComponentProps } from "react";
import { createStaticRouter, StaticRouterProvider } from "react-router-dom/server.js";

type Props = ComponentProps<typeof RemixServerType>;
type ServerRoutes = ReturnType<typeof createServerRoutes>;

/**
 * Remix's `RemixServer` (v2.17), less one cost: it builds the tree of every route of the app
 * (~130 here) on each request, though the tree depends only on the build. We build it once per
 * build and keep it (decision 068). Everything else is as Remix does it: the same context, the
 * same error boundary, the same static router. Single fetch is off (remix.config.js), so its
 * stream transfer is left out; the address is already in the router's context, as Remix reads it.
 */
const routesByManifest = new WeakMap<object, ServerRoutes>();

export function PortalRemixServer({ context, abortDelay }: Props) {
  const { manifest, routeModules, criticalCss, serverHandoffString } = context;
  let routes = routesByManifest.get(manifest.routes);
  if (!routes) {
    routes = createServerRoutes(manifest.routes, routeModules, context.future, context.isSpaMode);
    routesByManifest.set(manifest.routes, routes);
  }
  // As Remix does: routes that hydrate their own data render their fallback on the server.
  context.staticHandlerContext.loaderData = { ...context.staticHandlerContext.loaderData };
  for (const match of context.staticHandlerContext.matches) {
    const routeId = match.route.id;
    const route = routeModules[routeId];
    const manifestRoute = manifest.routes[routeId];
    if (route && manifestRoute && shouldHydrateRouteLoader(manifestRoute, route, context.isSpaMode) && (route.HydrateFallback || !manifestRoute.hasLoader)) {
      context.staticHandlerContext.loaderData[routeId] = undefined;
    }
  }
  const router = createStaticRouter(routes, context.staticHandlerContext, {
    future: { v7_partialHydration: true, v7_relativeSplatPath: context.future.v3_relativeSplatPath },
  });
  return (
    <RemixContext.Provider
      value={{
        manifest,
        routeModules,
        criticalCss,
        serverHandoffString,
        future: context.future,
        isSpaMode: context.isSpaMode,
        serializeError: context.serializeError,
        abortDelay,
        renderMeta: context.renderMeta,
      }}
    >
      <RemixErrorBoundary location={router.state.location}>
        <StaticRouterProvider router={router} context={context.staticHandlerContext} hydrate={false} />
      </RemixErrorBoundary>
    </RemixContext.Provider>
  );
}

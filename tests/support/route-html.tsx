import { Outlet } from "@remix-run/react";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import type { LanguageCode } from "~/i18n";
import { serverHtml } from "./server-html";

export { words } from "./server-html";

/**
 * What the server sends for a route's page, given what its loader returned, in a language: the page
 * in a static router (as Remix renders on the server) under a root route with the form token its
 * forms read, before any JavaScript runs.
 */
export async function routeHtml(Page: React.ComponentType, loaderData: object, lng: LanguageCode = "en-GB"): Promise<string> {
  const handler = createStaticHandler([
    {
      id: "root",
      path: "/",
      Component: Outlet,
      loader: () => ({ csrf: "test-token" }),
      children: [{ id: "page", index: true, Component: Page, loader: () => loaderData }],
    },
  ]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error(`The test router answered ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return serverHtml(<StaticRouterProvider router={router} context={context} hydrate={false} />, lng);
}

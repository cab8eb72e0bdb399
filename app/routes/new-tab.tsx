import type { LoaderFunctionArgs } from "@remix-run/node";
import { neutralPage } from "~/web/neutral-page.server";

/**
 * The neutral page "Exit this page" leads to when EXIT_PAGE_URL is not set (decision 059): a
 * plain page of shortcuts, like a browser's new tab, with nothing of the portal on it. Not a
 * Remix page (no root): no header, no name, no scripts, no stylesheet of ours.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return neutralPage(request, typeof context.cspNonce === "string" ? context.cspNonce : null);
}

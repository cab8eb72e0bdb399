import { Link as RemixLink } from "@remix-run/react";
import type { ComponentPropsWithoutRef } from "react";

export interface LinkProps extends Omit<ComponentPropsWithoutRef<"a">, "href"> {
  href: string;
}

/**
 * Whether Remix can draw the page an href leads to without loading the document again: a path of
 * this site (not `//host`), opened here (no target, not a download), and not a file such as
 * `calendar.ics` or `copy.json` (a resource route, which has no page to draw).
 */
export function navigatesInApp(href: string, { target, download }: Pick<LinkProps, "target" | "download"> = {}): boolean {
  if (!href.startsWith("/") || href.startsWith("//") || href.startsWith("/\\")) return false;
  if ((target && target !== "_self") || (download !== undefined && download !== false)) return false;
  const lastSegment = href.split(/[?#]/, 1)[0]!.split("/").pop()!;
  return !lastSegment.includes(".");
}

/**
 * A real <a href> (decision 072). A page of this app goes through Remix's <Link>: drawn in the
 * browser with JavaScript, a plain link without. Anything else (another site, mailto: or tel:, a
 * #fragment of this page, a download, a file from a resource route) is a plain <a>: the browser
 * loads it itself.
 */
export function Link({ className, href, children, ...props }: LinkProps) {
  const classes = ["link", className].filter(Boolean).join(" ");
  // discover="none": the route is looked up when the link is followed, as navigate() did before.
  if (navigatesInApp(href, props)) {
    return (
      <RemixLink {...props} to={href} discover="none" className={classes}>
        {children}
      </RemixLink>
    );
  }
  return (
    <a {...props} href={href} className={classes}>
      {children}
    </a>
  );
}

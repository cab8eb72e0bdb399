import type { LinksFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useContext, useEffect, useLayoutEffect, useRef } from "react";
// Remix does not re-export this; it is how the root sees every route's action data (for "Error: " titles).
import { UNSAFE_DataRouterStateContext as DataRouterStateContext } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { hasFormErrors } from "~/components/forms/form-errors";
import { SessionTimeoutWarning } from "~/components/layout/SessionTimeoutWarning";
import { SiteFooter } from "~/components/layout/SiteFooter";
import { SiteHeader } from "~/components/layout/SiteHeader";
import { SuccessBanner } from "~/components/layout/SuccessBanner";
import { directionOf, isSupportedLanguage } from "~/i18n";
import { useNonce } from "~/utils/nonce";
import { restoreTypedBeforeHydration } from "~/utils/typed-before-hydration";
import { translationPrefetchScript } from "~/utils/translation-prefetch";
import type { loader } from "~/web/root-loader.server";
import styles from "~/styles/app.css";

// The root's loader lives in a .server module of its own: the browser build replaces each .server
// module a route imports with an empty one, and each one the root shared with other routes was a
// chunk of its own on every page (about 0.1 KB each; decision 049).
export { loader } from "~/web/root-loader.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export interface RouteHandle {
  /** Translation key of the page's <title> (and usually its <h1>). */
  titleKey?: string;
  /**
   * `false`: the page is sent with no JavaScript at all (urgent help: a crisis page for someone on a
   * poor connection; it does everything without). Reached from a page that has JavaScript, it is
   * rendered in the browser as any other page.
   */
  hydrate?: false;
}

/** A layout effect in the browser; nothing on the server (where React warns about layout effects). */
const useIsomorphicLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/** Whether this document is sent with the app's scripts: always, but for a page that needs none. */
function useSendsScripts(): boolean {
  const matches = useMatches();
  return typeof document !== "undefined" || !matches.some((m) => (m.handle as RouteHandle | undefined)?.hydrate === false);
}

function usePageTitle(serviceName: string): string {
  const { t } = useTranslation();
  const matches = useMatches();
  const routerState = useContext(DataRouterStateContext);
  const leaf = [...matches].reverse().find((m) => {
    const data = m.data as { pageTitle?: unknown } | undefined;
    return typeof data?.pageTitle === "string" || (m.handle as RouteHandle | undefined)?.titleKey;
  });
  const data = leaf?.data as { pageTitle?: string } | undefined;
  const titleKey = (leaf?.handle as RouteHandle | undefined)?.titleKey;
  const actionData = Object.values(routerState?.actionData ?? {});
  // An action can name the page it shows (a confirmation, say); otherwise the loader or the handle does.
  const fromAction = actionData
    .map((d) => (d && typeof d === "object" ? (d as { pageTitle?: unknown }).pageTitle : undefined))
    .find((title): title is string => typeof title === "string");
  const page = fromAction ?? data?.pageTitle ?? (titleKey ? t(titleKey) : "");
  const withErrors = actionData.some(hasFormErrors);
  const title = page ? `${page} – ${serviceName}` : serviceName;
  return withErrors ? `${t("common:form.errorTitlePrefix")} ${title}` : title;
}

/**
 * The success message belongs to the page it arrived with: with JavaScript the root's data stays
 * the same while the person moves on to other pages, so the banner is left behind there.
 */
function useFlashForThisPage(flash: { message: string; id: string } | null | undefined) {
  const location = useLocation();
  const seen = useRef<{ id: string; key: string } | null>(null);
  if (flash && seen.current?.id !== flash.id) seen.current = { id: flash.id, key: location.key };
  return flash && seen.current?.key === location.key ? flash : null;
}

function Document({ children, title }: { children: React.ReactNode; title: string }) {
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const lng = isSupportedLanguage(i18n.language) ? i18n.language : "en-GB";
  const { t } = useTranslation();
  const serviceName = data?.serviceName ?? t("common:serviceName");
  const scripts = useSendsScripts();
  const bundle = data?.translations ? null : (i18n.store?.data?.[lng] ?? {});
  // Marks the page as interactive once React has hydrated it: the browser tests wait for this
  // instead of guessing with a fixed delay or "network idle".
  // What was typed before then is put back first (hydration resets React Aria's fields), as the
  // page is hydrated, before the browser handles another event (typed-before-hydration.ts).
  useIsomorphicLayoutEffect(() => {
    restoreTypedBeforeHydration();
  }, []);
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  const flash = useFlashForThisPage(data?.flash);
  return (
    <html lang={lng} dir={directionOf(lng)} data-static={scripts ? undefined : "true"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {nonce ? <meta property="csp-nonce" content={nonce} /> : null}
        <title>{title}</title>
        {/* The translation files start loading with the page, alongside its scripts, not after
            them (decision 075): only where scripts run, so nobody downloads words they cannot use. */}
        {scripts && data?.translations ? (
          <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: translationPrefetchScript(data.translations) }} />
        ) : null}
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("common:skipLink")}
        </a>
        <SiteHeader serviceName={serviceName} user={data?.user ?? null} crisisPlan={data?.crisisPlan ?? null} exitTo={data?.exitTo} />
        <div className="width-container">
          <main id="main" className="main" tabIndex={-1}>
            {flash ? <SuccessBanner message={flash.message} id={flash.id} /> : null}
            {children}
          </main>
        </div>
        <SiteFooter />
        {data?.session ? <SessionTimeoutWarning {...data.session} /> : null}
        {!scripts ? null : data?.translations ? (
          <script
            id="i18n-files"
            type="application/json"
            nonce={nonce}
            suppressHydrationWarning
            dangerouslySetInnerHTML={{ __html: JSON.stringify(data.translations) }}
          />
        ) : (
          // A page whose root data is missing (an error before the root loader finished) carries
          // its translations itself, as it cannot name the files.
          <script
            id="i18n-resources"
            type="application/json"
            nonce={nonce}
            suppressHydrationWarning
            // Escaped so that no translation can close the script element.
            dangerouslySetInnerHTML={{ __html: JSON.stringify(bundle).replace(/</g, "\\u003c") }}
          />
        )}
        {scripts ? <ScrollRestoration nonce={nonce} /> : null}
        {scripts ? <Scripts nonce={nonce} /> : null}
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation();
  const title = usePageTitle(data?.serviceName ?? t("common:serviceName"));
  return (
    <Document title={title}>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind =
    status === 404
      ? "notFound"
      : status === 403
        ? "forbidden"
        : status === 400
          ? "badRequest"
          : status === 503
            ? "unavailable"
            : status === 413
              ? "tooLarge"
              : "server";
  const heading = t(`common:errors.${kind}.title`);
  return (
    <Document title={`${heading} – ${t("common:serviceName")}`}>
      <h1 className="heading-xl">{heading}</h1>
      <p>{t(`common:errors.${kind}.body`)}</p>
      <p>{t("common:errors.urgent")}</p>
      <p>
        <a href="/urgent-help">{t("common:urgentHelp.link")}</a>
      </p>
      <p>
        <a href="/">{t("common:errors.home")}</a>
      </p>
    </Document>
  );
}

import { renderToStaticMarkup } from "react-dom/server";
import { directionOf } from "~/i18n";
import { getFixedT } from "./i18n.server";

/** Well-known sites, as on a new browser tab; leaving here tells them nothing (Referrer-Policy: same-origin). */
const SHORTCUTS = [
  ["weather", "https://www.bbc.co.uk/weather"],
  ["news", "https://www.bbc.co.uk/news"],
  ["search", "https://www.google.com/"],
  ["maps", "https://www.google.com/maps"],
] as const;

/**
 * Plain and system-coloured, so nothing about it recalls the portal. Big targets, a clear focus
 * ring, and system colours in forced-colours mode; one column at 320 px.
 */
const STYLE = `
body{margin:0;font:1.125rem/1.5 system-ui,sans-serif;background:#f8f9fa;color:#202124}
main{max-inline-size:40rem;margin:0 auto;padding:3rem 1rem}
h1{font-size:1.25rem;font-weight:400;margin:0 0 1.5rem;text-align:center}
ul{display:grid;grid-template-columns:repeat(auto-fit,minmax(8rem,1fr));gap:1rem;list-style:none;margin:0;padding:0}
a{display:block;padding:1.25rem 0.5rem;border-radius:0.5rem;background:#fff;color:#1a0dab;text-align:center;text-decoration:underline;box-shadow:0 1px 3px #0003}
a:focus-visible{outline:3px solid #202124;outline-offset:2px}
@media (forced-colors:active){a{border:1px solid LinkText}}`;

/** The neutral page in the request's language (`?lng=`), as one static document. */
export function neutralPage(request: Request, nonce: string | null): Response {
  const { t, lng } = getFixedT(request);
  const html = renderToStaticMarkup(
    <html lang={lng} dir={directionOf(lng)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t("common:newTab.title")}</title>
        {/* No icon of ours, and no request for one. */}
        <link rel="icon" href="data:," />
        <style nonce={nonce ?? undefined}>{STYLE}</style>
      </head>
      <body>
        <main>
          <h1>{t("common:newTab.heading")}</h1>
          <ul>
            {SHORTCUTS.map(([key, href]) => (
              <li key={key}>
                <a href={href}>{t(`common:newTab.${key}`)}</a>
              </li>
            ))}
          </ul>
        </main>
      </body>
    </html>,
  );
  return new Response(`<!DOCTYPE html>${html}`, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

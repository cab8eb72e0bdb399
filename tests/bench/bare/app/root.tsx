import { Links, Meta, Outlet, Scripts } from "@remix-run/react";

/** The bare app's document: what every Remix 2 page has, nothing more. */
export default function App() {
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <Scripts />
      </body>
    </html>
  );
}

import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { isSupportedLanguage } from "~/i18n";
import { createI18n, resolveLanguage } from "~/utils/i18n.server";
import { NonceContext } from "~/utils/nonce";

// The production server (app/server/index.ts) reaches these through the build's entry module,
// so that one copy of the database handle serves both start-up and requests.
export { seedCommand, startDatabase, stopDatabase } from "~/utils/startup.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  // The root loader chose the language (it knows the account's preference); if it failed, choose again here.
  const rootData = remixContext.staticHandlerContext.loaderData?.root as { lng?: unknown } | undefined;
  const lng = isSupportedLanguage(rootData?.lng) ? rootData.lng : resolveLanguage(request);
  const i18n = createI18n(lng);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Log the failure, never the request: URLs and bodies may hold personal data.
          if (shellRendered) console.error(error instanceof Error ? error.stack ?? error.message : "render error");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error instanceof Error ? error.stack ?? error.message : "unexpected error");
}

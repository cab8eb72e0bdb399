import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { isSupportedLanguage } from "~/i18n";
import { htmlWithoutPadding } from "~/web/html-stream.server";
import { i18nFor, resolveLanguage } from "~/web/i18n.server";
import { RETRY_AFTER_SECONDS } from "~/utils/db.server";
import { logError } from "~/utils/log.server";
import { NonceContext } from "~/utils/nonce";
import { PortalRemixServer } from "~/web/remix-server.server";

// The production server (app/server/index.ts) reaches these through the build's entry module,
// so that one copy of the database handle serves both start-up and requests.
export {
  checkDatabase,
  isFatalStartError,
  isReady,
  seedCommand,
  startDatabaseInBackground,
  stopDatabase,
} from "~/server/startup.server";
export { accountCreateCommand, fhirImportCommand, nhsLoginJwksCommand } from "~/commands.server";
export { FHIR_API_PATHS } from "~/web/fhir-api.server";
export { config } from "~/config.server";
export { logError } from "~/utils/log.server";
export { translationFileAt } from "~/web/translation-files.server";
export { answerFrom, keepable, STAND_INS, STATIC_PAGE_PATHS, staticPageKey } from "~/web/static-pages.server";
export { withRequestMemo } from "~/web/request-memo.server";

const ABORT_DELAY = 5_000;

type ServerComponent = typeof PortalRemixServer;

/** Pages are drawn by our copy of Remix's server component; a test draws them with Remix's own to compare. */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  return handleRequestWith(PortalRemixServer, request, responseStatusCode, responseHeaders, remixContext, loadContext);
}

export function handleRequestWith(
  Server: ServerComponent,
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  // The database is away: ask clients to come back shortly (the page says so, with urgent help).
  if (responseStatusCode === 503) responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
  // The root loader chose the language (it knows the account's preference); if it failed, choose again here.
  const rootData = remixContext.staticHandlerContext.loaderData?.root as { lng?: unknown } | undefined;
  const lng = isSupportedLanguage(rootData?.lng) ? rootData.lng : resolveLanguage(request);
  const i18n = i18nFor(lng);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <Server context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          // Not a bare PassThrough: React 18.3 pads some chunks with zero bytes (html-stream.server.ts).
          const body = htmlWithoutPadding();
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
          if (shellRendered) logError("render", error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // One line: the kind and code, never the message (database errors carry typed text in theirs).
  logError("request failed", error);
}

/** JavaScript navigations while the database is away get the same 503 and Retry-After as pages. */
export function handleDataRequest(response: Response) {
  if (response.status === 503) response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  return response;
}

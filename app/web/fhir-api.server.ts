import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { config, type FhirImportConfig } from "~/config.server";
import { bump, FAILURE_WINDOW_MS, throttleAddress, unbump } from "~/models/account.server";
import { recordedImport, recordRefusedImport } from "~/models/record-system-imports.server";
import { keyedHash } from "~/utils/crypto.server";
import { describeImport, FHIR_IMPORT_MAX_BYTES, FhirImportError, importBundle, parseBundleText, type FhirIssue } from "~/models/fhir-import.server";
import { getDb } from "~/utils/db.server";
import { logError } from "~/utils/log.server";

/**
 * The record system's door into the portal (decision 053): OAuth 2 client credentials at
 * POST /fhir/token, and POST /fhir/Bundle with the bearer token it gives. Machine to machine: no
 * session, no cookies, no CSRF token, no page; answers are JSON (OperationOutcome for /fhir/Bundle,
 * RFC 6749's error object for /fhir/token). Both answer 404 while the client is not configured.
 * The production server (app/server/index.ts) sends these two addresses here, before Remix.
 */

/** How long a token works: long enough for one import, short enough that a leaked one soon stops. */
export const FHIR_TOKEN_SECONDS = 300;
export const FHIR_SCOPE = "system/Bundle.write";
/**
 * Failed token requests from one address in the sign-in window (15 minutes) before that address is
 * answered 429 until the window ends. Counted as sign-in is (decision 037), in the same table, by
 * keyed hash: each request is counted before the secret is checked and taken off again when it was right,
 * so a record system that gets its token every few minutes is never refused.
 */
export const TOKEN_FAILURE_LIMIT = 10;

/** A token request is a short form. */
const TOKEN_BODY_LIMIT = 4 * 1024;

const jsonHeaders = { "Content-Type": "application/fhir+json; charset=utf-8", "Cache-Control": "no-store" };

export function operationOutcome(status: number, issues: FhirIssue[] | { severity: "information"; message: string }[], headers: Record<string, string> = {}): Response {
  const issue = issues.map((i) =>
    "severity" in i
      ? { severity: i.severity, code: "informational", diagnostics: i.message }
      : { severity: "error", code: i.code, diagnostics: i.message, ...(i.expression ? { expression: [i.expression] } : {}) },
  );
  return new Response(JSON.stringify({ resourceType: "OperationOutcome", issue }), { status, headers: { ...jsonHeaders, ...headers } });
}

const tokenError = (status: number, error: string, description: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error, error_description: description }), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache", ...headers } });

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest();
const sameText = (a: string, b: string) => timingSafeEqual(sha256(a), sha256(b));

function signature(client: string, expires: number): string {
  return createHmac("sha256", config().sessionSecret).update(`fhir-import|${client}|${expires}`).digest("base64url");
}

/** A bearer token: when it stops working and a signature with the session secret. Nothing is stored. */
export function issueToken(settings: FhirImportConfig, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + FHIR_TOKEN_SECONDS;
  return `${expires}.${signature(settings.clientId, expires)}`;
}

export function tokenIsGood(settings: FhirImportConfig, token: string, now = Date.now()): boolean {
  const [expiresText = "", sig = "", ...rest] = token.split(".");
  if (rest.length || !/^\d{1,12}$/.test(expiresText)) return false;
  const expires = Number(expiresText);
  if (expires * 1000 <= now) return false;
  return sameText(sig, signature(settings.clientId, expires));
}

/** The body, at most `limit` bytes; null when it is bigger (checked from Content-Length first, then as it arrives). */
async function readBody(request: Request, limit: number): Promise<Buffer | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(/^\d+$/.test(declared) && Number(declared) <= limit)) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The client's id and secret: HTTP Basic (RFC 6749 2.3.1, preferred) or in the form. */
function clientCredentials(request: Request, form: URLSearchParams): { id: string; secret: string } | null {
  const basic = request.headers.get("authorization")?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  return id && secret ? { id, secret } : null;
}

/** POST /fhir/token: client credentials → a bearer token for FHIR_TOKEN_SECONDS. */
export async function tokenEndpoint(request: Request, address: string, settings = config().fhirImport, now = new Date()): Promise<Response> {
  if (!settings || request.method !== "POST") return operationOutcome(404, [{ code: "not-found", message: "Not found." }]);
  const addressKey = keyedHash("fhir-token-address", throttleAddress(address));
  const counter = await bump(getDb(), addressKey, now);
  if (counter.failures > TOKEN_FAILURE_LIMIT) {
    await request.body?.cancel().catch(() => {});
    const seconds = Math.max(1, Math.ceil((counter.windowStart.getTime() + FAILURE_WINDOW_MS - now.getTime()) / 1000));
    return tokenError(429, "temporarily_unavailable", `Too many failed requests from this address. Try again in ${Math.ceil(seconds / 60)} minutes.`, {
      "Retry-After": String(seconds),
    });
  }
  const response = await checkedToken(request, settings);
  if (response.ok) {
    // The right secret: this request is not held against the address.
    await unbump(getDb(), addressKey);
  }
  return response;
}

async function checkedToken(request: Request, settings: FhirImportConfig): Promise<Response> {
  const body = await readBody(request, TOKEN_BODY_LIMIT);
  if (body === null) return tokenError(413, "invalid_request", "The request is too large.");
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "")) {
    return tokenError(400, "invalid_request", "Send the request as application/x-www-form-urlencoded.");
  }
  const form = new URLSearchParams(body.toString("utf8"));
  if (form.get("grant_type") !== "client_credentials") return tokenError(400, "unsupported_grant_type", "Only grant_type=client_credentials is taken.");
  const scope = form.get("scope");
  if (scope !== null && scope.split(" ").some((s) => s !== FHIR_SCOPE)) return tokenError(400, "invalid_scope", `The only scope is ${FHIR_SCOPE}.`);
  const client = clientCredentials(request, form);
  const good =
    client !== null &&
    sameText(client.id, settings.clientId) &&
    timingSafeEqual(sha256(client.secret), Buffer.from(settings.clientSecretSha256, "hex"));
  if (!good) return tokenError(401, "invalid_client", "The client id or secret is not right.", { "WWW-Authenticate": 'Basic realm="care-portal"' });
  return new Response(JSON.stringify({ access_token: issueToken(settings), token_type: "Bearer", expires_in: FHIR_TOKEN_SECONDS, scope: FHIR_SCOPE }), {
    status: 200,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache" },
  });
}

/** POST /fhir/Bundle: a bundle from the record system, imported whole or not at all. */
export async function bundleEndpoint(request: Request, settings = config().fhirImport): Promise<Response> {
  if (!settings || request.method !== "POST") return operationOutcome(404, [{ code: "not-found", message: "Not found." }]);
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!bearer || !tokenIsGood(settings, bearer)) {
    await request.body?.cancel().catch(() => {});
    return operationOutcome(401, [{ code: "login", message: "A bearer token from POST /fhir/token is needed, and it works for 5 minutes." }], {
      "WWW-Authenticate": bearer ? 'Bearer error="invalid_token"' : "Bearer",
    });
  }
  const body = await readBody(request, FHIR_IMPORT_MAX_BYTES);
  if (body === null) {
    // The rest is never read: the connection is closed after the answer, as for the pages (decision 036).
    await recordRefusedImport(getDb(), "api", [{ code: "too-costly" }]);
    return operationOutcome(413, [{ code: "too-costly", message: `The bundle is larger than ${FHIR_IMPORT_MAX_BYTES / 1024 / 1024} MB. Send one person's record at a time.` }], { Connection: "close" });
  }
  try {
    const summary = await recordedImport(getDb(), "api", () => importBundle(getDb(), parseBundleText(body.toString("utf8"))));
    return operationOutcome(200, describeImport(summary).map((message) => ({ severity: "information" as const, message })));
  } catch (error) {
    if (error instanceof FhirImportError) return operationOutcome(error.issues.some((i) => i.code === "structure") ? 400 : 422, error.issues);
    logError("FHIR import", error);
    return operationOutcome(500, [{ code: "exception", message: "The bundle could not be imported. Nothing was changed." }]);
  }
}

/** The addresses this module answers (the production server routes them here). */
export const FHIR_API_PATHS: Record<string, (request: Request, address: string) => Promise<Response>> = {
  "/fhir/token": (request, address) => tokenEndpoint(request, address),
  "/fhir/Bundle": (request) => bundleEndpoint(request),
};

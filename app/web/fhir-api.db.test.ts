import { createHash } from "node:crypto";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, carePlanVersions } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { parseConfig } from "~/config.server";
import { toFhirBundle } from "~/models/fhir-export.server";
import { FHIR_IMPORT_MAX_BYTES } from "~/models/fhir-import.server";
import { makeRecordCopy } from "~/models/my-data.server";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { truncateAll } from "../../tests/support/test-db";
import { bundleEndpoint, FHIR_TOKEN_SECONDS, issueToken, TOKEN_FAILURE_LIMIT, tokenEndpoint, tokenIsGood } from "./fhir-api.server";

/** The record system's client as an operator configures it: the id, and only the SHA-256 of the secret. */
const secret = "7d1f0c2a9b8e4f6a3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f";
const settings = parseConfig({ FHIR_IMPORT_CLIENT_ID: "rio-north", FHIR_IMPORT_CLIENT_SECRET_SHA256: createHash("sha256").update(secret).digest("hex") }).fhirImport!;

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request("http://portal.test/fhir/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields),
  });
const basic = (id: string, key: string) => ({ Authorization: `Basic ${Buffer.from(`${id}:${key}`).toString("base64")}` });
const post = (body: string, token?: string) =>
  new Request("http://portal.test/fhir/Bundle", {
    method: "POST",
    headers: { "Content-Type": "application/fhir+json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  });
const outcome = async (response: Response) => (await response.json()) as { resourceType: string; issue: { severity: string; code: string; diagnostics: string }[] };
const rows = async () => ({
  audits: (await getDb().select({ n: count() }).from(auditEvents))[0]!.n,
  versions: (await getDb().select({ n: count() }).from(carePlanVersions))[0]!.n,
});

async function tokenFor(): Promise<string> {
  const response = await tokenEndpoint(form({ grant_type: "client_credentials" }, basic("rio-north", secret)), "192.0.2.10", settings);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
  expect(body).toMatchObject({ token_type: "Bearer", expires_in: FHIR_TOKEN_SECONDS });
  return body.access_token;
}

describe("the record system's endpoints (decision 053)", () => {
  it("are not there (404) while the client is not configured", async () => {
    expect((await tokenEndpoint(form({ grant_type: "client_credentials" }, basic("rio-north", secret)), "192.0.2.10", null)).status).toBe(404);
    const response = await bundleEndpoint(post("{}", "x"), null);
    expect(response.status).toBe(404);
    expect((await outcome(response)).resourceType).toBe("OperationOutcome");
  });

  it("the token endpoint: client credentials by HTTP Basic or in the form; anything else refused", async () => {
    await tokenFor();
    const inForm = await tokenEndpoint(form({ grant_type: "client_credentials", client_id: "rio-north", client_secret: secret }), "192.0.2.10", settings);
    expect(inForm.status).toBe(200);
    const wrong = await tokenEndpoint(form({ grant_type: "client_credentials" }, basic("rio-north", `${secret}x`)), "192.0.2.10", settings);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: "invalid_client" });
    expect((await tokenEndpoint(form({ grant_type: "client_credentials" }, basic("someone-else", secret)), "192.0.2.10", settings)).status).toBe(401);
    expect((await tokenEndpoint(form({ grant_type: "client_credentials" }), "192.0.2.10", settings)).status).toBe(401);
    expect(await (await tokenEndpoint(form({ grant_type: "password" }, basic("rio-north", secret)), "192.0.2.10", settings)).json()).toMatchObject({ error: "unsupported_grant_type" });
    expect(await (await tokenEndpoint(form({ grant_type: "client_credentials", scope: "system/*.*" }, basic("rio-north", secret)), "192.0.2.10", settings)).json()).toMatchObject({ error: "invalid_scope" });
  });

  it("the token endpoint: after 10 failures from an address in 15 minutes, 429 with Retry-After until the window ends; other addresses and good requests unaffected", async () => {
    const start = new Date("2026-12-05T09:00:00Z");
    const wrong = (address: string, at = start) => tokenEndpoint(form({ grant_type: "client_credentials" }, basic("rio-north", "guess")), address, settings, at);
    const right = (address: string, at = start) => tokenEndpoint(form({ grant_type: "client_credentials" }, basic("rio-north", secret)), address, settings, at);
    // Getting a token often is never held against the record system.
    for (let i = 0; i < TOKEN_FAILURE_LIMIT + 5; i++) expect((await right("192.0.2.20")).status).toBe(200);
    for (let i = 0; i < TOKEN_FAILURE_LIMIT; i++) expect((await wrong("192.0.2.30")).status).toBe(401);
    const refused = await wrong("192.0.2.30", new Date(start.getTime() + 60_000));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe(String(14 * 60));
    expect(refused.headers.get("Cache-Control")).toBe("no-store");
    expect(await refused.json()).toMatchObject({ error: "temporarily_unavailable", error_description: expect.stringContaining("14 minutes") as string });
    // Refused even with the right secret while the window lasts: the address waits.
    expect((await right("192.0.2.30")).status).toBe(429);
    // The same IPv6 /64 counts as one address.
    for (let i = 0; i < TOKEN_FAILURE_LIMIT; i++) await wrong(`2001:db8:1:2::${i + 1}`);
    expect((await right("2001:db8:1:2::ff")).status).toBe(429);
    expect((await right("192.0.2.31")).status).toBe(200);
    // When the window has passed, the address may try again.
    expect((await right("192.0.2.30", new Date(start.getTime() + 15 * 60_000 + 1))).status).toBe(200);
  });

  it("a token works for five minutes and only with this portal's secret", () => {
    const now = Date.now();
    const token = issueToken(settings, now);
    expect(tokenIsGood(settings, token, now)).toBe(true);
    expect(tokenIsGood(settings, token, now + FHIR_TOKEN_SECONDS * 1000 + 1)).toBe(false);
    expect(tokenIsGood({ ...settings, clientId: "other" }, token, now)).toBe(false);
    expect(tokenIsGood(settings, `${token}x`, now)).toBe(false);
    expect(tokenIsGood(settings, `9999999999.${token.split(".")[1]}`, now)).toBe(false);
  });

  it("POST /fhir/Bundle: 401 without a good token, 413 for a huge body, 400 for what is not FHIR; each an OperationOutcome that changes nothing", async () => {
    await seedDemoData(getDb());
    const before = await rows();
    const none = await bundleEndpoint(post("{}"), settings);
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toBe("Bearer");
    expect((await outcome(none)).issue[0]).toMatchObject({ severity: "error", code: "login" });
    const forged = await bundleEndpoint(post("{}", "1999999999.abc"), settings);
    expect(forged.status).toBe(401);
    expect(forged.headers.get("WWW-Authenticate")).toContain("invalid_token");

    const token = await tokenFor();
    const huge = await bundleEndpoint(post(" ".repeat(FHIR_IMPORT_MAX_BYTES + 1), token), settings);
    expect(huge.status).toBe(413);
    expect((await outcome(huge)).issue[0]!.code).toBe("too-costly");
    const notJson = await bundleEndpoint(post("<Bundle/>", token), settings);
    expect(notJson.status).toBe(400);
    expect((await outcome(notJson)).issue[0]!.diagnostics).toBe("The file is not JSON.");
    const notBundle = await bundleEndpoint(post('{"resourceType":"Patient"}', token), settings);
    expect(notBundle.status).toBe(400);
    const unknownType = await bundleEndpoint(
      post(JSON.stringify({ resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "MedicationRequest", id: "m1" } }] }), token),
      settings,
    );
    expect(unknownType.status).toBe(422);
    expect((await outcome(unknownType)).issue[0]).toMatchObject({ code: "not-supported" });
    expect(await rows()).toEqual(before);
  });

  it("POST /fhir/Bundle imports Sam's exported record into an empty database, then says nothing changed the second time", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const bundle = JSON.stringify(toFhirBundle(await makeRecordCopy(getDb(), await actorFor(demoPeople.sam.email), sam)));
    await truncateAll();
    const token = await tokenFor();
    const first = await bundleEndpoint(post(bundle, token), settings);
    expect(first.status).toBe(200);
    expect((await outcome(first)).issue[0]).toMatchObject({ severity: "information", diagnostics: expect.stringContaining("Sam Taylor: added") as string });
    const after = await rows();
    const second = await bundleEndpoint(post(bundle, token), settings);
    expect((await outcome(second)).issue[0]!.diagnostics).toBe("Sam Taylor: nothing changed.");
    expect(await rows()).toEqual(after);
  });
});

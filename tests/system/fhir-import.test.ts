import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, runPortal } from "../support/portal-process";

/**
 * The record system's import as an operator and a record system use it (decision 053): the built
 * server's `fhir:import` command on a file, then the same data directory served, with a token from
 * /fhir/token and a bundle posted to /fhir/Bundle through the Express server's own routing and limits.
 */
let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "care-portal-fhir-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bundle = (description: string) => ({
  resourceType: "Bundle",
  type: "collection",
  entry: [
    { fullUrl: "Patient/RIO-4711", resource: { resourceType: "Patient", id: "RIO-4711", name: [{ given: ["Ola"], family: "Nowak" }] } },
    { fullUrl: "CarePlan/cp-1", resource: { resourceType: "CarePlan", id: "cp-1", status: "active", intent: "plan", subject: { reference: "Patient/RIO-4711" }, description } },
  ],
});

/** A POST whose body is sent in chunks without a Content-Length, so only the server's own count can stop it. */
function postChunked(url: string, token: string, chunks: number, size: number): Promise<{ status: number; type: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/fhir+json" } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]) });
      req.destroy();
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (!req.destroyed || error.code !== "ECONNRESET") reject(error);
    });
    const piece = Buffer.alloc(size, 32);
    let sent = 0;
    const write = () => {
      while (sent < chunks) {
        sent++;
        if (!req.write(piece)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("npm run fhir:import and POST /fhir/Bundle on the built server", () => {
  it("the command imports a file once and refuses a bad one with a plain message", async () => {
    const dataDir = path.join(scratch, "pglite");
    const file = path.join(scratch, "bundle.json");
    writeFileSync(file, JSON.stringify(bundle("Low mood since the winter.")));

    const first = runPortal({ DATA_DIR: dataDir }, ["fhir:import", file]);
    expect(await first.exited, first.output()).toBe(0);
    expect(first.output()).toContain("Ola Nowak: added, 1 new plan version.");
    // The same file again changing nothing: app/models/fhir-import.db.test.ts (each run here opens the database anew, slowly).
    writeFileSync(path.join(scratch, "bad.json"), "<Bundle/>");
    const bad = runPortal({ DATA_DIR: dataDir }, ["fhir:import", path.join(scratch, "bad.json")]);
    expect(await bad.exited).toBe(1);
    expect(bad.output().trim()).toBe("The file is not JSON.\nNothing was changed.");
  });

  it("the endpoint takes a token and a bundle through the server's own routing and limits", async () => {
    const dataDir = path.join(scratch, "pglite");

    const secret = "c0ffee".repeat(8);
    const portal = runPortal({
      PORT: "0",
      DATA_DIR: dataDir,
      FHIR_IMPORT_CLIENT_ID: "rio-north",
      FHIR_IMPORT_CLIENT_SECRET_SHA256: createHash("sha256").update(secret).digest("hex"),
    });
    const base = await portal.listening;
    await eventually(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000, "ready");
    const tokenResponse = await fetch(`${base}/fhir/token`, {
      method: "POST",
      headers: { Authorization: `Basic ${Buffer.from(`rio-north:${secret}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect(tokenResponse.status).toBe(200);
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

    const changed = await fetch(`${base}/fhir/Bundle`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/fhir+json" },
      body: JSON.stringify(bundle("Low mood since the winter; sleeping better.")),
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("content-type")).toContain("application/fhir+json");
    // Ola, made by the command in the test before, found again by the record system's id.
    expect(JSON.stringify(await changed.json())).toContain("Ola Nowak: 1 new plan version.");
    const noToken = await fetch(`${base}/fhir/Bundle`, { method: "POST", body: "{}" });
    expect(noToken.status).toBe(401);
    // Over 5 MB without a Content-Length: stopped by the count, not by trusting a header.
    // (An OperationOutcome, not the pages' 64 KB "too large" page: the record system's route took it.)
    expect(await postChunked(`${base}/fhir/Bundle`, token, 90, 64 * 1024)).toEqual({ status: 413, type: expect.stringContaining("application/fhir+json") as string });
    // Not a page: a GET is the portal's ordinary 404.
    expect((await fetch(`${base}/fhir/Bundle`)).status).toBe(404);
    expect(await portal.stop()).toBe(0);
  });
});

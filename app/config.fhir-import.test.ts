import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.server";

const hash = createHash("sha256").update("a random secret of the record system, 32+ characters").digest("hex");

describe("the record system's import settings (decision 053)", () => {
  it("is off when neither is set, on with the client id and the secret's SHA-256", () => {
    expect(parseConfig({}).fhirImport).toBeNull();
    expect(parseConfig({ FHIR_IMPORT_CLIENT_ID: " rio-north ", FHIR_IMPORT_CLIENT_SECRET_SHA256: hash.toUpperCase() }).fhirImport).toEqual({
      clientId: "rio-north",
      clientSecretSha256: hash,
    });
  });

  it("needs both, and a hash that is a SHA-256 in hex (never the secret itself), without echoing it", () => {
    expect(() => parseConfig({ FHIR_IMPORT_CLIENT_ID: "rio-north" })).toThrow(/FHIR_IMPORT_CLIENT_SECRET_SHA256 is missing/);
    expect(() => parseConfig({ FHIR_IMPORT_CLIENT_SECRET_SHA256: hash })).toThrow(/FHIR_IMPORT_CLIENT_ID is missing/);
    const plain = "the-secret-itself-pasted-by-mistake";
    let error: unknown;
    try {
      parseConfig({ FHIR_IMPORT_CLIENT_ID: "rio-north", FHIR_IMPORT_CLIENT_SECRET_SHA256: plain });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/64 hexadecimal characters/);
    expect((error as Error).message).not.toContain(plain);
  });
});

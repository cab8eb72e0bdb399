import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.server";
import { publicJwks } from "./web/nhs-login.server";

const pem = (bits: number) =>
  generateKeyPairSync("rsa", { modulusLength: bits }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const key = pem(2048);
const nhs = {
  NHS_LOGIN_ISSUER: "https://auth.sandpit.signin.nhs.uk",
  NHS_LOGIN_CLIENT_ID: "care-portal",
  NHS_LOGIN_PRIVATE_KEY: key,
  NHS_LOGIN_REDIRECT_URI: "https://portal.example/login/nhs/callback",
};

describe("NHS login settings (decision 051)", () => {
  it("is off when none of its variables is set", () => {
    expect(parseConfig({}).nhsLogin).toBeNull();
  });

  it("is on with issuer, client id and key; the redirect URI defaults to PUBLIC_URL's callback", () => {
    expect(parseConfig(nhs).nhsLogin).toEqual({
      issuer: nhs.NHS_LOGIN_ISSUER,
      clientId: "care-portal",
      privateKeyPem: key,
      redirectUri: nhs.NHS_LOGIN_REDIRECT_URI,
    });
    const { NHS_LOGIN_REDIRECT_URI: _unused, ...noRedirect } = nhs;
    expect(parseConfig({ ...noRedirect, PUBLIC_URL: "https://p.example/" }).nhsLogin?.redirectUri).toBe("https://p.example/login/nhs/callback");
    expect(() => parseConfig(noRedirect)).toThrow(/^NHS_LOGIN_REDIRECT_URI is missing/);
  });

  it("reads the key from a file, or from one line with \\n for line breaks", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "nhs-key-")), "key.pem");
    writeFileSync(file, key);
    const { NHS_LOGIN_PRIVATE_KEY: _unused, ...noKey } = nhs;
    expect(parseConfig({ ...noKey, NHS_LOGIN_PRIVATE_KEY_FILE: file }).nhsLogin?.privateKeyPem).toBe(key);
    expect(parseConfig({ ...nhs, NHS_LOGIN_PRIVATE_KEY: key.replace(/\n/g, "\\n") }).nhsLogin?.privateKeyPem).toBe(key);
    expect(() => parseConfig({ ...noKey, NHS_LOGIN_PRIVATE_KEY_FILE: `${file}.missing` })).toThrow(/could not be read/);
    expect(() => parseConfig({ ...nhs, NHS_LOGIN_PRIVATE_KEY_FILE: file })).toThrow(/not both/);
  });

  it("needs all three, https (loopback apart) and an RSA key of 2048 bits or more, never echoing the key", () => {
    expect(() => parseConfig({ NHS_LOGIN_ISSUER: nhs.NHS_LOGIN_ISSUER })).toThrow(/^NHS_LOGIN_CLIENT_ID is missing/);
    expect(() => parseConfig({ NHS_LOGIN_CLIENT_ID: "x", NHS_LOGIN_PRIVATE_KEY: key })).toThrow(/^NHS_LOGIN_ISSUER is missing/);
    expect(() => parseConfig({ ...nhs, NHS_LOGIN_ISSUER: "http://auth.example" })).toThrow(/^NHS_LOGIN_ISSUER must use https/);
    expect(() => parseConfig({ ...nhs, NHS_LOGIN_REDIRECT_URI: "http://portal.example/cb" })).toThrow(/^NHS_LOGIN_REDIRECT_URI must use https/);
    expect(parseConfig({ ...nhs, NHS_LOGIN_ISSUER: "http://127.0.0.1:4000" }).nhsLogin?.issuer).toBe("http://127.0.0.1:4000");
    const small = pem(1024);
    let message = "";
    try {
      parseConfig({ ...nhs, NHS_LOGIN_PRIVATE_KEY: small });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/not an RSA private key of 2048 bits/);
    expect(message).not.toContain("PRIVATE KEY-----");
    expect(() => parseConfig({ ...nhs, NHS_LOGIN_PRIVATE_KEY: "not a key" })).toThrow(/not an RSA private key/);
  });

  it("gives the public key only, as a JWKS for RS512 with a thumbprint kid", () => {
    const jwks = publicJwks(key);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS512", use: "sig", e: "AQAB" });
    expect(jwks.keys[0]!.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(jwks.keys[0]!)).not.toContain("d");
  });
});

import express from "express";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, parseTrustProxy } from "./config.server";

const secret = "x".repeat(32);

describe("settings", () => {
  it("is the local demo only when neither DATABASE_URL nor SESSION_SECRET is set", () => {
    expect(parseConfig({}).demo).toBe(true);
    expect(parseConfig({ SESSION_SECRET: secret, PUBLIC_URL: "https://portal.example" }).demo).toBe(false);
    expect(parseConfig({ DATABASE_URL: "postgres://db/x", SESSION_SECRET: secret, PUBLIC_URL: "https://portal.example" }).demo).toBe(false);
  });

  it("refuses a deployment without a long enough SESSION_SECRET or without PUBLIC_URL, naming what is missing", () => {
    expect(() => parseConfig({ DATABASE_URL: "postgres://db/x", PUBLIC_URL: "https://p.example" })).toThrow(/^SESSION_SECRET is missing/);
    expect(() => parseConfig({ SESSION_SECRET: "short-secret-of-20ch", PUBLIC_URL: "https://p.example" })).toThrow(
      /^SESSION_SECRET is too short/,
    );
    expect(() => parseConfig({ SESSION_SECRET: secret })).toThrow(/^PUBLIC_URL is missing/);
    expect(() => parseConfig({ SESSION_SECRET: secret, PUBLIC_URL: "ftp://p.example" })).toThrow(ConfigError);
  });

  it("names a bad variable without echoing its value", () => {
    let message = "";
    try {
      parseConfig({ PORT: "not-a-port-secret-value" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^PORT is not valid/);
    expect(message).not.toContain("secret-value");
  });

  it("reads PORT, HOST and PUBLIC_URL, and makes cookies Secure when people reach it over https", () => {
    const cfg = parseConfig({ PORT: "8080", HOST: "127.0.0.1", SESSION_SECRET: secret, PUBLIC_URL: "https://portal.example/" });
    expect(cfg).toMatchObject({ port: 8080, host: "127.0.0.1", publicUrl: "https://portal.example", secureCookies: true });
    expect(parseConfig({}).secureCookies).toBe(false);
    expect(parseConfig({ SESSION_SECRET: secret, PUBLIC_URL: "http://127.0.0.1:3000" }).secureCookies).toBe(false);
  });

  it("takes EXIT_PAGE_URL as an http(s) address or a path here, and nothing else (decision 059)", () => {
    expect(parseConfig({}).exitPageUrl).toBeNull();
    expect(parseConfig({ EXIT_PAGE_URL: "https://www.bbc.co.uk/weather" }).exitPageUrl).toBe("https://www.bbc.co.uk/weather");
    expect(parseConfig({ EXIT_PAGE_URL: "/new-tab" }).exitPageUrl).toBe("/new-tab");
    for (const bad of ["javascript:alert(1)", "//evil.example", "weather", "/\\evil.example"]) {
      expect(() => parseConfig({ EXIT_PAGE_URL: bad }), bad).toThrow(/^EXIT_PAGE_URL is not valid/);
    }
  });

  it("treats an empty value as unset", () => {
    expect(parseConfig({ SESSION_SECRET: "", DATABASE_URL: "" }).demo).toBe(true);
  });

  it("parses TRUST_PROXY as Express expects it (true crashed before)", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("true")).toBe(true);
    expect(parseTrustProxy("false")).toBe(false);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("loopback, 10.0.0.0/8")).toEqual(["loopback", "10.0.0.0/8"]);
    expect(() => parseTrustProxy("yes please")).toThrow(/^TRUST_PROXY must be/);
  });

  it("refuses TRUST_PROXY entries Express would misread or crash on", () => {
    expect(parseTrustProxy(" TRUE ")).toBe(true);
    expect(parseTrustProxy("0")).toBe(0);
    expect(parseTrustProxy("::1, fd00::/8, 10.0.0.0/255.0.0.0")).toEqual(["::1", "fd00::/8", "10.0.0.0/255.0.0.0"]);
    for (const bad of ["...", "10.0.0.1/33", "::1/129", "300.1.1.1", "10.0.0.0/8/8", "fd00::/255.0.0.0", "1.5", "-1", ","]) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/^TRUST_PROXY must be/);
    }
  });

  it.each([
    // [TRUST_PROXY, the socket's address, X-Forwarded-For, the address the portal counts]
    [undefined, "10.0.0.2", "203.0.113.9", "10.0.0.2"],
    ["true", "10.0.0.2", "198.51.100.1, 203.0.113.9", "198.51.100.1"],
    ["1", "10.0.0.2", "198.51.100.1, 203.0.113.9", "203.0.113.9"],
    ["2", "10.0.0.2", "198.51.100.1, 203.0.113.9", "198.51.100.1"],
    ["loopback, 10.0.0.0/8", "10.0.0.2", "198.51.100.1, 203.0.113.9", "203.0.113.9"],
    ["loopback, 10.0.0.0/8", "192.0.2.77", "203.0.113.9", "192.0.2.77"],
    ["::1, 2001:db8::/32", "2001:db8::5", "203.0.113.9", "203.0.113.9"],
  ])("TRUST_PROXY=%s: Express takes the value and finds the client's address", (value, socket, forwarded, expected) => {
    const app = express();
    app.set("trust proxy", parseTrustProxy(value));
    // A request as Express builds it, so req.ip is Express's own answer.
    const req = Object.create(app.request) as express.Request & { app: express.Express };
    Object.assign(req, { app, headers: { "x-forwarded-for": forwarded }, socket: { remoteAddress: socket } });
    Object.defineProperty(req, "connection", { value: req.socket });
    expect(req.ip).toBe(expected);
  });
});

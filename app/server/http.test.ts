import { PassThrough } from "node:stream";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { Checkbox, CheckboxGroup, Radio, RadioGroup } from "react-aria-components";
import { ALLOWED_INLINE_STYLES, BODY_LIMIT_BYTES, contentSecurityPolicy, isTls, readLimitedBody, securityHeaders, styleHash } from "./http";

/** A request body arriving in chunks, with or without a Content-Length. */
function incoming(chunks: Buffer[], contentLength?: string): IncomingMessage & { readBytes: () => number } {
  const stream = new PassThrough();
  let read = 0;
  stream.on("data", (c: Buffer) => (read += c.length));
  const req = Object.assign(stream, {
    headers: contentLength === undefined ? {} : { "content-length": contentLength },
    readBytes: () => read,
  }) as unknown as IncomingMessage & { readBytes: () => number };
  setTimeout(() => {
    for (const c of chunks) stream.write(c);
    stream.end();
  }, 0);
  return req;
}

describe("the body limit", () => {
  it("is 64 KB", () => expect(BODY_LIMIT_BYTES).toBe(65_536));

  it("a Content-Length over the limit is refused before a byte is read", async () => {
    const req = incoming([Buffer.alloc(5 * 1024 * 1024)], String(5 * 1024 * 1024));
    expect(await readLimitedBody(req)).toEqual({ status: "too-large" });
    expect(req.readBytes()).toBe(0);
  });

  it("a chunked body is read only up to the limit, then refused", async () => {
    const chunks = Array.from({ length: 100 }, () => Buffer.alloc(16 * 1024, 1));
    const req = incoming(chunks);
    expect(await readLimitedBody(req)).toEqual({ status: "too-large" });
    expect(req.readBytes()).toBeLessThanOrEqual(BODY_LIMIT_BYTES + 32 * 1024);
  });

  it("a body within the limit is read whole", async () => {
    const body = Buffer.from("csrf=x&name=Sam");
    expect(await readLimitedBody(incoming([body], String(body.length)))).toEqual({ status: "ok", body });
    const exact = Buffer.alloc(BODY_LIMIT_BYTES, 2);
    const read = await readLimitedBody(incoming([exact]));
    expect(read.status === "ok" && read.body.length).toBe(BODY_LIMIT_BYTES);
  });

  it("a Content-Length that is not a number is refused", async () => {
    expect(await readLimitedBody(incoming([], "-1"))).toEqual({ status: "too-large" });
  });
});

describe("security headers", () => {
  it("allow no inline styles but React Aria's one, by hash, and no inline scripts but the page's own", () => {
    const csp = contentSecurityPolicy("abc");
    expect(csp).toMatch(/style-src 'self' 'nonce-abc' 'unsafe-hashes' 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(contentSecurityPolicy(null)).toMatch(/style-src 'self' 'unsafe-hashes' 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("script-src 'nonce-abc' 'strict-dynamic'");
    expect(contentSecurityPolicy(null)).toContain("script-src 'self'");
    expect(contentSecurityPolicy(null)).toContain("frame-ancestors 'none'");
  });

  it("are the same for static files as for pages, apart from the nonce", () => {
    const page = securityHeaders({ nonce: "abc", tls: false });
    const file = securityHeaders({ nonce: null, tls: false });
    expect(Object.keys(file).sort()).toEqual(Object.keys(page).sort());
    expect(file).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY" });
  });

  it("add HSTS over TLS only", () => {
    expect(securityHeaders({ nonce: null, tls: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders({ nonce: null, tls: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(isTls("https://portal.example", false)).toBe(true);
    expect(isTls("http://127.0.0.1:3000", false)).toBe(false);
    expect(isTls(null, true)).toBe(true);
    expect(isTls(null, false)).toBe(false);
  });
});

describe("the inline styles the pages carry", () => {
  it("are exactly those the policy allows by hash: React Aria's hidden checkbox and radio inputs", () => {
    const html = renderToString(
      h("form", null, [
        h(CheckboxGroup, { key: "c", "aria-label": "Ways" }, h(Checkbox, { value: "letter" }, "Letter")),
        h(RadioGroup, { key: "r", "aria-label": "One" }, h(Radio, { value: "yes" }, "Yes")),
      ]),
    );
    const styles = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    expect(styles.length).toBeGreaterThan(0);
    const allowed = ALLOWED_INLINE_STYLES.map(styleHash);
    for (const style of styles) expect(allowed, style).toContain(styleHash(style));
    for (const hash of allowed) expect(contentSecurityPolicy("n")).toContain(hash);
  });
});

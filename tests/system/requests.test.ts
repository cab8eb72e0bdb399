import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoPeople } from "#db/seed";
import { eventually, runPortal, signInOverHttp, status, type PortalProcess } from "../support/portal-process";

/**
 * Issue 16 items 6 and 7, through the production server: the 64 KB body limit and its page, the
 * security headers on static files too, HSTS over TLS, __Host- cookies in a deployment.
 */
let scratch: string;
let demo: PortalProcess;
let base: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "care-portal-requests-"));
  demo = runPortal({ PORT: "0", DATA_DIR: path.join(scratch, "demo", "pglite") });
  base = await demo.listening;
  await eventually(async () => (await status(`${base}/readyz`)) === 200, 120_000, "the demo is ready");
});
afterAll(async () => {
  await demo?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** A raw POST, chunked when no length is given; resolves with the status, headers and page. */
function post(url: string, body: Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    // The server may answer and close before the whole body is sent: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    if (headers["Content-Length"] === undefined) {
      for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.subarray(i, i + 16 * 1024));
    } else req.write(body);
    req.end();
  });
}

describe("the body limit", () => {
  const big = Buffer.alloc(5 * 1024 * 1024, "a");

  it("a 5 MB form to /login is refused with the translated 413 page, with urgent help", async () => {
    const answer = await post(`${base}/login`, big, { "Content-Length": String(big.length), Cookie: "lng=cy" });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
    expect(answer.text).toContain('<html lang="cy"');
    expect(answer.text).toContain("Roedd yr hyn a anfonoch chi’n rhy hir");
    expect(answer.text).toMatch(/<a href="\/urgent-help"[^>]*>/);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("so is a body with no length that goes over 64 KB", async () => {
    const answer = await post(`${base}/login`, big);
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("What you sent was too long");
    expect(answer.text).toContain("Get help now");
  });

  it("a form within the limit works as before", async () => {
    await signInOverHttp(base, demoPeople.sam.email, DEMO_PASSWORD);
    expect(await status(`${base}/urgent-help`)).toBe(200);
  });
});

describe("security headers", () => {
  it("static files carry them too; no HSTS over plain http", async () => {
    for (const file of ["/favicon.svg", "/no-such-file.css"]) {
      const response = await fetch(`${base}${file}`);
      await response.arrayBuffer();
      expect(response.headers.get("x-content-type-options"), file).toBe("nosniff");
      expect(response.headers.get("content-security-policy"), file).toContain("frame-ancestors 'none'");
      expect(response.headers.get("referrer-policy"), file).toBe("same-origin");
      expect(response.headers.get("x-frame-options"), file).toBe("DENY");
      expect(response.headers.get("strict-transport-security"), file).toBeNull();
    }
    const page = await fetch(`${base}/urgent-help`);
    await page.arrayBuffer();
    expect(page.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    expect(page.headers.get("strict-transport-security")).toBeNull();
    // The local demo on http keeps plain cookie names.
    expect((await fetch(`${base}/login`)).headers.getSetCookie().join()).toMatch(/^csrf=/);
  });

  it("a deployment reached over https: HSTS on every answer and __Host- cookies", async () => {
    const deployed = runPortal({
      PORT: "0",
      DATA_DIR: path.join(scratch, "deployed", "pglite"),
      SESSION_SECRET: "s".repeat(40),
      PUBLIC_URL: "https://portal.example.nhs.uk",
    });
    try {
      const at = await deployed.listening;
      await eventually(async () => (await status(`${at}/readyz`)) === 200, 120_000, "the deployment is ready");
      for (const file of ["/login", "/favicon.svg", "/healthz"]) {
        const response = await fetch(`${at}${file}`);
        await response.arrayBuffer();
        expect(response.headers.get("strict-transport-security"), file).toBe("max-age=31536000; includeSubDomains");
      }
      const login = await fetch(`${at}/login`);
      await login.arrayBuffer();
      expect(login.headers.getSetCookie()).toEqual([expect.stringMatching(/^__Host-csrf=[^;]+; Path=\/; SameSite=Lax; HttpOnly; Secure$/)]);
    } finally {
      await deployed.stop();
    }
  });

  it("behind a trusted proxy that says the request came over https: HSTS", async () => {
    const proxied = runPortal({
      PORT: "0",
      DATA_DIR: path.join(scratch, "proxied", "pglite"),
      SESSION_SECRET: "s".repeat(40),
      PUBLIC_URL: "http://portal.internal",
      TRUST_PROXY: "loopback",
    });
    try {
      const at = await proxied.listening;
      const overTls = await fetch(`${at}/urgent-help`, { headers: { "X-Forwarded-Proto": "https" } });
      await overTls.arrayBuffer();
      expect(overTls.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      const plain = await fetch(`${at}/urgent-help`);
      await plain.arrayBuffer();
      expect(plain.headers.get("strict-transport-security")).toBeNull();
    } finally {
      await proxied.stop();
    }
  });
});

describe("translations for the browser (issue 17 item 2)", () => {
  it("a page names its language's translation files instead of carrying them: under 10 KB of translations inline", async () => {
    const page = await fetch(`${base}/login`, { headers: { Cookie: "lng=ar" } });
    const html = await page.text();
    expect(html).not.toContain('id="i18n-resources"');
    const files = html.match(/<script id="i18n-files" type="application\/json"[^>]*>([^<]*)<\/script>/)?.[1];
    expect(files).toBeDefined();
    expect(Buffer.byteLength(files!)).toBeLessThan(10 * 1024);
    const hrefs = Object.values(JSON.parse(files!) as Record<string, string>);
    expect(hrefs.length).toBeGreaterThan(10);
    expect(hrefs.every((href) => href.startsWith("/translations/ar/"))).toBe(true);
  });

  it("each file is cached for ever, in the page's language, with the same security headers as other static files", async () => {
    const html = await (await fetch(`${base}/login`, { headers: { Cookie: "lng=ar" } })).text();
    const hrefs = JSON.parse(html.match(/<script id="i18n-files"[^>]*>([^<]*)<\/script>/)![1]!) as Record<string, string>;
    const answer = await fetch(`${base}${hrefs.auth}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    const auth = (await answer.json()) as { signIn: { title: string } };
    expect(auth.signIn.title).toMatch(/[\u0600-\u06FF]/);
  });

  it("a name that is not one of the files is not found", async () => {
    const html = await (await fetch(`${base}/login`)).text();
    const hrefs = JSON.parse(html.match(/<script id="i18n-files"[^>]*>([^<]*)<\/script>/)![1]!) as Record<string, string>;
    const stale = hrefs.common!.replace(/\.[^./]+\.json$/, ".0000000000000000.json");
    expect((await fetch(`${base}${stale}`)).status).toBe(404);
  });
});

describe("urgent help is light (issue 17 item 3)", () => {
  it("is sent with no script at all, and the whole page (HTML and stylesheets) is at most 30 KB gzipped", async () => {
    for (const lng of ["en-GB", "ar"]) {
      const html = await (await fetch(`${base}/urgent-help`, { headers: { Cookie: `lng=${lng}` } })).text();
      expect(html, lng).not.toMatch(/<script\b/);
      expect(html, lng).not.toMatch(/rel="modulepreload"/);
      const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
      expect(sheets.length).toBeGreaterThan(0);
      let total = gzipSync(html).length;
      for (const href of sheets) total += gzipSync(Buffer.from(await (await fetch(`${base}${href}`)).arrayBuffer())).length;
      expect(total, `urgent help in ${lng}: ${total} bytes gzipped`).toBeLessThanOrEqual(30 * 1024);
    }
  });

  it("other pages still have their scripts", async () => {
    const html = await (await fetch(`${base}/login`)).text();
    expect(html).toMatch(/<script [^>]*type="module"/);
  });
});

/** Urgent help for anyone not signed in is drawn once per language and kept (decision 069). */
describe("urgent help, kept", () => {
  const tokensAside = (html: string) =>
    html
      .replace(/(name="(?:csrf|formToken)" value=")[^"]*"/g, '$1…"')
      .replace(/("(?:csrf|formToken)":")[^"]*"/g, '$1…"')
      .replace(/(<meta property="csp-nonce" content=")[^"]*"/g, '$1…"')
      .replace(/nonce="[^"]*"/g, 'nonce="…"');
  const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];

  it("answers each request with its own nonce and tokens, and nothing of the stand-ins", async () => {
    const [a, b] = [await fetch(`${base}/urgent-help`), await fetch(`${base}/urgent-help`)];
    const [pageA, pageB] = [await a.text(), await b.text()];
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.headers.get("cache-control")).toBe("no-store");
    expect(a.headers.get("etag")).toBeNull();
    expect(nonceOf(a)).toBeTruthy();
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(pageA).toContain(`<meta property="csp-nonce" content="${nonceOf(a)}"/>`);
    expect(field(pageA, "csrf")).not.toBe(field(pageB, "csrf"));
    expect(field(pageA, "formToken")).not.toBe(field(pageB, "formToken"));
    expect(a.headers.get("set-cookie")).toMatch(/^csrf=/);
    expect(pageA + pageB).not.toMatch(/standin/);
    expect(tokensAside(pageA)).toBe(tokensAside(pageB));
  });

  it.each(["/urgent-help", "/urgent-help?lng=ar", "/urgent-help/easy-read?lng=cy"])("%s is the page Remix draws afresh", async (address) => {
    const kept = await (await fetch(`${base}${address}`)).text();
    // A session cookie (here one the server does not know) means the page is drawn afresh.
    const drawn = await (await fetch(`${base}${address}`, { headers: { Cookie: "__session=unknown" } })).text();
    expect(kept.length).toBeGreaterThan(5000);
    expect(tokensAside(kept)).toBe(tokensAside(drawn));
  });

  it("its language forms work: the tokens in the page are this browser's", async () => {
    const first = await fetch(`${base}/urgent-help`);
    const page = await first.text();
    const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0]!;
    const form = new URLSearchParams({ csrf: field(page, "csrf")!, formToken: field(page, "formToken")!, redirectTo: "/urgent-help", lng: "cy" });
    const chosen = await fetch(`${base}/language`, { method: "POST", body: form, headers: { Cookie: cookie }, redirect: "manual" });
    expect(chosen.status).toBe(303);
    const language = (chosen.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect(language).toBe("lng=cy");
    const welsh = await (await fetch(`${base}/urgent-help`, { headers: { Cookie: `${cookie}; ${language}` } })).text();
    expect(welsh).toContain('<html lang="cy"');
  });

  it("an address with anything else in it is still answered, drawn afresh", async () => {
    for (const address of ["/urgent-help?lng=xx", "/urgent-help?x=1", "/urgent-help?lng=cy&lng=ar"]) {
      const response = await fetch(`${base}${address}`);
      expect(response.status, address).toBe(200);
      expect(await response.text(), address).toContain("tel:999");
    }
  });
});

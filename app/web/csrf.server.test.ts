import { describe, expect, it } from "vitest";
import { csrfForRequest, readFormData, verifyCsrf } from "./csrf.server";

/** A request carrying these cookies and, when posted, this form. */
function request(cookies: Record<string, string>, form?: Record<string, string>): Request {
  const cookie = Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
  return new Request("http://localhost/x", {
    method: form ? "POST" : "GET",
    headers: { Cookie: cookie },
    ...(form ? { body: new URLSearchParams(form) } : {}),
  });
}

const browserCookie = "c".repeat(43);

async function verify(cookies: Record<string, string>, token: string): Promise<number> {
  const req = request(cookies, { csrf: token });
  try {
    verifyCsrf(req, await req.formData());
    return 200;
  } catch (error) {
    return (error as Response).status;
  }
}

describe("CSRF tokens", () => {
  it("a token made for this browser and session is accepted", async () => {
    const cookies = { csrf: browserCookie, __session: "session-a" };
    const { token, setCookie } = csrfForRequest(request(cookies));
    expect(setCookie).toBeUndefined();
    expect(await verify(cookies, token)).toBe(200);
  });

  it("is bound to the session: a token from another session, or from before signing in, is refused", async () => {
    const fromA = csrfForRequest(request({ csrf: browserCookie, __session: "session-a" })).token;
    const signedOut = csrfForRequest(request({ csrf: browserCookie })).token;
    expect(fromA).not.toBe(signedOut);
    expect(await verify({ csrf: browserCookie, __session: "session-b" }, fromA)).toBe(403);
    expect(await verify({ csrf: browserCookie, __session: "session-a" }, signedOut)).toBe(403);
    expect(await verify({ csrf: browserCookie }, fromA)).toBe(403);
  });

  it("a token without its browser cookie, or for another browser cookie, is refused", async () => {
    const token = csrfForRequest(request({ csrf: browserCookie })).token;
    expect(await verify({}, token)).toBe(403);
    expect(await verify({ csrf: "d".repeat(43) }, token)).toBe(403);
  });
});

describe("reading a posted form", () => {
  // Found by tests/browser/hostile-input.test.ts: a NUL in any field made the save fail with a 500
  // (PostgreSQL cannot store it in text), and in JSON columns too.
  it("takes out control characters no one types, in names and values, and keeps tabs and line breaks", async () => {
    const body = new URLSearchParams([
      ["what", "a\u0000b\u0007c\u001b[31md\u007f"],
      ["why", "one\ttwo\r\nthree\n"],
      ["na\u0000me", "x"],
    ]);
    const form = await readFormData(new Request("http://localhost/x", { method: "POST", body }));
    expect(form?.get("what")).toBe("abc[31md");
    expect(form?.get("why")).toBe("one\ttwo\r\nthree\n");
    expect(form?.get("name")).toBe("x");
  });

  it("leaves files as they are", async () => {
    const body = new FormData();
    body.append("upload", new Blob(["a\u0000b"]), "x.txt");
    const form = await readFormData(new Request("http://localhost/x", { method: "POST", body }));
    const file = form?.get("upload");
    expect(file).toBeInstanceOf(Blob);
    expect(await (file as Blob).text()).toBe("a\u0000b");
  });

  it("is null when the body is not a form", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(await readFormData(request)).toBeNull();
  });
});

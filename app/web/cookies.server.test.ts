import { afterEach, describe, expect, it, vi } from "vitest";

const settings = { secureCookies: false };
vi.mock("~/config.server", () => ({ config: () => settings }));

const { cookieName, readCookie, serializeCookie } = await import("./cookies.server");

afterEach(() => {
  settings.secureCookies = false;
});

describe("cookie names", () => {
  it("in a deployment on https every cookie is a __Host- cookie: Secure, path /, no Domain", () => {
    settings.secureCookies = true;
    expect(cookieName("__session")).toBe("__Host-session");
    expect(serializeCookie("__session", "abc")).toBe("__Host-session=abc; Path=/; SameSite=Lax; HttpOnly; Secure");
    expect(serializeCookie("csrf", "x")).toMatch(/^__Host-csrf=x; Path=\/; .*Secure/);
    expect(serializeCookie("lng", "cy")).not.toMatch(/Domain=/i);
    // Only the __Host- cookie counts: one planted without the prefix (by a subdomain, say) is ignored.
    const request = new Request("http://x/", { headers: { Cookie: "__session=planted; __Host-session=real" } });
    expect(readCookie(request, "__session")).toBe("real");
    expect(readCookie(new Request("http://x/", { headers: { Cookie: "csrf=planted" } }), "csrf")).toBeUndefined();
  });

  it("the local demo on http keeps plain names (a browser refuses __Host- cookies without https)", () => {
    expect(serializeCookie("__session", "abc")).toBe("__session=abc; Path=/; SameSite=Lax; HttpOnly");
    expect(readCookie(new Request("http://x/", { headers: { Cookie: "__session=abc" } }), "__session")).toBe("abc");
  });
});

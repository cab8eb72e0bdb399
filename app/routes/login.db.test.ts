import { describe, expect, it } from "vitest";
import { demoPeople, DEMO_PASSWORD, seedDemoData } from "#db/seed";
import { csrfForRequest } from "~/web/csrf.server";
import { signIn } from "~/models/account.server";
import { getDb } from "~/utils/db.server";
import { action } from "./login";

/** A form post that carries a valid CSRF cookie and token, as the sign-in page would send. */
function post(fields: Record<string, string>): Request {
  const { token, setCookie } = csrfForRequest(new Request("http://localhost/login"));
  const cookie = setCookie!.split(";")[0]!;
  return new Request("http://localhost/login", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrf: token }),
  });
}

const context = { clientAddress: "192.0.2.1" };

describe("sign-in action", () => {
  it("signs in with a new session cookie and goes where the person was going", async () => {
    await seedDemoData(getDb());
    const response = await action({
      request: post({ email: demoPeople.sam.email, password: DEMO_PASSWORD, redirectTo: "/people/x" }),
      params: {},
      context,
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/people/x");
    expect(response.headers.get("Set-Cookie")).toMatch(/^__session=[^;]{20,}; Path=\/; SameSite=Lax; HttpOnly/);
  });

  it("never redirects off the site after sign-in", async () => {
    await seedDemoData(getDb());
    const response = await action({
      request: post({ email: demoPeople.sam.email, password: DEMO_PASSWORD, redirectTo: "//evil.example" }),
      params: {},
      context,
    });
    expect(response.headers.get("Location")).toBe("/");
  });

  it("after 10 failures says how many minutes to wait, and does not echo the password", async () => {
    await seedDemoData(getDb());
    // Nine wrong answers from this address (without the growing wait between them, decision 037),
    // then the tenth through the page.
    for (let i = 0; i < 9; i++) {
      await signIn(getDb(), { email: demoPeople.sam.email, password: "wrong-guess", address: context.clientAddress }, new Date(), { sleep: async () => {} });
    }
    const last: Response = await action({ request: post({ email: demoPeople.sam.email, password: "wrong-guess" }), params: {}, context });
    expect(last.status).toBe(429);
    const body = await last.json();
    expect(body.error[""]).toEqual(['auth:signIn.locked|{"count":15}']);
    expect(JSON.stringify(body)).not.toContain("wrong-guess");
    expect(body.initialValue.email).toBe(demoPeople.sam.email);
  });

  it("refuses a post without the CSRF token", async () => {
    const request = new Request("http://localhost/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: demoPeople.sam.email, password: DEMO_PASSWORD }),
    });
    await expect(action({ request, params: {}, context })).rejects.toMatchObject({ status: 403 });
  });
});

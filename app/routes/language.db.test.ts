import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { csrfForRequest } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { loader as rootLoader } from "~/root";
import { actorFor } from "../../tests/support/actors";
import { action, loader } from "./language";

/** Issue 16 item 8: no state change on GET. The language is saved by POST only. */
async function sam() {
  await seedDemoData(getDb());
  const accountId = (await actorFor(demoPeople.sam.email)).accountId;
  const cookie = `${SESSION_COOKIE}=${await createSession(getDb(), accountId)}; csrf=${"c".repeat(43)}`;
  const saved = async () => (await getDb().select({ lng: accounts.preferredLanguage }).from(accounts).where(eq(accounts.id, accountId)))[0]!.lng;
  return { cookie, saved };
}

describe("choosing a language", () => {
  it("a ?lng= link shows the page in that language and saves nothing, in the account or the browser", async () => {
    const { cookie, saved } = await sam();
    const before = await saved();
    const response = (await rootLoader({ request: new Request("http://localhost/?lng=cy", { headers: { Cookie: cookie } }), params: {}, context: {} })) as Response;
    expect((await response.json()).lng).toBe("cy");
    expect(response.headers.getSetCookie().filter((c) => c.startsWith("lng="))).toEqual([]);
    expect(await saved()).toBe(before);
  });

  it("the switcher's POST saves it for the signed-in person and this browser, then goes back to the page", async () => {
    const { cookie, saved } = await sam();
    const { token } = csrfForRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    const response = await action({
      request: new Request("http://localhost/language", {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: token, lng: "cy", redirectTo: "/people/x/plan?lng=ar&tab=1" }),
      }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/people/x/plan?tab=1");
    expect(response.headers.get("Set-Cookie")).toMatch(/^lng=cy; Path=\/; SameSite=Lax; HttpOnly; Max-Age=31536000$/);
    expect(await saved()).toBe("cy");
  });

  it("refuses a language we do not have, a post without its CSRF token, and never goes off the site", async () => {
    const { cookie, saved } = await sam();
    const before = await saved();
    const { token } = csrfForRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    const send = async (fields: Record<string, string>) => {
      try {
        return await action({
          request: new Request("http://localhost/language", {
            method: "POST",
            headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(fields),
          }),
          params: {},
          context: {},
        });
      } catch (thrown) {
        return thrown as Response;
      }
    };
    expect((await send({ csrf: token, lng: "xx" })).status).toBe(400);
    expect((await send({ lng: "cy" })).status).toBe(403);
    expect(await saved()).toBe(before);
    expect((await send({ csrf: token, lng: "pl", redirectTo: "//evil.example/" })).headers.get("Location")).toBe("/");
    // Opening the address changes nothing.
    expect((await loader()).headers.get("Location")).toBe("/");
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { csrfForRequest } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { actorFor } from "../../tests/support/actors";
import { action, loader } from "./exit";

/** Sam signed in, in Welsh, and the form "Exit this page" sends (with the page's CSRF token, or `csrf`). */
async function exitRequest(csrf?: string) {
  await seedDemoData(getDb());
  const { accountId } = await actorFor(demoPeople.sam.email);
  const session = await createSession(getDb(), accountId);
  const cookie = `${SESSION_COOKIE}=${session}; csrf=${"c".repeat(43)}; lng=cy`;
  const token = csrf ?? csrfForRequest(new Request("http://localhost/", { headers: { Cookie: cookie } })).token;
  const request = new Request("http://localhost/exit", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf: token }),
  });
  return { request, accountId };
}

async function signOutsOf(accountId: string) {
  return getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.recordId, accountId));
}

describe("Exit this page", () => {
  it("signs out, asks the browser to forget the portal, and leads at once to the neutral page in the person's language", async () => {
    const { request, accountId } = await exitRequest();
    const response = await action({ request, params: {}, context: {} });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/new-tab?lng=cy");
    expect(response.headers.get("Clear-Site-Data")).toBe('"cache", "cookies", "storage"');
    expect(response.headers.get("Set-Cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(await getDb().select().from(sessions)).toEqual([]);
    expect(await signOutsOf(accountId)).toEqual([{ action: "sign_out" }]);
  });

  it.each([
    ["a stale token", "not-the-token"],
    ["no token", ""],
  ])("with %s it still signs out and leaves: no error page for someone in danger", async (_case, csrf) => {
    const { request } = await exitRequest(csrf);
    const response = await action({ request, params: {}, context: {} });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/new-tab?lng=cy");
    expect(await getDb().select().from(sessions)).toEqual([]);
  });

  it("signed out, or with a body that is not a form, it leaves all the same", async () => {
    const response = await action({ request: new Request("http://localhost/exit", { method: "POST", body: "{}" }), params: {}, context: {} });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/new-tab?lng=en-GB");
  });

  it("a GET leads to the neutral page and ends nothing (no state change on GET)", async () => {
    const { request } = await exitRequest();
    const response = await loader({ request: new Request("http://localhost/exit", { headers: request.headers }), params: {}, context: {} });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/new-tab?lng=cy");
    expect(await getDb().select().from(sessions)).toHaveLength(1);
  });
});

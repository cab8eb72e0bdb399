import { describe, expect, it } from "vitest";
import { sessions } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { csrfForRequest } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { actorFor } from "../../tests/support/actors";
import { action } from "./logout";

describe("signing out", () => {
  it("ends the session and asks the browser to forget the portal's cookies, cache and storage", async () => {
    await seedDemoData(getDb());
    const session = await createSession(getDb(), (await actorFor(demoPeople.sam.email)).accountId);
    const signedIn = new Request("http://localhost/", { headers: { Cookie: `${SESSION_COOKIE}=${session}; csrf=${"c".repeat(43)}; lng=cy` } });
    const { token } = csrfForRequest(signedIn);
    const response = await action({
      request: new Request("http://localhost/logout", {
        method: "POST",
        headers: { Cookie: signedIn.headers.get("Cookie")!, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: token }),
      }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Clear-Site-Data")).toBe('"cache", "cookies", "storage"');
    // The sign-in page that follows stays in the language the person was using.
    expect(response.headers.get("Location")).toBe("/login?lng=cy");
    expect(await getDb().select().from(sessions)).toEqual([]);
  });
});

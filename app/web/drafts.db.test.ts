import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, formDrafts, sessions } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { purgeExpired } from "~/models/housekeeping.server";
import { getDb } from "~/utils/db.server";
import { createSession, IDLE_LIMIT_MS, readSession, requireSignedIn, SESSION_COOKIE } from "./auth.server";
import { csrfForRequest, csrfToken, CSRF_COOKIE } from "./csrf.server";
import { decryptDraft, DRAFT_KEEP_MS, draftFieldsFrom, encryptDraft, keepDraft, restoreDraft, takeDraft } from "./drafts.server";

async function accountId(email: string): Promise<string> {
  const [row] = await getDb().select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  return row!.id;
}

const path = "/people/abc/recovery";

describe("drafts of forms whose session ended", () => {
  it("are kept encrypted and open only for the same account and page", async () => {
    await seedDemoData(getDb());
    const sam = await accountId(demoPeople.sam.email);
    const fields = { body: "Walking the dog every morning", lines: ["one", "two"] };
    const sealed = encryptDraft(fields, sam, path);
    expect(sealed).not.toContain("Walking");
    expect(decryptDraft(sealed, sam, path)).toEqual(fields);
    expect(decryptDraft(sealed, sam, "/communication-needs")).toBeNull();
    expect(decryptDraft(sealed, "00000000-0000-0000-0000-000000000000", path)).toBeNull();
    // Altered by one character: does not open.
    const altered = sealed.slice(0, -2) + (sealed.endsWith("AA") ? "BB" : "AA");
    expect(decryptDraft(altered, sam, path)).toBeNull();

    await keepDraft(getDb(), { accountId: sam, path, fields });
    const [row] = await getDb().select().from(formDrafts);
    expect(row!.fields).not.toContain("Walking");
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThanOrEqual(20 * 60 * 60 * 1000);

    const jo = await accountId(demoPeople.jo.email);
    expect(await takeDraft(getDb(), { accountId: jo, path })).toBeNull();
    expect(await takeDraft(getDb(), { accountId: sam, path: "/communication-needs" })).toBeNull();
    expect(await takeDraft(getDb(), { accountId: sam, path })).toEqual(fields);
    // Given once.
    expect(await takeDraft(getDb(), { accountId: sam, path })).toBeNull();
    expect(await getDb().select().from(formDrafts)).toHaveLength(0);
  });

  it("keep only text fields, never tokens or passwords", () => {
    const form = new FormData();
    form.set("csrf", "x");
    form.set("formToken", "y");
    form.set("password", "heron kettle");
    form.set("newPassword", "heron kettle");
    form.set("body", "My words");
    form.append("needs", "a");
    form.append("needs", "b");
    form.set("file", new Blob(["x"]), "x.txt");
    expect(draftFieldsFrom(form)).toEqual({ body: "My words", needs: ["a", "b"] });
    const empty = new FormData();
    empty.set("csrf", "x");
    expect(draftFieldsFrom(empty)).toBeNull();
  });

  it("a later draft of the same page replaces the earlier one; expired drafts are not given and are purged", async () => {
    await seedDemoData(getDb());
    const sam = await accountId(demoPeople.sam.email);
    const then = new Date("2026-11-24T10:00:00Z");
    await keepDraft(getDb(), { accountId: sam, path, fields: { body: "first" }, now: then });
    await keepDraft(getDb(), { accountId: sam, path, fields: { body: "second" }, now: then });
    await keepDraft(getDb(), { accountId: sam, path: "/communication-needs", fields: { other: "x" }, now: new Date() });
    expect(await getDb().select().from(formDrafts)).toHaveLength(2);
    const dayLater = new Date(then.getTime() + DRAFT_KEEP_MS + 1000);
    expect(await takeDraft(getDb(), { accountId: sam, path, now: new Date(then.getTime() + 20 * 60 * 60 * 1000) })).toEqual({
      body: "second",
    });
    await keepDraft(getDb(), { accountId: sam, path, fields: { body: "third" }, now: then });
    expect(await takeDraft(getDb(), { accountId: sam, path, now: dayLater })).toBeNull();

    await keepDraft(getDb(), { accountId: sam, path, fields: { body: "fourth" }, now: then });
    const removed = await purgeExpired(getDb(), dayLater);
    expect(removed.drafts).toBe(1);
    const left = await getDb().select().from(formDrafts);
    expect(left.map((d) => d.path)).toEqual(["/communication-needs"]);
  });

  it("a form posted after the session ended is kept for that account, then given back on the same page after signing in", async () => {
    await seedDemoData(getDb());
    const sam = await accountId(demoPeople.sam.email);
    const start = new Date();
    const token = await createSession(getDb(), sam, new Date(start.getTime() - 2 * IDLE_LIMIT_MS));
    const csrf = csrfForRequest(new Request("http://portal.test/"));
    const csrfCookie = decodeURIComponent(csrf.setCookie!.split(";")[0]!.split("=")[1]!);
    const post = (fields: Record<string, string>, cookieToken = token) => {
      // The page's token is bound to the session it was drawn in (decision 036): the one that has now ended.
      const body = new URLSearchParams({ ...fields, ...(fields.csrf === csrf.token ? { csrf: csrfToken(csrfCookie, cookieToken) } : {}) });
      return new Request(`http://portal.test${path}`, {
        method: "POST",
        body,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Cookie: `${SESSION_COOKIE}=${cookieToken}; ${CSRF_COOKIE}=${csrfCookie}`,
        },
      });
    };
    // A post without the right CSRF token keeps nothing.
    const forged = await requireSignedIn(post({ body: "forged", csrf: "wrong", keepsDraft: "1" })).catch((r: Response) => r);
    expect((forged as Response).headers.get("Location")).toContain("reason=timeout");
    expect(await getDb().select().from(formDrafts)).toHaveLength(0);

    // A form whose page does not give drafts back (no <Form keepsDraft>): nothing is promised or kept.
    const token1 = await createSession(getDb(), sam, new Date(start.getTime() - 2 * IDLE_LIMIT_MS));
    const plain = await requireSignedIn(post({ body: "not kept", csrf: csrf.token }, token1)).catch((r: Response) => r);
    expect((plain as Response).headers.get("Location")).toContain("reason=timeout");
    expect(await getDb().select().from(formDrafts)).toHaveLength(0);

    const token2 = await createSession(getDb(), sam, new Date(start.getTime() - 2 * IDLE_LIMIT_MS));
    const thrown = await requireSignedIn(post({ body: "What recovery means to me", csrf: csrf.token, keepsDraft: "1" }, token2)).catch(
      (r: Response) => r,
    );
    expect(thrown).toBeInstanceOf(Response);
    const location = (thrown as Response).headers.get("Location")!;
    expect(location).toContain("reason=kept");
    expect(location).toContain(encodeURIComponent(path));
    expect(location).not.toContain("recovery%20means");
    // The ended session stays ended; the draft is kept, encrypted.
    expect((await readSession(post({ body: "x", csrf: csrf.token }, token2))).status).toBe("expired");
    const [row] = await getDb().select().from(formDrafts);
    expect(row!.accountId).toBe(sam);
    expect(row!.fields).not.toContain("recovery");

    // Another tab reached the sign-in page first (its session check saw the session had ended):
    // a form saved in this tab afterwards is still kept.
    const token3 = await createSession(getDb(), sam, new Date(start.getTime() - 2 * IDLE_LIMIT_MS));
    const otherTab = new Request("http://portal.test/login", { headers: { Cookie: `${SESSION_COOKIE}=${token3}` } });
    expect(await readSession(otherTab)).toEqual({ status: "expired", accountId: sam });
    const late = await requireSignedIn(post({ body: "second tab", csrf: csrf.token, keepsDraft: "1" }, token3)).catch((r: Response) => r);
    expect((late as Response).headers.get("Location")).toContain("reason=kept");

    // A session that no longer exists names no account: nothing is kept.
    expect(await readSession(post({ body: "x", csrf: csrf.token }, "unknown"))).toEqual({ status: "expired", accountId: null });

    // Signed in again: the page's loader gets it once.
    const fresh = await createSession(getDb(), sam);
    const get = () => new Request(`http://portal.test${path}`, { headers: { Cookie: `${SESSION_COOKIE}=${fresh}` } });
    const jo = await accountId(demoPeople.jo.email);
    expect(await restoreDraft(get(), jo)).toBeNull();
    // The later post (from the second tab) replaced the first: one draft per account and page.
    expect(await restoreDraft(get(), sam)).toEqual({ initialValue: { body: "second tab" }, restored: true });
    // Grouped fields come back grouped, as the forms read them.
    await keepDraft(getDb(), { accountId: sam, path, fields: { "support[0].who": "Jo", "targetDate.day": "3", needs: ["a", "b"] } });
    expect(await restoreDraft(get(), sam)).toEqual({
      initialValue: { support: [{ who: "Jo" }], targetDate: { day: "3" }, needs: ["a", "b"] },
      restored: true,
    });
    expect(await restoreDraft(get(), sam)).toBeNull();

    // Housekeeping removes ended sessions after a day, not before.
    const purged = await purgeExpired(getDb(), new Date(start.getTime() + 60 * 60 * 1000));
    expect(purged.sessions).toBe(0);
    const ended = await getDb().select().from(sessions).where(eq(sessions.accountId, sam));
    expect(ended.length).toBeGreaterThan(1);
    await purgeExpired(getDb(), new Date(start.getTime() + 25 * 60 * 60 * 1000));
    expect(await getDb().select().from(sessions).where(eq(sessions.accountId, sam))).toHaveLength(0);
  });
});

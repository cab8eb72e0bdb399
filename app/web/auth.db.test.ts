import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, communicationNeeds, relationships, sessions, sharingGrants } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { sha256 } from "~/utils/crypto.server";
import { getDb } from "~/utils/db.server";
import {
  ABSOLUTE_LIMIT_MS,
  createSession,
  endSession,
  extendSession,
  IDLE_LIMIT_MS,
  readSession,
  SESSION_COOKIE,
} from "./auth.server";

async function accountId(email: string) {
  const [row] = await getDb().select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  return row!.id;
}

const withCookie = (token: string) => new Request("http://x/", { headers: { Cookie: `${SESSION_COOKIE}=${token}` } });

describe("sessions", () => {
  it("stores only a hash of the cookie's token", async () => {
    await seedDemoData(getDb());
    const token = await createSession(getDb(), await accountId(demoPeople.sam.email));
    const rows = await getDb().select().from(sessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idHash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("gives a new id at each sign-in", async () => {
    await seedDemoData(getDb());
    const id = await accountId(demoPeople.sam.email);
    expect(await createSession(getDb(), id)).not.toBe(await createSession(getDb(), id));
  });

  it("ends after 30 minutes idle", async () => {
    await seedDemoData(getDb());
    const start = new Date("2026-11-24T10:00:00Z");
    const token = await createSession(getDb(), await accountId(demoPeople.sam.email), start);
    const justBefore = await readSession(withCookie(token), new Date(start.getTime() + IDLE_LIMIT_MS - 1000));
    expect(justBefore.status).toBe("active");
    const after = await readSession(withCookie(token), new Date(start.getTime() + 2 * IDLE_LIMIT_MS));
    expect(after.status).toBe("expired");
  });

  it("ends after 12 hours however active", async () => {
    await seedDemoData(getDb());
    const start = new Date("2026-11-24T08:00:00Z");
    const token = await createSession(getDb(), await accountId(demoPeople.sam.email), start);
    // Active every 20 minutes for 12 hours.
    for (let t = 20; t * 60 * 1000 < ABSOLUTE_LIMIT_MS; t += 20) {
      const at = new Date(start.getTime() + t * 60 * 1000);
      expect((await readSession(withCookie(token), at)).status).toBe("active");
    }
    const end = new Date(start.getTime() + ABSOLUTE_LIMIT_MS + 1000);
    expect((await readSession(withCookie(token), end)).status).toBe("expired");
  });

  it("carries whether the person's own communication needs ask for Easy Read, read afresh each request", async () => {
    await seedDemoData(getDb());
    const id = await accountId(demoPeople.sam.email);
    const token = await createSession(getDb(), id);
    const easyRead = async () => {
      const state = await readSession(withCookie(token));
      return state.status === "active" ? state.signedIn.account.needsEasyRead : null;
    };
    await getDb().delete(communicationNeeds).where(eq(communicationNeeds.accountId, id));
    expect(await easyRead(), "no needs recorded").toBe(false);
    await getDb().insert(communicationNeeds).values({ accountId: id, formats: ["large_print"] });
    expect(await easyRead(), "other formats").toBe(false);
    await getDb().update(communicationNeeds).set({ formats: ["large_print", "easy_read"] }).where(eq(communicationNeeds.accountId, id));
    expect(await easyRead(), "Easy Read").toBe(true);
    await getDb().update(communicationNeeds).set({ noNeeds: true }).where(eq(communicationNeeds.accountId, id));
    expect(await easyRead(), "\"no needs\" ticked").toBe(false);
  });

  it("'stay signed in' moves the idle clock on", async () => {
    await seedDemoData(getDb());
    const start = new Date("2026-11-24T10:00:00Z");
    const token = await createSession(getDb(), await accountId(demoPeople.sam.email), start);
    const warnedAt = new Date(start.getTime() + IDLE_LIMIT_MS - 2 * 60 * 1000);
    expect(await extendSession(getDb(), withCookie(token), warnedAt)).toBe(true);
    const later = new Date(warnedAt.getTime() + IDLE_LIMIT_MS - 1000);
    expect((await readSession(withCookie(token), later)).status).toBe("active");
  });

  it("sign-out ends the session on the server", async () => {
    await seedDemoData(getDb());
    const token = await createSession(getDb(), await accountId(demoPeople.sam.email));
    await endSession(getDb(), withCookie(token));
    expect((await readSession(withCookie(token))).status).toBe("expired");
  });

  it("loads only active grants: a withdrawn grant stops working on the next request", async () => {
    await seedDemoData(getDb());
    const alex = await accountId(demoPeople.alex.email);
    const token = await createSession(getDb(), alex);
    const first = await readSession(withCookie(token));
    expect(first.status === "active" && first.signedIn.actor.relationships[0]!.scopes).toEqual(
      expect.arrayContaining(["plan.crisis", "plan.care_team"]),
    );
    const [rel] = await getDb().select().from(relationships).where(eq(relationships.accountId, alex));
    await getDb()
      .update(sharingGrants)
      .set({ withdrawnAt: new Date() })
      .where(eq(sharingGrants.relationshipId, rel!.id));
    const next = await readSession(withCookie(token));
    expect(next.status === "active" && next.signedIn.actor.relationships[0]!.scopes).toEqual([]);
  });
});

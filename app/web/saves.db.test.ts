import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { formSubmissions, goalProgress, goals, sessions } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { recordGoalProgress } from "~/models/goals.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { createSession, SESSION_COOKIE } from "./auth.server";
import { CSRF_FIELD } from "./csrf.server";
import { purgeExpired } from "~/models/housekeeping.server";
import { getDb, type Db } from "~/utils/db.server";
import { FORM_TOKEN_FIELD, FORM_TOKEN_TTL_MS, newFormToken, runOnce, saved, saveOnce, takeFlash } from "./saves.server";

async function samsGoal() {
  await seedDemoData(getDb());
  const sam = await recordId("Sam Taylor");
  const actor = await actorFor(demoPeople.sam.email);
  const [goal] = await getDb().select().from(goals).where(eq(goals.serviceUserId, sam));
  const count = async () => (await getDb().select().from(goalProgress).where(eq(goalProgress.goalId, goal!.id))).length;
  return { sam, actor, goalId: goal!.id, count };
}

describe("saving a form once per token", () => {
  it("a second post with the same token changes nothing and goes where the first went", async () => {
    const { sam, actor, goalId, count } = await samsGoal();
    const before = await count();
    const token = newFormToken();
    const save = async (tx: Db) => {
      await recordGoalProgress(tx, actor, sam, goalId, { rating: 6, note: "A good week" });
      return saved(`/people/${sam}/goals/${goalId}#progress`, "progressSaved");
    };
    const first = await runOnce(getDb(), { token, accountId: actor.accountId }, save);
    expect(first).toEqual({ repeat: false, saved: { to: `/people/${sam}/goals/${goalId}#progress`, message: "progressSaved" } });
    const second = await runOnce(getDb(), { token, accountId: actor.accountId }, save);
    expect(second).toEqual({ repeat: true, saved: first.saved });
    expect(await count()).toBe(before + 1);
    // A new token (the next form) saves again.
    await runOnce(getDb(), { token: newFormToken(), accountId: actor.accountId }, save);
    expect(await count()).toBe(before + 2);
  });

  it("two posts with the same token at the same moment give one row", async () => {
    const { sam, actor, goalId, count } = await samsGoal();
    const before = await count();
    const token = newFormToken();
    const outcomes = await Promise.all(
      [1, 2, 3].map(() =>
        runOnce(getDb(), { token, accountId: actor.accountId }, async (tx) => {
          await recordGoalProgress(tx, actor, sam, goalId, { rating: 3, note: "Twice?" });
          return saved(`/people/${sam}/goals/${goalId}`, "progressSaved");
        }),
      ),
    );
    expect(await count()).toBe(before + 1);
    expect(outcomes.filter((o) => !o.repeat)).toHaveLength(1);
    expect(outcomes.every((o) => o.saved?.to === `/people/${sam}/goals/${goalId}`)).toBe(true);
  });

  it("a save that fails frees the token, and someone else's token gives nothing away", async () => {
    const { sam, actor, goalId, count } = await samsGoal();
    const before = await count();
    const token = newFormToken();
    await expect(
      runOnce(getDb(), { token, accountId: actor.accountId }, async () => {
        throw new Error("the save failed");
      }),
    ).rejects.toThrow("the save failed");
    expect(await getDb().select().from(formSubmissions)).toEqual([]);
    await runOnce(getDb(), { token, accountId: actor.accountId }, async (tx) => {
      await recordGoalProgress(tx, actor, sam, goalId, { rating: 5, note: "" });
      return saved(`/people/${sam}/goals/${goalId}`);
    });
    expect(await count()).toBe(before + 1);
    const jo = await actorFor(demoPeople.jo.email);
    const other = await runOnce(getDb(), { token, accountId: jo.accountId }, async () => saved("/staff"));
    expect(other).toEqual({ repeat: true, saved: null });
  });

  it("tokens are kept for a day, then forgotten by the housekeeping (a save writes no tidy-up)", async () => {
    const { actor } = await samsGoal();
    const then = new Date("2026-01-01T09:00:00Z");
    await runOnce(getDb(), { token: newFormToken(), accountId: actor.accountId, now: then }, async () => saved("/plan"));
    const [row] = await getDb().select().from(formSubmissions);
    expect(row!.expiresAt.getTime() - then.getTime()).toBe(FORM_TOKEN_TTL_MS);
    const later = new Date(then.getTime() + FORM_TOKEN_TTL_MS + 1);
    await runOnce(getDb(), { token: newFormToken(), accountId: actor.accountId, now: later }, async () => saved("/plan"));
    // The save left the expired token alone.
    expect(await getDb().select().from(formSubmissions)).toHaveLength(2);
    expect((await purgeExpired(getDb(), later)).formTokens).toBe(1);
    expect(await getDb().select().from(formSubmissions)).toHaveLength(1);
  });

  it("saveOnce redirects with a message kept in the session (never in the address), shown once", async () => {
    const { sam, actor, goalId, count } = await samsGoal();
    const before = await count();
    const sessionToken = await createSession(getDb(), actor.accountId);
    const token = newFormToken();
    const post = () => {
      const formData = new FormData();
      formData.set(CSRF_FIELD, "checked-elsewhere");
      formData.set(FORM_TOKEN_FIELD, token);
      const request = new Request(`http://localhost/people/${sam}/goals/${goalId}`, {
        method: "POST",
        headers: { Cookie: `${SESSION_COOKIE}=${sessionToken}` },
      });
      return { request, formData };
    };
    const save = async (tx: Db) => {
      await recordGoalProgress(tx, actor, sam, goalId, { rating: 8, note: "" });
      return saved(`/people/${sam}/goals/${goalId}#progress`, "progressSaved");
    };
    const a = post();
    const first = await saveOnce(a.request, a.formData, actor.accountId, save);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`/people/${sam}/goals/${goalId}#progress`);
    expect(first.headers.get("Set-Cookie")).toBeNull();
    const [session] = await getDb().select().from(sessions);
    expect(session!.flash).toBe("progressSaved");
    expect(await takeFlash(getDb(), a.request)).toBe("progressSaved");
    expect(await takeFlash(getDb(), a.request)).toBeNull();

    const b = post();
    const again = await saveOnce(b.request, b.formData, actor.accountId, save);
    expect(again.headers.get("Location")).toBe(`/people/${sam}/goals/${goalId}#progress`);
    expect(await count()).toBe(before + 1);
  });
});

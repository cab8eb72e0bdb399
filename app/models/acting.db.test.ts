import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { accounts, auditEvents } from "#db/schema/index";
import { loadActor } from "~/web/auth.server";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { addGoal, getGoal, recordGoalProgress } from "./goals.server";
import { NotFoundError } from "./access.server";
import { listRecoveryVersions, writeRecoveryStatement } from "./recovery.server";
import { endActingOnBehalf, listActingCandidates, listSupporters, recordActingOnBehalf, setActingOnBehalf } from "./sharing.server";

const goal = { what: "Go back to the allotment", why: "", firstStep: "", whoCanHelp: "", targetDate: null };

async function relationshipOf(name: string, serviceUserId: string) {
  const supporters = await listSupporters(getDb(), await actorFor(demoPeople.sam.email), serviceUserId);
  return supporters.find((s) => s.name === name)!.relationshipId;
}

describe("acting on someone's behalf", () => {
  it("Priya's entries for Sam say who entered them and on whose behalf; Sam's own do not", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const priya = await actorFor(demoPeople.priya.email);
    const samActor = await actorFor(demoPeople.sam.email);
    const id = await addGoal(getDb(), priya, sam, goal);
    await recordGoalProgress(getDb(), priya, sam, id, { rating: 4, note: "Sam went once" });
    await recordGoalProgress(getDb(), samActor, sam, id, { rating: 6, note: "" });
    await writeRecoveryStatement(getDb(), priya, sam, "Feeling settled at home.");
    const seen = await getGoal(getDb(), samActor, sam, id);
    expect(seen.enteredBy).toEqual({ name: "Priya Shah", as: "advocate_for" });
    expect(seen.progress.map((p) => p.enteredBy)).toEqual([{ name: "Priya Shah", as: "advocate_for" }, null]);
    const [latest] = await listRecoveryVersions(getDb(), samActor, sam);
    expect(latest!.enteredBy).toEqual({ name: "Priya Shah", as: "advocate_for" });
    const audit = await getDb().select().from(auditEvents).where(and(eq(auditEvents.serviceUserId, sam), eq(auditEvents.action, "goal.progress")));
    expect(audit.map((a) => [a.capacity, a.onBehalfOf])).toEqual([
      ["advocate_for", sam],
      ["service_user", null],
    ]);
  });

  it("Sam can stop Priya filling in forms for him and allow it again; the change is in the history", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const rel = await relationshipOf("Priya Shah", sam);
    expect(await setActingOnBehalf(getDb(), samActor, sam, rel, false)).toBe(true);
    await expect(addGoal(getDb(), await actorFor(demoPeople.priya.email), sam, goal)).rejects.toBeInstanceOf(NotFoundError);
    // She still sees what Sam shares with her.
    expect((await actorFor(demoPeople.priya.email)).relationships[0]!.scopes).toContain("goals.read");
    expect(await setActingOnBehalf(getDb(), samActor, sam, rel, false)).toBe(false);
    expect(await setActingOnBehalf(getDb(), samActor, sam, rel, true)).toBe(true);
    await addGoal(getDb(), await actorFor(demoPeople.priya.email), sam, goal);
    const history = (await listSupporters(getDb(), samActor, sam)).find((s) => s.relationshipId === rel)!.history;
    expect(history.slice(0, 2).map((h) => [h.added, h.removed])).toEqual([
      [["act_on_behalf"], []],
      [[], ["act_on_behalf"]],
    ]);
  });

  it("a carer is never given it, and only the person chooses it for themselves", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const alexRel = await relationshipOf("Alex Taylor", sam);
    const priyaRel = await relationshipOf("Priya Shah", sam);
    await expect(setActingOnBehalf(getDb(), await actorFor(demoPeople.sam.email), sam, alexRel, true)).rejects.toBeInstanceOf(NotFoundError);
    for (const who of ["priya", "jo", "alex", "tom"] as const) {
      await expect(setActingOnBehalf(getDb(), await actorFor(demoPeople[who].email), sam, priyaRel, false)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("staff record it for one decision with a legal basis and an end date; it stops on that date", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const jo = await actorFor(demoPeople.jo.email);
    const rel = await relationshipOf("Priya Shah", sam);
    await setActingOnBehalf(getDb(), samActor, sam, rel, false);
    expect((await listActingCandidates(getDb(), jo, sam)).map((c) => c.name)).toEqual(["Priya Shah"]);
    await recordActingOnBehalf(getDb(), jo, sam, rel, { basis: "best_interests", decision: "Asking for an IMHA before the tribunal", endsOn: "2099-03-31" });
    const grant = (await listSupporters(getDb(), samActor, sam))
      .find((s) => s.relationshipId === rel)!
      .grants.find((g) => g.scope === "act_on_behalf")!;
    expect(grant).toMatchObject({ basis: "best_interests", basisNote: "Asking for an IMHA before the tribunal", grantedBy: "Jo Okafor" });
    await addGoal(getDb(), await actorFor(demoPeople.priya.email), sam, goal);
    const [priyaAccount] = await getDb().select().from(accounts).where(eq(accounts.email, demoPeople.priya.email));
    const later = await loadActor(getDb(), priyaAccount!, new Date("2099-04-01T12:00:00Z"));
    await expect(addGoal(getDb(), later, sam, goal)).rejects.toBeInstanceOf(NotFoundError);
    // Sam's own "no" does not undo what the team recorded for that one decision; the team can end it.
    await setActingOnBehalf(getDb(), samActor, sam, rel, false);
    await addGoal(getDb(), await actorFor(demoPeople.priya.email), sam, goal);
    await expect(endActingOnBehalf(getDb(), samActor, sam, rel)).rejects.toBeInstanceOf(NotFoundError);
    await endActingOnBehalf(getDb(), jo, sam, rel);
    await expect(addGoal(getDb(), await actorFor(demoPeople.priya.email), sam, goal)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("only the person's care team may record it, and never for a carer", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const rel = await relationshipOf("Priya Shah", sam);
    const alexRel = await relationshipOf("Alex Taylor", sam);
    const input = { basis: "best_interests" as const, decision: "Care review", endsOn: "2099-03-31" };
    for (const who of ["sam", "priya", "alex", "tom", "maya"] as const) {
      await expect(recordActingOnBehalf(getDb(), await actorFor(demoPeople[who].email), sam, rel, input)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(recordActingOnBehalf(getDb(), await actorFor(demoPeople.jo.email), sam, alexRel, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordActingOnBehalf(getDb(), await actorFor(demoPeople.jo.email), sam, "not-a-uuid", input)).rejects.toBeInstanceOf(NotFoundError);
  });
});

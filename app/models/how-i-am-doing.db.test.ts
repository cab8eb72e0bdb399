import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, dialogRatings, dialogRatingSets } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { NotFoundError } from "./access.server";
import { listHowIAmDoing, recordHowIAmDoing, type DialogAnswers } from "./how-i-am-doing.server";
import { makeRecordCopy } from "./my-data.server";
import { dialogAreas } from "./vocabulary/how-i-am-doing";

const answers = (rating: number, moreHelpWith: string[] = []): DialogAnswers =>
  Object.fromEntries(dialogAreas.map((a) => [a, { rating, moreHelp: moreHelpWith.includes(a) }])) as DialogAnswers;

describe("how I am doing", () => {
  it("Sam says how he is doing twice; both come back oldest first, area by area, and each save is audited without the ratings", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const actor = await actorFor(demoPeople.sam.email);
    // The seed has two times already; these are the third and fourth.
    await recordHowIAmDoing(getDb(), actor, sam, answers(2, ["safety"]), new Date("2027-01-01T10:00:00Z"));
    await recordHowIAmDoing(getDb(), actor, sam, answers(6), new Date("2027-02-01T10:00:00Z"));
    const sets = await listHowIAmDoing(getDb(), actor, sam);
    expect(sets).toHaveLength(4);
    expect(sets.slice(-2).map((s) => s.answers.safety)).toEqual([
      { rating: 2, moreHelp: true },
      { rating: 6, moreHelp: false },
    ]);
    expect(sets.at(-1)!.enteredBy).toBeNull();
    expect(Object.keys(sets.at(-1)!.answers).sort()).toEqual([...dialogAreas].sort());
    const audit = await getDb().select().from(auditEvents).where(eq(auditEvents.serviceUserId, sam));
    expect(audit.map((e) => [e.action, e.recordType, e.details])).toEqual([
      ["how_i_am_doing.record", "dialog_ratings", { moreHelp: 1 }],
      ["how_i_am_doing.record", "dialog_ratings", { moreHelp: 0 }],
    ]);
  });

  it("Jo (care team) reads them, and the read is in Sam's access log; she cannot enter them", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const sets = await listHowIAmDoing(getDb(), jo, sam);
    expect(sets).toHaveLength(2);
    expect(sets[1]!.answers.mentalHealth).toEqual({ rating: 4, moreHelp: false });
    const [read] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.serviceUserId, sam), eq(auditEvents.action, "read")));
    expect(read).toMatchObject({ recordType: "dialog_ratings", capacity: "care_team_member_of", basis: "care_team" });
    await expect(recordHowIAmDoing(getDb(), jo, sam, answers(4))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("Priya, acting for Sam, enters them: they read 'entered by Priya Shah (advocate)' and the log says on his behalf", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const priya = await actorFor(demoPeople.priya.email);
    const id = await recordHowIAmDoing(getDb(), priya, sam, answers(5));
    const sets = await listHowIAmDoing(getDb(), priya, sam);
    expect(sets.find((s) => s.id === id)!.enteredBy).toEqual({ name: "Priya Shah", as: "advocate_for" });
    const [change] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "how_i_am_doing.record"));
    expect(change).toMatchObject({ onBehalfOf: sam, capacity: "advocate_for", basis: "acting_for" });
  });

  it("Alex (a carer, whatever Sam shares) and Maya (someone else) can neither read nor enter them", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    for (const who of [demoPeople.alex.email, demoPeople.maya.email]) {
      const actor = await actorFor(who);
      await expect(listHowIAmDoing(getDb(), actor, sam)).rejects.toBeInstanceOf(NotFoundError);
      await expect(recordHowIAmDoing(getDb(), actor, sam, answers(4))).rejects.toBeInstanceOf(NotFoundError);
    }
    // And Sam cannot enter them in Maya's record.
    const maya = await recordId("Maya Rahman");
    await expect(recordHowIAmDoing(getDb(), await actorFor(demoPeople.sam.email), maya, answers(4))).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each([0, 8])("the database refuses a rating of %i", async (rating) => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const [set] = await getDb().insert(dialogRatingSets).values({ serviceUserId: sam }).returning({ id: dialogRatingSets.id });
    await expect(getDb().insert(dialogRatings).values({ setId: set!.id, area: "mentalHealth", rating })).rejects.toThrow();
  });

  it("is in Sam's copy of his information, each time with its eleven ratings", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const copy = await makeRecordCopy(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(copy.howIAmDoing).toHaveLength(2);
    expect(copy.howIAmDoing.map((d) => d.ratings.length)).toEqual([11, 11]);
    expect(copy.howIAmDoing[0]!.ratings.find((r) => r.area === "job")).toMatchObject({ rating: 2, moreHelp: true });
  });
});

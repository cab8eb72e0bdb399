import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attentionDone, auditEvents, reviews } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { attentionCounts, listAttention, markAttentionDone } from "./attention.server";
import { listCarerMessages, requestAssessment, sendCarerMessage, updateAssessmentRequest } from "./carers.server";
import { commentOnPlanVersion } from "./plan-versions.server";
import { recordReview } from "./plan.server";
import { NotFoundError } from "./access.server";
import { requestFormat, updateRequestStatus } from "./requests.server";

const WORRY = "Sam has not been answering his phone since Sunday and I am worried";

/** Alex writes, then asks for an assessment; Sam asks for easy read and says he does not agree with version 2. */
async function samsWeek() {
  await seedDemoData(getDb());
  const sam = await recordId("Sam Taylor");
  const alex = await actorFor(demoPeople.alex.email);
  const samActor = await actorFor(demoPeople.sam.email);
  const messageId = await sendCarerMessage(getDb(), alex, sam, WORRY);
  const assessmentId = await requestAssessment(getDb(), alex, { serviceUserId: sam, contactBy: "phone", bestTime: "", wantsAdvocate: false });
  const formatId = await requestFormat(getDb(), samActor, sam, { document: "plan", format: "easy_read", attachmentFormat: "", delivery: "post" });
  await commentOnPlanVersion(getDb(), samActor, sam, 2, { agreement: "disagree", comment: "I never said I wanted music." });
  // Agreeing without a word needs nobody's attention.
  await commentOnPlanVersion(getDb(), samActor, sam, 1, { agreement: "agree", comment: "" });
  return { sam, messageId, assessmentId, formatId };
}

describe("what needs staff attention", () => {
  it("on the demo data, Jo has nothing waiting and Tom has Maya's overdue review", async () => {
    await seedDemoData(getDb());
    expect((await listAttention(getDb(), await actorFor(demoPeople.jo.email))).open).toEqual([]);
    const tom = await listAttention(getDb(), await actorFor(demoPeople.tom.email));
    expect(tom.open.map((i) => [i.kind, i.displayName, i.overdue])).toEqual([["review_due", "Maya Rahman", true]]);
  });

  it("lists a carer's message, an assessment request, a request waiting and a disagreement, oldest first, for Sam's team only", async () => {
    const { sam, messageId, assessmentId, formatId } = await samsWeek();
    const jo = await actorFor(demoPeople.jo.email);
    const { open, done } = await listAttention(getDb(), jo);
    expect(open.map((i) => [i.kind, i.from, i.displayName])).toEqual([
      ["carer_message", "Alex Taylor", "Sam Taylor"],
      ["carer_assessment", "Alex Taylor", "Sam Taylor"],
      ["support_request", "Sam Taylor", "Sam Taylor"],
      ["plan_comment", "Sam Taylor", "Sam Taylor"],
    ]);
    expect(open.map((i) => i.recordId).slice(0, 3)).toEqual([messageId, assessmentId, formatId]);
    expect(open[0]!.words).toBe(WORRY);
    expect(open[2]!.requestKind).toBe("format");
    expect(open[3]).toMatchObject({ agreement: "disagree", planVersion: 2, words: "I never said I wanted music." });
    expect(done).toEqual([]);
    expect(await attentionCounts(getDb(), jo)).toEqual({ [sam]: 4 });
    // Counting logs nothing; showing the page logs that Jo read what is about Sam.
    const reads = () => getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "read"), eq(auditEvents.recordType, "attention")));
    expect(await reads()).toEqual([]);
    await listAttention(getDb(), jo, new Date(), { recordRead: true });
    expect((await reads()).map((r) => [r.serviceUserId, r.actorAccountId])).toEqual([[sam, jo.accountId]]);

    // Tom (Maya's coordinator) never sees any of Sam's items.
    const tom = await actorFor(demoPeople.tom.email);
    expect((await listAttention(getDb(), tom)).open.map((i) => i.displayName)).toEqual(["Maya Rahman"]);
    expect(Object.keys(await attentionCounts(getDb(), tom))).not.toContain(sam);
    // Nor do the carer and the person themselves.
    expect((await listAttention(getDb(), await actorFor(demoPeople.alex.email))).open).toEqual([]);
    expect((await listAttention(getDb(), await actorFor(demoPeople.sam.email))).open).toEqual([]);
  });

  it("marking done moves the item to done recently with who and when, audited; the message reads as read for the team", async () => {
    const { sam, messageId, assessmentId } = await samsWeek();
    const jo = await actorFor(demoPeople.jo.email);
    const at = new Date();
    await markAttentionDone(getDb(), jo, "carer_message", messageId, at);
    await markAttentionDone(getDb(), jo, "carer_assessment", assessmentId, at);
    // A second click keeps the first who and when.
    await markAttentionDone(getDb(), jo, "carer_assessment", assessmentId, new Date(at.getTime() + 60_000));
    const { open, done } = await listAttention(getDb(), jo);
    expect(open.map((i) => i.kind)).toEqual(["support_request", "plan_comment"]);
    expect(done.map((i) => [i.kind, i.done])).toEqual(
      expect.arrayContaining([
        ["carer_message", { how: "marked", by: "Jo Okafor", at: at.toISOString() }],
        ["carer_assessment", { how: "marked", by: "Jo Okafor", at: at.toISOString() }],
      ]),
    );
    expect(done).toHaveLength(2);
    expect(await attentionCounts(getDb(), jo)).toEqual({ [sam]: 2 });
    expect((await listCarerMessages(getDb(), jo, sam))[0]!.readAt).toBe(at.toISOString());
    const audit = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "attention.done"));
    expect(audit.map((a) => [a.recordType, a.recordId, a.capacity]).sort()).toEqual(
      [
        ["carer_assessment", assessmentId, "care_team_member_of"],
        ["carer_message", messageId, "care_team_member_of"],
      ].sort(),
    );
  });

  it("refuses anyone not on Sam's care team, as if the item did not exist, and records nothing", async () => {
    const { messageId, assessmentId, formatId } = await samsWeek();
    for (const email of [demoPeople.tom.email, demoPeople.alex.email, demoPeople.sam.email, demoPeople.priya.email, demoPeople.maya.email]) {
      const actor = await actorFor(email);
      await expect(markAttentionDone(getDb(), actor, "carer_message", messageId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(markAttentionDone(getDb(), actor, "carer_assessment", assessmentId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(markAttentionDone(getDb(), actor, "support_request", formatId)).rejects.toBeInstanceOf(NotFoundError);
    }
    // An item of one kind cannot be marked with the id of another, nor a made-up id.
    const jo = await actorFor(demoPeople.jo.email);
    await expect(markAttentionDone(getDb(), jo, "review_due", messageId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(markAttentionDone(getDb(), jo, "carer_message", "not-an-id")).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().select().from(attentionDone)).toEqual([]);
    expect(await getDb().select().from(auditEvents).where(eq(auditEvents.action, "attention.done"))).toEqual([]);
    expect((await listAttention(getDb(), jo)).open).toHaveLength(4);
  });

  it("an item moved on where it is dealt with leaves the list, saying who moved it", async () => {
    const { sam, assessmentId, formatId } = await samsWeek();
    const jo = await actorFor(demoPeople.jo.email);
    await updateRequestStatus(getDb(), jo, sam, formatId, { status: "seen", note: "" });
    await updateAssessmentRequest(getDb(), jo, sam, { requestId: assessmentId, status: "in_progress", note: "" });
    const { open, done } = await listAttention(getDb(), jo);
    expect(open.map((i) => i.kind)).toEqual(["carer_message", "plan_comment"]);
    expect(done.map((i) => [i.kind, i.done?.how, i.done?.by]).sort()).toEqual([
      ["carer_assessment", "moved_on", "Jo Okafor"],
      ["support_request", "moved_on", "Jo Okafor"],
    ]);
  });

  it("a review shows from four weeks before it is due; recording the review takes it away", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const now = new Date();
    const inDays = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    await getDb().update(reviews).set({ nextReviewOn: inDays(40) }).where(eq(reviews.serviceUserId, sam));
    expect((await listAttention(getDb(), jo, now)).open).toEqual([]);
    await getDb().update(reviews).set({ nextReviewOn: inDays(20) }).where(eq(reviews.serviceUserId, sam));
    expect((await listAttention(getDb(), jo, now)).open.map((i) => [i.kind, i.reviewOn, i.overdue])).toEqual([["review_due", inDays(20), false]]);
    await recordReview(getDb(), jo, sam, { heldOn: inDays(0), attendees: "Sam, Jo", summary: "Went well.", nextReviewOn: inDays(180) });
    expect((await listAttention(getDb(), jo, now)).open).toEqual([]);
  });

  it("Tom marks Maya's overdue review done; Jo cannot", async () => {
    await seedDemoData(getDb());
    const maya = await recordId("Maya Rahman");
    const [review] = await getDb().select().from(reviews).where(eq(reviews.serviceUserId, maya));
    await expect(markAttentionDone(getDb(), await actorFor(demoPeople.jo.email), "review_due", review!.id)).rejects.toBeInstanceOf(NotFoundError);
    const tom = await actorFor(demoPeople.tom.email);
    await markAttentionDone(getDb(), tom, "review_due", review!.id);
    const { open, done } = await listAttention(getDb(), tom);
    expect(open).toEqual([]);
    expect(done.map((i) => [i.kind, i.done?.by])).toEqual([["review_due", "Tom Hughes"]]);
    const rows = await getDb().select().from(attentionDone).where(and(eq(attentionDone.kind, "review_due"), eq(attentionDone.recordId, review!.id)));
    expect(rows).toHaveLength(1);
  });
});

import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sharingGrants } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import {
  getMyNeeds,
  getNeedsForAssessment,
  listAssessmentRequests,
  listCaredFor,
  listCarerMessages,
  listMyAssessmentRequests,
  markCarerMessageRead,
  AssessmentAlreadyOpenError,
  requestAssessment,
  saveNeedsPart,
  sendCarerMessage,
  updateAssessmentRequest,
} from "./carers.server";
import { addDependant, listDependants, removeDependant } from "./family.server";
import { acceptInvitation, createInvitation, InvitingYourselfError, NotAllowedError } from "./invitation.server";
import { getPlanView } from "./plan.server";
import { ConflictError, NotFoundError } from "./access.server";
import { listSupporters, listSupportersForTeam, setActingOnBehalf, setSharing, type SharingState } from "./sharing.server";

async function alexRelationship(sam: string) {
  const supporters = await listSupporters(getDb(), await actorFor(demoPeople.sam.email), sam);
  return supporters.find((s) => s.name === "Alex Taylor")!;
}

describe("the person decides what each carer sees", () => {
  it("lists carers and advocates with exactly what each sees; nothing else", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const supporters = await listSupporters(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(supporters.map((s) => [s.name, s.kind])).toEqual([
      ["Alex Taylor", "carer_of"],
      ["Priya Shah", "advocate_for"],
    ]);
    expect(supporters[0]!.grants.map((g) => g.scope).sort()).toEqual(["appointments.read", "plan.care_team", "plan.crisis"]);
  });

  it("when Sam stops sharing the crisis plan, Alex's next request is refused; the change is kept with who and when", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    expect((await getPlanView(getDb(), await actorFor(demoPeople.alex.email), sam))?.crisis).not.toBeNull();
    const alex = await alexRelationship(sam);
    expect(await setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: ["plan.care_team", "appointments.read"], endsOn: null })).toEqual({
      added: [],
      removed: ["plan.crisis"],
    });
    const view = await getPlanView(getDb(), await actorFor(demoPeople.alex.email), sam);
    expect(view?.crisis).toBeNull();
    expect(view?.careTeam).not.toBeNull();
    const after = await alexRelationship(sam);
    expect(after.history).toEqual([expect.objectContaining({ by: "Sam Taylor", added: [], removed: ["plan.crisis"] })]);

    // Stopping everything in one step: Alex sees nothing of the plan, but can still tell the team.
    await setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: [], endsOn: null });
    const alexActor = await actorFor(demoPeople.alex.email);
    expect(await getPlanView(getDb(), alexActor, sam)).toBeNull();
    await expect(sendCarerMessage(getDb(), alexActor, sam, "Sam has not slept for two nights.")).resolves.toBeTypeOf("string");
  });

  it("an end date ends access after that day", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const alex = await alexRelationship(sam);
    await setSharing(getDb(), await actorFor(demoPeople.sam.email), sam, alex.relationshipId, {
      scopes: ["plan.crisis", "goals.read"],
      endsOn: "2099-03-31",
    });
    const grants = await getDb().select().from(sharingGrants).where(eq(sharingGrants.relationshipId, alex.relationshipId));
    const active = grants.filter((g) => !g.withdrawnAt);
    expect(active.map((g) => [g.scope, g.endsAt?.toISOString()]).sort()).toEqual([
      ["goals.read", "2099-03-31T23:59:59.999Z"],
      ["plan.crisis", "2099-03-31T23:59:59.999Z"],
    ]);
    const after = await actorFor(demoPeople.alex.email);
    expect(after.relationships[0]!.scopes).toContain("goals.read");
  });

  it("only the person manages sharing: Jo, Alex, Priya and Maya cannot", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const alex = await alexRelationship(sam);
    for (const email of [demoPeople.jo.email, demoPeople.alex.email, demoPeople.priya.email, demoPeople.maya.email]) {
      const actor = await actorFor(email);
      await expect(listSupporters(getDb(), actor, sam)).rejects.toBeInstanceOf(NotFoundError);
      await expect(setSharing(getDb(), actor, sam, alex.relationshipId, { scopes: ["plan.full"], endsOn: null })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    // The team sees who the carers are and what is shared, but cannot change it.
    expect((await listSupportersForTeam(getDb(), await actorFor(demoPeople.jo.email), sam)).length).toBe(2);
  });
});

describe("the person invites a carer", () => {
  it("with an end date the grants carry; never themselves; never an advocate", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const base = { kind: "carer_of" as const, serviceUserId: sam, displayName: "Chris Taylor", basis: "consent" as const };
    await expect(createInvitation(getDb(), samActor, { ...base, email: "SAM.TAYLOR@example.org", scopes: [] })).rejects.toBeInstanceOf(
      InvitingYourselfError,
    );
    await expect(
      createInvitation(getDb(), samActor, { ...base, kind: "advocate_for", email: "a@example.org", scopes: [] }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    const { token } = await createInvitation(getDb(), samActor, {
      ...base,
      email: "chris@example.org",
      scopes: ["plan.crisis"],
      grantEndsOn: "2099-01-31",
    });
    expect(await acceptInvitation(getDb(), { token, password: "a long enough password" })).toMatchObject({ status: "ok" });
    const chris = (await listSupporters(getDb(), samActor, sam)).find((s) => s.name === "Chris Taylor");
    expect(chris?.grants).toEqual([expect.objectContaining({ scope: "plan.crisis", endsAt: "2099-01-31T23:59:59.999Z", grantedBy: "Sam Taylor" })]);
  });
});

describe("carers tell the team, and record their own needs", () => {
  it("Alex's message reaches Jo, never Sam; Jo marks it read", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const id = await sendCarerMessage(getDb(), await actorFor(demoPeople.alex.email), sam, "Sam seems low this week.");
    await expect(listCarerMessages(getDb(), await actorFor(demoPeople.sam.email), sam)).rejects.toBeInstanceOf(NotFoundError);
    const jo = await actorFor(demoPeople.jo.email);
    expect(await listCarerMessages(getDb(), jo, sam)).toEqual([expect.objectContaining({ id, from: "Alex Taylor", readAt: null })]);
    await markCarerMessageRead(getDb(), jo, sam, id);
    expect((await listCarerMessages(getDb(), jo, sam))[0]!.readAt).not.toBeNull();
  });

  it("Priya is an advocate, not a carer: no carer page, cannot send as a carer", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const priya = await actorFor(demoPeople.priya.email);
    expect(await listCaredFor(getDb(), priya)).toEqual([]);
    await expect(sendCarerMessage(getDb(), priya, sam, "Hello")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyNeeds(getDb(), priya)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("Alex saves his needs in two sittings; Sam can never open them; Jo only after Alex asks for an assessment", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const alex = await actorFor(demoPeople.alex.email);
    await saveNeedsPart(getDb(), alex, "caring", { whatIDo: "Cooking and medicines", hours: "20_to_34", liveTogether: "no" });
    expect(Object.keys(await getMyNeeds(getDb(), alex))).toEqual(["caring"]);
    await saveNeedsPart(getDb(), alex, "breaks", { breaks: "I never get a weekend off." });
    expect(Object.keys(await getMyNeeds(getDb(), alex)).sort()).toEqual(["breaks", "caring"]);
    await expect(getMyNeeds(getDb(), await actorFor(demoPeople.sam.email))).rejects.toBeInstanceOf(NotFoundError);

    const requestId = await requestAssessment(getDb(), alex, { serviceUserId: sam, contactBy: "phone", bestTime: "Mornings", wantsAdvocate: true });
    const samActor = await actorFor(demoPeople.sam.email);
    await expect(getNeedsForAssessment(getDb(), samActor, sam, requestId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAssessmentRequests(getDb(), samActor, sam)).rejects.toBeInstanceOf(NotFoundError);
    const jo = await actorFor(demoPeople.jo.email);
    const seen = await getNeedsForAssessment(getDb(), jo, sam, requestId);
    expect(seen.needs.breaks?.answers.breaks).toBe("I never get a weekend off.");
    await expect(getNeedsForAssessment(getDb(), await actorFor(demoPeople.tom.email), sam, requestId)).rejects.toBeInstanceOf(NotFoundError);

    await updateAssessmentRequest(getDb(), jo, sam, { requestId, status: "in_progress", note: "Pat will call you on Monday." });
    expect(await listMyAssessmentRequests(getDb(), alex)).toEqual([
      expect.objectContaining({ status: "in_progress", note: "Pat will call you on Monday.", wantsAdvocate: true }),
    ]);
    const actions = (await getDb().select().from(auditEvents)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["carer.needs.save", "carer.assessment.request", "carer.assessment.update"]));
  });

  it("Alex cannot have two open assessment requests about Sam; after one is completed he can ask again", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const alex = await actorFor(demoPeople.alex.email);
    const jo = await actorFor(demoPeople.jo.email);
    const ask = () => requestAssessment(getDb(), alex, { serviceUserId: sam, contactBy: "phone", bestTime: "", wantsAdvocate: false });
    const requestId = await ask();
    await expect(ask()).rejects.toBeInstanceOf(AssessmentAlreadyOpenError);
    await updateAssessmentRequest(getDb(), jo, sam, { requestId, status: "in_progress", note: "" });
    await expect(ask()).rejects.toBeInstanceOf(AssessmentAlreadyOpenError);
    expect(await listMyAssessmentRequests(getDb(), alex)).toHaveLength(1);
    await updateAssessmentRequest(getDb(), jo, sam, { requestId, status: "completed", note: "" });
    await ask();
    expect((await listMyAssessmentRequests(getDb(), alex)).map((r) => r.status)).toEqual(["received", "completed"]);
  });
});

describe("family and dependants", () => {
  it("Sam adds a child; Alex (crisis plan shared) sees them; Maya cannot; Sam removes them", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const id = await addDependant(getDb(), samActor, sam, { name: "J", age: 7, livesWithMe: false, whoLooksAfter: "Her mum, Dee" });
    expect(await listDependants(getDb(), await actorFor(demoPeople.alex.email), sam)).toEqual([
      { id, name: "J", age: 7, livesWithMe: false, whoLooksAfter: "Her mum, Dee" },
    ]);
    await expect(listDependants(getDb(), await actorFor(demoPeople.maya.email), sam)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addDependant(getDb(), await actorFor(demoPeople.jo.email), sam, { name: "X", age: null, livesWithMe: true, whoLooksAfter: "" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await removeDependant(getDb(), samActor, sam, id);
    expect(await listDependants(getDb(), samActor, sam)).toEqual([]);
  });
});

/** No lost updates: the sharing page's forms carry the version they were opened at (issue 15). */
describe("what a carer can see, changed in two places", () => {
  it("a choice made before someone else's is refused with what they can see now; the same choice is no conflict; on top, it lands", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const alex = await alexRelationship(sam);
    const opened = alex.sharingVersion;

    await setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: ["plan.crisis"], endsOn: "2099-03-31", baseVersion: opened });
    const stale = setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: ["plan.crisis", "goals.read"], endsOn: null, baseVersion: opened });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await stale.catch((e: unknown) => e)) as ConflictError<SharingState>;
    expect(conflict.latest).toMatchObject({ version: opened + 1, value: { scopes: ["plan.crisis"], endsOn: "2099-03-31", acting: false }, changedBy: "Sam Taylor" });
    expect((await alexRelationship(sam)).grants.map((g) => g.scope)).toEqual(["plan.crisis"]);

    expect(await setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: ["plan.crisis"], endsOn: "2099-03-31", baseVersion: opened })).toEqual({ added: [], removed: [] });
    await setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: ["plan.crisis", "goals.read"], endsOn: null, baseVersion: conflict.latest.version });
    const after = await alexRelationship(sam);
    expect(after.grants.map((g) => g.scope).sort()).toEqual(["goals.read", "plan.crisis"]);
    expect(after.sharingVersion).toBe(opened + 2);
  });

  it("two choices at the same moment: from one version, one lands and the other is told; without one, never a grant twice", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const alex = await alexRelationship(sam);
    const outcomes = await Promise.allSettled([
      setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: ["goals.read"], endsOn: null, baseVersion: alex.sharingVersion }),
      setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: ["plan.care_team"], endsOn: null, baseVersion: alex.sharingVersion }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);

    // Nothing shared, then the same scope shared twice at once: before, both saw no grant and both added one.
    await setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: [], endsOn: null });
    await Promise.all([
      setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: ["goals.read"], endsOn: null }),
      setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: ["goals.read"], endsOn: null }),
    ]);
    const active = await getDb()
      .select()
      .from(sharingGrants)
      .where(and(eq(sharingGrants.relationshipId, alex.relationshipId), isNull(sharingGrants.withdrawnAt)));
    expect(active.map((g) => g.scope)).toEqual(["goals.read"]);
  });

  it("an advocate's acting on the person's behalf: a choice made before another change is refused with what is saved now", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const priya = (await listSupporters(getDb(), samActor, sam)).find((s) => s.name === "Priya Shah")!;
    const opened = priya.sharingVersion;
    const acting = priya.grants.some((g) => g.scope === "act_on_behalf" && g.basis === "consent");
    expect(await setActingOnBehalf(getDb(), samActor, sam, priya.relationshipId, !acting, { baseVersion: opened })).toBe(true);
    const stale = setActingOnBehalf(getDb(), samActor, sam, priya.relationshipId, acting, { baseVersion: opened });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(((await stale.catch((e: unknown) => e)) as ConflictError<SharingState>).latest.value.acting).toBe(!acting);
    // Asking for what is already saved is no conflict.
    expect(await setActingOnBehalf(getDb(), samActor, sam, priya.relationshipId, !acting, { baseVersion: opened })).toBe(false);
  });
});

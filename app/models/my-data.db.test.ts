import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { createSession } from "~/web/auth.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { NotFoundError } from "./access.server";
import { sendCarerMessage } from "./carers.server";
import { addGoal, recordGoalProgress } from "./goals.server";
import { copyFormat, keysIn, makeAccountCopy, makeRecordCopy, secretKeyPattern } from "./my-data.server";
import { saveNotificationSettings } from "./notifications.server";
import { getPlanView, savePlanSection } from "./plan.server";

describe("a copy of my information (SE-16)", () => {
  it("Sam's copy holds his plan and every version, goals with progress, sharing with its history, and who else looked", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const goalId = await addGoal(getDb(), samActor, sam, { what: "Walk to the park twice a week", why: "", firstStep: "", whoCanHelp: "", targetDate: null });
    await recordGoalProgress(getDb(), samActor, sam, goalId, { rating: 6, note: "Went on Tuesday" });
    // Jo reads the plan: that read is someone else's, so it is in the copy's access log.
    const jo = await actorFor(demoPeople.jo.email);
    await getPlanView(getDb(), jo, sam);

    const copy = await makeRecordCopy(getDb(), samActor, sam, new Date("2026-12-04T12:00:00Z"));
    expect(copy.format).toBe(copyFormat);
    expect(copy.formatVersion).toBe(2);
    expect(copy.madeAt).toBe("2026-12-04T12:00:00.000Z");
    expect(copy.person).toMatchObject({ id: sam, displayName: "Sam Taylor" });
    expect(copy.account).toMatchObject({ email: demoPeople.sam.email });
    expect(copy.plan.versions.map((v) => v.version)).toEqual([1, 2]);
    const goal = copy.goals.find((g) => g.id === goalId);
    expect(goal).toMatchObject({ what: "Walk to the park twice a week" });
    expect(goal?.progress).toEqual([expect.objectContaining({ rating: 6, note: "Went on Tuesday" })]);
    // Alex (carer) and Priya (advocate), with what Sam shares with each.
    const alex = copy.connections.find((c) => c.kind === "carer_of");
    expect(alex?.sharing.map((g) => g.scope).sort()).toEqual(["appointments.read", "plan.care_team", "plan.crisis"]);
    expect(copy.people[String(alex?.accountId)]).toBe("Alex Taylor");
    // Jo's read is there, named; Sam's own doings are not "access by others".
    expect(copy.accessLog.some((e) => e.actorAccountId === jo.accountId && e.action === "read")).toBe(true);
    expect(copy.accessLog.some((e) => e.actorAccountId === samActor.accountId)).toBe(false);
    expect(copy.people[jo.accountId]).toBe("Jo Okafor");
  });

  it("holds no password, key, code or token hash, and no one else's email", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    // With notifications chosen and one queued: its sealed link must not leave either.
    await saveNotificationSettings(getDb(), await actorFor(demoPeople.sam.email), { email: true, sms: false, emailAddress: "sam.t@example.org", mobile: null });
    await savePlanSection(getDb(), await actorFor(demoPeople.jo.email), sam, "needs", { text: "New words" } as never);
    const copy = await makeRecordCopy(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(copy.notifications?.sent).toHaveLength(1);
    const secretLooking = [...keysIn(copy)].filter((key) => secretKeyPattern.test(key));
    expect(secretLooking).toEqual([]);
    const text = JSON.stringify(copy);
    expect(text).not.toContain("$argon2");
    for (const other of [demoPeople.alex, demoPeople.priya, demoPeople.jo, demoPeople.maya]) expect(text).not.toContain(other.email);
  });

  it("holds how Sam chose to hear about changes, the contact details he gave, and what was sent to him (not the link)", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    expect((await makeRecordCopy(getDb(), samActor, sam)).notifications).toEqual({ settings: null, sent: [] });
    await saveNotificationSettings(getDb(), samActor, { email: true, sms: true, emailAddress: "sam.t@example.org", mobile: "+447700900123" });
    await savePlanSection(getDb(), await actorFor(demoPeople.jo.email), sam, "needs", { text: "Words for the copy" } as never);
    const copy = await makeRecordCopy(getDb(), samActor, sam);
    expect(copy.notifications?.settings).toMatchObject({ emailEnabled: true, smsEnabled: true, email: "sam.t@example.org", mobile: "+447700900123" });
    expect(copy.notifications?.sent).toEqual([
      { event: "plan_changed", channel: "email", status: "pending", queuedAt: expect.any(String), sentAt: null },
      { event: "plan_changed", channel: "sms", status: "pending", queuedAt: expect.any(String), sentAt: null },
    ]);
    // Alex's own copy has his choices (none yet) and nothing sent to Sam.
    const alexCopy = await makeAccountCopy(getDb(), await actorFor(demoPeople.alex.email));
    expect(alexCopy.notifications).toEqual({ settings: null, sent: [] });
  });

  it("leaves out what a carer told the team (it is about the carer too)", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    await sendCarerMessage(getDb(), await actorFor(demoPeople.alex.email), sam, "I am worried about his sleep");
    const copy = await makeRecordCopy(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(JSON.stringify(copy)).not.toContain("worried about his sleep");
  });

  it("is for the person only: staff, carers, advocates and others get 'not found'; making one is audited", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    for (const person of [demoPeople.jo, demoPeople.alex, demoPeople.priya, demoPeople.maya, demoPeople.tom]) {
      await expect(makeRecordCopy(getDb(), await actorFor(person.email), sam)).rejects.toBeInstanceOf(NotFoundError);
    }
    const samActor = await actorFor(demoPeople.sam.email);
    await makeRecordCopy(getDb(), samActor, sam);
    const made = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "copy"), eq(auditEvents.serviceUserId, sam)));
    expect(made).toEqual([expect.objectContaining({ actorAccountId: samActor.accountId, recordType: "record_copy", capacity: "service_user" })]);
  });

  it("a carer's own copy holds what is theirs: what they told the team, whose record and what is shared; not the person's record", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const alex = await actorFor(demoPeople.alex.email);
    await sendCarerMessage(getDb(), alex, sam, "He has not been sleeping");
    const copy = await makeAccountCopy(getDb(), alex, new Date("2026-12-04T12:00:00Z"));
    expect(copy).toMatchObject({ kind: "account", account: { email: demoPeople.alex.email } });
    expect(copy.messagesToTheTeam).toEqual([expect.objectContaining({ body: "He has not been sleeping", serviceUserId: sam })]);
    expect(copy.connections).toEqual([expect.objectContaining({ kind: "carer_of", serviceUserName: "Sam Taylor" })]);
    expect(copy.connections[0]!.sharedWithYou.map((g) => g.scope).sort()).toEqual(["appointments.read", "plan.care_team", "plan.crisis"]);
    expect(copy.people[String(copy.connections[0]!.sharedWithYou[0]!.grantedBy)]).toBe("Sam Taylor");
    expect([...keysIn(copy)].filter((key) => secretKeyPattern.test(key))).toEqual([]);
    // Sam's plan is Sam's: nothing of it is in Alex's copy.
    expect(JSON.stringify(copy)).not.toMatch(/earlyWarningSigns|crisis plan text|needs":/);
    const made = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "copy"), eq(auditEvents.actorAccountId, alex.accountId)));
    expect(made).toEqual([expect.objectContaining({ recordType: "account_copy", serviceUserId: null })]);
  });

  it("says when each session signed in, as Your account does: not when it last got a new id; a session from before 0031, when it began", async () => {
    await seedDemoData(getDb());
    const alex = await actorFor(demoPeople.alex.email);
    const at = new Date("2026-12-04T12:00:00Z");
    const signedIn = new Date(at.getTime() - 3_600_000);
    // Given a new id a minute ago (a new row), after signing in an hour before; and one with no sign-in time kept.
    await createSession(getDb(), alex.accountId, new Date(at.getTime() - 60_000), { signIn: { method: "password", at: signedIn } });
    await createSession(getDb(), alex.accountId, at);
    const copy = await makeAccountCopy(getDb(), alex, new Date(at.getTime() + 120_000));
    expect(copy.signedIn.map((s) => s.signedInAt)).toEqual([signedIn.toISOString(), at.toISOString()]);
    expect(copy.signedIn.every((s) => !("createdAt" in s))).toBe(true);
    // Version 1 had createdAt here: a reader of copies tells the two apart by the version.
    expect(copy).toMatchObject({ format: copyFormat, formatVersion: 2 });
  });
});

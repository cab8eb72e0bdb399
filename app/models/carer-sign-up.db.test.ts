import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, carerNotes } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { signIn } from "./account.server";
import { can } from "./access.server";
import {
  AlreadyLinkedError,
  answerSharingQuestion,
  getSignedUpCarer,
  linkCarer,
  listSignedUpCarers,
  markCarerNoteRead,
  openSharingQuestions,
  searchCaseloadForCarer,
  sendCarerNote,
  SIGN_UP_LIMIT,
  signUpAsCarer,
} from "./carer-sign-up.server";
import { isCarer } from "./carers.server";
import { acceptInvitation, acceptInvitationSignedIn, createInvitation, invitationForExistingAccount } from "./invitation.server";
import { setSharing } from "./sharing.server";

const password = "kettle river spoon";
const robin = { displayName: "Robin Ellis", email: "Robin.Ellis@example.org", password, address: "203.0.113.7" };

describe("carers who sign up on their own (decision 060)", () => {
  it("makes an account with the carer pages and nothing of anyone's record", async () => {
    await seedDemoData(getDb());
    expect(await signUpAsCarer(getDb(), robin)).toEqual({ status: "done" });
    expect((await signIn(getDb(), { email: "robin.ellis@example.org", password, address: "x" })).status).toBe("ok");
    const actor = await actorFor("robin.ellis@example.org");
    expect(actor.carerSignedUp).toBe(true);
    expect(actor.relationships).toEqual([]);
    expect(isCarer(actor)).toBe(true);
    const sam = await recordId("Sam Taylor");
    expect(can(actor, "record.view", { serviceUserId: sam })).toBe(false);
  });

  it("gives the same answer for an email that already has an account, and changes nothing", async () => {
    await seedDemoData(getDb());
    const [before] = await getDb().select().from(accounts).where(eq(accounts.email, demoPeople.sam.email));
    const answer = await signUpAsCarer(getDb(), { ...robin, email: demoPeople.sam.email.toUpperCase(), password: "another long password" });
    expect(answer).toEqual(await signUpAsCarer(getDb(), { ...robin, email: "someone.new@example.org" }));
    const [after] = await getDb().select().from(accounts).where(eq(accounts.email, demoPeople.sam.email));
    expect(after).toEqual(before);
    expect((await signIn(getDb(), { email: demoPeople.sam.email, password: "another long password", address: "x" })).status).toBe("invalid");
    // The log keeps no email, and names no account for the one that changed nothing.
    const logged = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "carer.sign_up"));
    expect(logged.map((e) => e.details)).toEqual(expect.arrayContaining([{ outcome: "unchanged" }, { outcome: "created" }]));
    expect(JSON.stringify(logged)).not.toContain("@");
  });

  it("is throttled per address: after the limit the address waits, another address does not", async () => {
    await seedDemoData(getDb());
    const now = new Date("2026-03-01T10:00:00Z");
    for (let i = 0; i < SIGN_UP_LIMIT; i++) {
      expect((await signUpAsCarer(getDb(), { ...robin, email: `carer${i}@example.org` }, now)).status).toBe("done");
    }
    expect(await signUpAsCarer(getDb(), { ...robin, email: "one.more@example.org" }, now)).toEqual({ status: "locked", minutes: 15 });
    const [none] = await getDb().select().from(accounts).where(eq(accounts.email, "one.more@example.org"));
    expect(none).toBeUndefined();
    expect((await signUpAsCarer(getDb(), { ...robin, email: "one.more@example.org", address: "198.51.100.2" }, now)).status).toBe("done");
    // The window passes.
    const later = new Date(now.getTime() + 16 * 60 * 1000);
    expect((await signUpAsCarer(getDb(), { ...robin, email: "later@example.org" }, later)).status).toBe("done");
  });

  it("lets the carer tell the team about someone by name, which staff read in the queue and mark read", async () => {
    await seedDemoData(getDb());
    await signUpAsCarer(getDb(), robin);
    const carer = await actorFor("robin.ellis@example.org");
    const note = { personName: "Sam Taylor", personBirthDate: "1980-02-03", personDetails: "Lives on Mill Lane", body: "He has not slept for days." };
    const noteId = await sendCarerNote(getDb(), carer, note);
    // Someone who is not a carer cannot.
    await expect(sendCarerNote(getDb(), await actorFor(demoPeople.sam.email), note)).rejects.toThrow();

    const jo = await actorFor(demoPeople.jo.email);
    const queue = await listSignedUpCarers(getDb(), jo);
    expect(queue).toEqual([expect.objectContaining({ displayName: "Robin Ellis", linked: 0, unreadNotes: 1 })]);
    const detail = await getSignedUpCarer(getDb(), jo, carer.accountId);
    expect(detail.notes).toEqual([expect.objectContaining({ ...note, readAt: null })]);
    await markCarerNoteRead(getDb(), jo, carer.accountId, noteId);
    const [row] = await getDb().select().from(carerNotes).where(eq(carerNotes.id, noteId));
    expect(row!.readBy).toBe(jo.accountId);
    // Not staff: no queue.
    await expect(listSignedUpCarers(getDb(), carer)).rejects.toThrow();
    await expect(getSignedUpCarer(getDb(), await actorFor(demoPeople.alex.email), carer.accountId)).rejects.toThrow();
  });

  it("staff link the carer to someone on their own caseload, with nothing shared until the person chooses", async () => {
    await seedDemoData(getDb());
    await signUpAsCarer(getDb(), robin);
    const carer = await actorFor("robin.ellis@example.org");
    const jo = await actorFor(demoPeople.jo.email);
    const tom = await actorFor(demoPeople.tom.email);
    const sam = await recordId("Sam Taylor");
    expect(await searchCaseloadForCarer(getDb(), jo, "sam")).toEqual([{ serviceUserId: sam, displayName: "Sam Taylor" }]);
    // Tom's search never finds someone outside his caseload, and he cannot link to them.
    expect(await searchCaseloadForCarer(getDb(), tom, "sam")).toEqual([]);
    await expect(linkCarer(getDb(), tom, carer.accountId, sam)).rejects.toThrow();

    const relationshipId = await linkCarer(getDb(), jo, carer.accountId, sam);
    await expect(linkCarer(getDb(), jo, carer.accountId, sam)).rejects.toBeInstanceOf(AlreadyLinkedError);
    const linked = await actorFor("robin.ellis@example.org");
    expect(linked.relationships).toEqual([{ kind: "carer_of", serviceUserId: sam, scopes: [] }]);
    expect(can(linked, "plan.crisis.read", { serviceUserId: sam })).toBe(false);
    expect(can(linked, "team.tell", { serviceUserId: sam })).toBe(true);
    const [audited] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "carer.link"), eq(auditEvents.serviceUserId, sam)));
    expect(audited!.recordId).toBe(relationshipId);

    // The person sees the question, chooses to share the crisis plan, and the question is answered.
    const samActor = await actorFor(demoPeople.sam.email);
    expect(await openSharingQuestions(getDb(), samActor, sam)).toEqual([expect.objectContaining({ relationshipId, carerName: "Robin Ellis" })]);
    await expect(openSharingQuestions(getDb(), linked, sam)).rejects.toThrow();
    await setSharing(getDb(), samActor, sam, relationshipId, { scopes: ["plan.crisis"], endsOn: null });
    expect(await openSharingQuestions(getDb(), samActor, sam)).toEqual([]);
    expect(can(await actorFor("robin.ellis@example.org"), "plan.crisis.read", { serviceUserId: sam })).toBe(true);
    expect((await getSignedUpCarer(getDb(), jo, carer.accountId)).linkedTo).toEqual([{ serviceUserId: sam, displayName: "Sam Taylor", answer: "chose" }]);
  });

  it("the person can say no: nothing is shared and the question is closed", async () => {
    await seedDemoData(getDb());
    await signUpAsCarer(getDb(), robin);
    const carer = await actorFor("robin.ellis@example.org");
    const sam = await recordId("Sam Taylor");
    const relationshipId = await linkCarer(getDb(), await actorFor(demoPeople.jo.email), carer.accountId, sam);
    const samActor = await actorFor(demoPeople.sam.email);
    // Only the person (or whoever manages their sharing) may answer.
    await expect(answerSharingQuestion(getDb(), carer, sam, relationshipId, "declined")).rejects.toThrow();
    await answerSharingQuestion(getDb(), samActor, sam, relationshipId, "declined");
    expect(await openSharingQuestions(getDb(), samActor, sam)).toEqual([]);
    expect((await actorFor("robin.ellis@example.org")).relationships).toEqual([{ kind: "carer_of", serviceUserId: sam, scopes: [] }]);
    const answers = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "sharing.question.answer"));
    expect(answers.map((a) => a.details)).toEqual([{ answer: "declined" }]);
  });
});

describe("a carer invited for a second person (decision 060)", () => {
  it("adds the relationship to the existing account when it accepts signed in", async () => {
    await seedDemoData(getDb());
    const tom = await actorFor(demoPeople.tom.email);
    const maya = await recordId("Maya Rahman");
    const sam = await recordId("Sam Taylor");
    const { token } = await createInvitation(getDb(), tom, {
      kind: "carer_of",
      serviceUserId: maya,
      displayName: "Alex T",
      email: demoPeople.alex.email,
      scopes: ["plan.crisis"],
      basis: "best_interests",
    });
    const alex = await actorFor(demoPeople.alex.email);
    expect(await invitationForExistingAccount(getDb(), token)).toBe(alex.accountId);
    // Setting a new password through the link is still refused: the account has one.
    expect((await acceptInvitation(getDb(), { token, password })).status).toBe("email-taken");
    // Someone else signed in cannot take it.
    expect(await acceptInvitationSignedIn(getDb(), await actorFor(demoPeople.sam.email), token)).toEqual({ status: "other-account" });
    expect(await acceptInvitationSignedIn(getDb(), alex, token)).toEqual({ status: "ok", serviceUserId: maya });
    expect(await acceptInvitationSignedIn(getDb(), alex, token)).toEqual({ status: "used" });
    const after = await actorFor(demoPeople.alex.email);
    expect(after.relationships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "carer_of", serviceUserId: sam }),
        { kind: "carer_of", serviceUserId: maya, scopes: ["plan.crisis"] },
      ]),
    );
    // The name and password stay as they were.
    const [account] = await getDb().select().from(accounts).where(eq(accounts.id, alex.accountId));
    expect(account!.displayName).toBe(demoPeople.alex.displayName);
    expect((await signIn(getDb(), { email: demoPeople.alex.email, password: "demo-portal-pass", address: "x" })).status).toBe("ok");
  });

  it("refuses a second invitation for someone the carer already cares for", async () => {
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    const sam = await recordId("Sam Taylor");
    const { token } = await createInvitation(getDb(), jo, {
      kind: "carer_of",
      serviceUserId: sam,
      displayName: "Alex",
      email: demoPeople.alex.email,
      scopes: [],
      basis: null,
    });
    expect(await acceptInvitationSignedIn(getDb(), await actorFor(demoPeople.alex.email), token)).toEqual({ status: "already" });
  });
});

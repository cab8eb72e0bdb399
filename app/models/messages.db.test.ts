import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { accounts, auditEvents, relationships } from "#db/schema/index";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { NotFoundError } from "./access.server";
import { makeRecordCopy } from "./my-data.server";
import { assignThread, getThread, listColleagues, listInbox, listThreads, markThreadDone, sendMessage, unreadThreadCount } from "./messages.server";
import { listSupporters, setSharing } from "./sharing.server";
import type { ShareableScope } from "./vocabulary/relationships";

type Who = "sam" | "alex" | "priya" | "jo" | "tom" | "maya";

async function refused(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return false;
  } catch (error) {
    if (error instanceof NotFoundError) return true;
    throw error;
  }
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute));

async function setUp() {
  await seedDemoData(getDb());
  const sam = await recordId("Sam Taylor");
  const actors = Object.fromEntries(await Promise.all((["sam", "alex", "priya", "jo", "tom", "maya"] as Who[]).map(async (w) => [w, await actorFor(demoPeople[w].email)])));
  return { sam, as: (w: Who) => actors[w]! };
}

/** Sam lets Alex write to the team (the `messages` scope), on top of what he shares already. */
async function letAlexWrite(sam: string) {
  const samActor = await actorFor(demoPeople.sam.email);
  const alex = (await listSupporters(getDb(), samActor, sam)).find((s) => s.name === "Alex Taylor")!;
  await setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: [...alex.grants.map((g) => g.scope as ShareableScope), "messages"], endsOn: null });
  return actorFor(demoPeople.alex.email);
}

describe("messages with the care team", () => {
  it("Sam writes, Jo answers, and each sees the other's message unread, then read", async () => {
    const { sam, as } = await setUp();
    const { threadId } = await sendMessage(getDb(), as("sam"), sam, { subject: "My medication", body: "Can we talk about my dose?" }, at(0));
    expect(await unreadThreadCount(getDb(), as("sam"), sam)).toBe(0);
    expect(await unreadThreadCount(getDb(), as("jo"), sam)).toBe(1);

    const seenByJo = await getThread(getDb(), as("jo"), sam, threadId);
    expect(seenByJo.messages.map((m) => [m.body, m.unread, m.fromTeam])).toEqual([["Can we talk about my dose?", true, false]]);
    expect(await unreadThreadCount(getDb(), as("jo"), sam)).toBe(0);

    await sendMessage(getDb(), as("jo"), sam, { threadId, body: "Yes: I will call you on Tuesday." }, at(5));
    const [listed] = await listThreads(getDb(), as("sam"), sam);
    expect(listed).toMatchObject({ subject: "My medication", unread: true, startedBy: "Sam Taylor", waitingSince: null });
    const seenBySam = await getThread(getDb(), as("sam"), sam, threadId);
    expect(seenBySam.messages.map((m) => [m.author, m.unread, m.fromTeam])).toEqual([
      ["Sam Taylor", false, false],
      ["Jo Okafor", true, true],
    ]);
    expect((await listThreads(getDb(), as("sam"), sam))[0]!.unread).toBe(false);
    // Opening it again: nothing is new any more.
    expect((await getThread(getDb(), as("sam"), sam, threadId)).messages.some((m) => m.unread)).toBe(false);
  });

  it("lets the person and the team read and write; a carer or advocate only with the messages scope, and only their own threads", async () => {
    const { sam, as } = await setUp();
    const { threadId } = await sendMessage(getDb(), as("sam"), sam, { subject: "Private", body: "Just for the team." });
    for (const who of ["alex", "priya", "tom", "maya"] as Who[]) {
      expect(await refused(() => listThreads(getDb(), as(who), sam)), `${who} lists`).toBe(true);
      expect(await refused(() => getThread(getDb(), as(who), sam, threadId)), `${who} reads`).toBe(true);
      expect(await refused(() => sendMessage(getDb(), as(who), sam, { threadId, body: "Hello" })), `${who} replies`).toBe(true);
      expect(await refused(() => sendMessage(getDb(), as(who), sam, { subject: "Hi", body: "Hello" })), `${who} starts`).toBe(true);
      expect(await unreadThreadCount(getDb(), as(who), sam)).toBe(0);
    }
    // The team answers but does not start threads; it may not assign or close without being on the team.
    expect(await refused(() => sendMessage(getDb(), as("jo"), sam, { subject: "From Jo", body: "Hello" }))).toBe(true);
    expect(await refused(() => markThreadDone(getDb(), as("tom"), sam, threadId))).toBe(true);
    expect(await refused(() => markThreadDone(getDb(), as("sam"), sam, threadId))).toBe(true);

    const alex = await letAlexWrite(sam);
    const alexThread = await sendMessage(getDb(), alex, sam, { subject: "Sam's sleep", body: "He has not slept for three nights." });
    // Alex sees the thread he started, never Sam's own.
    expect((await listThreads(getDb(), alex, sam)).map((t) => t.subject)).toEqual(["Sam's sleep"]);
    expect(await refused(() => getThread(getDb(), alex, sam, threadId))).toBe(true);
    expect(await refused(() => sendMessage(getDb(), alex, sam, { threadId, body: "Me too" }))).toBe(true);
    // Sam sees what Alex wrote (unlike "tell the team something"), and so does the team.
    expect((await listThreads(getDb(), as("sam"), sam)).map((t) => t.subject).sort()).toEqual(["Private", "Sam's sleep"]);
    const seen = await getThread(getDb(), as("sam"), sam, alexThread.threadId);
    expect(seen.messages[0]).toMatchObject({ author: "Alex Taylor", capacity: "carer_of" });
    expect(await refused(() => getThread(getDb(), as("jo"), sam, "not-a-uuid"))).toBe(true);
    expect(await refused(() => getThread(getDb(), as("jo"), sam, "00000000-0000-4000-8000-000000000000"))).toBe(true);
  });

  it("audits reading a thread as a read by others, and sending as a change", async () => {
    const { sam, as } = await setUp();
    const { threadId } = await sendMessage(getDb(), as("sam"), sam, { subject: "Hello", body: "A question" });
    await getThread(getDb(), as("sam"), sam, threadId);
    await getThread(getDb(), as("jo"), sam, threadId);
    const rows = await getDb().select().from(auditEvents).where(eq(auditEvents.recordId, threadId));
    expect(rows.map((r) => [r.action, r.capacity]).sort()).toEqual([
      ["message.send", "service_user"],
      ["read", "care_team_member_of"],
    ]);
    expect(rows.find((r) => r.action === "read")).toMatchObject({ recordType: "message_thread", serviceUserId: sam, basis: "care_team" });
  });

  it("orders the inbox oldest unanswered first; assigns to a colleague on the team; done leaves it until the person writes again", async () => {
    const { sam, as } = await setUp();
    const first = await sendMessage(getDb(), as("sam"), sam, { subject: "First", body: "Oldest" }, at(0));
    const second = await sendMessage(getDb(), as("sam"), sam, { subject: "Second", body: "Newer" }, at(10));
    const third = await sendMessage(getDb(), as("sam"), sam, { subject: "Third", body: "Newest" }, at(20));
    // Jo answers the first: it waits for no one now, so it goes after the two still waiting.
    await sendMessage(getDb(), as("jo"), sam, { threadId: first.threadId, body: "Answered" }, at(30));
    expect((await listInbox(getDb(), as("jo"))).map((t) => t.subject)).toEqual(["Second", "Third", "First"]);
    // Sam writes again in the first: it waits since then, after the other two.
    await sendMessage(getDb(), as("sam"), sam, { threadId: first.threadId, body: "Thanks, one more thing" }, at(40));
    expect((await listInbox(getDb(), as("jo"))).map((t) => [t.subject, t.waitingSince])).toEqual([
      ["Second", at(10).toISOString()],
      ["Third", at(20).toISOString()],
      ["First", at(40).toISOString()],
    ]);
    // Tom is not on Sam's team: he sees none of it, and cannot be given it.
    expect(await listInbox(getDb(), as("tom"))).toEqual([]);
    const [tom] = await getDb().select().from(accounts).where(eq(accounts.email, demoPeople.tom.email));
    expect(await refused(() => assignThread(getDb(), as("jo"), sam, second.threadId, tom!.id))).toBe(true);
    // On the team, he can.
    await getDb().insert(relationships).values({ accountId: tom!.id, serviceUserId: sam, kind: "care_team_member_of", teamRole: "member" });
    expect((await listColleagues(getDb(), as("jo"), sam)).map((c) => c.displayName)).toEqual(["Jo Okafor", "Tom Hughes"]);
    await assignThread(getDb(), as("jo"), sam, second.threadId, tom!.id);
    const tomNow = await actorFor(demoPeople.tom.email);
    expect((await listInbox(getDb(), tomNow)).find((t) => t.id === second.threadId)).toMatchObject({ assignedTo: "Tom Hughes" });

    await markThreadDone(getDb(), tomNow, sam, second.threadId);
    expect((await listInbox(getDb(), as("jo"))).map((t) => t.subject)).toEqual(["Third", "First"]);
    expect((await getThread(getDb(), as("jo"), sam, second.threadId)).status).toBe("done");
    await sendMessage(getDb(), as("sam"), sam, { threadId: second.threadId, body: "It came back" }, at(50));
    expect((await listInbox(getDb(), as("jo"))).map((t) => t.subject)).toEqual(["Third", "First", "Second"]);
    const audited = await getDb().select().from(auditEvents).where(and(eq(auditEvents.recordId, second.threadId), eq(auditEvents.actorAccountId, tom!.id)));
    expect(audited.map((r) => r.action)).toContain("message.done");
    expect(third.threadId).toBeTruthy();
  });

  it("puts every thread and message in the person's copy", async () => {
    const { sam, as } = await setUp();
    const { threadId } = await sendMessage(getDb(), as("sam"), sam, { subject: "For my copy", body: "Keep this" });
    await sendMessage(getDb(), as("jo"), sam, { threadId, body: "Kept" });
    const copy = await makeRecordCopy(getDb(), as("sam"), sam);
    expect(copy.messages.map((t) => [t.subject, t.messages.map((m) => m.body)])).toEqual([["For my copy", ["Keep this", "Kept"]]]);
    expect(Object.values(copy.people)).toContain("Jo Okafor");
  });
});

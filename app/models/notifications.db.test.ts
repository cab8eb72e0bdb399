import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accounts, auditEvents, communicationNeeds, notificationOutbox, relationships, reviews, sharingGrants } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { notifySender } from "~/utils/notify.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { FakeNotify, fakeApiKey, fakeTemplates } from "../../tests/support/fake-notify";
import { issuePasswordLink } from "./accounts-admin.server";
import { createInvitation } from "./invitation.server";
import {
  backoffMs,
  CLAIM_MS,
  getOutboxEntry,
  getNotificationSettings,
  listOutbox,
  markLetterPosted,
  purgeOldNotifications,
  queueNotification,
  retryNotification,
  runScheduledChecks,
  saveNotificationSettings,
  sendDueNotifications,
  type SendOptions,
} from "./notifications.server";
import { cancelAppointment, changeAppointment, recordAppointment, type AppointmentInput } from "./appointments.server";
import { assignThread, sendMessage } from "./messages.server";
import { savePlanSection } from "./plan.server";
import { listSupporters, setSharing } from "./sharing.server";
import { requestInterpreter, updateRequestStatus } from "./requests.server";

const fake = new FakeNotify();
let options: SendOptions;

beforeAll(async () => {
  await fake.start();
  options = { sender: notifySender({ apiKey: fakeApiKey, baseUrl: fake.url }), templates: fakeTemplates, linkFor: (path) => `https://portal.test${path}` };
});
afterAll(() => fake.stop());
beforeEach(async () => {
  fake.reset();
  await seedDemoData(getDb());
});

async function accountId(email: string) {
  const [row] = await getDb().select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  return row!.id;
}

/** Sam wants email and text messages. */
async function samWantsBoth() {
  const sam = await actorFor(demoPeople.sam.email);
  await saveNotificationSettings(getDb(), sam, { email: true, sms: true, emailAddress: "sam.t@example.org", mobile: "+447700900123" });
  return sam;
}

const outbox = () => getDb().select().from(notificationOutbox).orderBy(notificationOutbox.channel);

async function changePlan(text: string) {
  const jo = await actorFor(demoPeople.jo.email);
  return savePlanSection(getDb(), jo, await recordId(demoPeople.sam.displayName), "needs", { text } as never);
}

describe("queueing", () => {
  it("a plan change queues one row per channel in its own transaction, and the same event never twice", async () => {
    await samWantsBoth();
    const saved = await changePlan("Sleep has been hard this month.");
    expect(saved.changed).toBe(true);
    const rows = await outbox();
    expect(rows.map((r) => [r.event, r.channel, r.destination, r.status])).toEqual([
      ["plan_changed", "email", "sam.t@example.org", "pending"],
      ["plan_changed", "sms", "+447700900123", "pending"],
    ]);
    // Nothing health-related or secret is readable in the row: the link path is sealed.
    expect(JSON.stringify(rows)).not.toContain("Sleep");
    expect(rows[0]!.personalisation).not.toContain("/plan");
    // Queueing the same event again adds nothing.
    const sam = await accountId(demoPeople.sam.email);
    const again = await queueNotification(getDb(), { event: "plan_changed", key: `${rows[0]!.serviceUserId}:v${saved.version}`, recipientAccountId: sam, serviceUserId: rows[0]!.serviceUserId });
    expect(again).toBe(0);
    // Saving the same words again makes no version and no notification.
    await changePlan("Sleep has been hard this month.");
    expect(await outbox()).toHaveLength(2);
  });

  it("a change that rolls back queues nothing", async () => {
    await samWantsBoth();
    const sam = await accountId(demoPeople.sam.email);
    await expect(
      getDb().transaction(async (tx) => {
        await queueNotification(tx, { event: "new_message", key: "m1", recipientAccountId: sam });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await outbox()).toEqual([]);
  });

  it("nobody who chose neither is sent anything", async () => {
    await changePlan("New words.");
    expect(await outbox()).toEqual([]);
  });

  it("communication needs: letters only means no email or text, and a letter for the team to send", async () => {
    const sam = await samWantsBoth();
    await getDb()
      .insert(communicationNeeds)
      .values({ accountId: sam.accountId, contactMethods: ["letter"], formats: ["large_print"] })
      .onConflictDoUpdate({ target: communicationNeeds.accountId, set: { contactMethods: ["letter"], formats: ["large_print"] } });
    const settings = await getNotificationSettings(getDb(), sam);
    expect(settings.rules).toEqual({ email: false, sms: false, letter: true });
    await changePlan("Words for a letter.");
    expect((await outbox()).map((r) => [r.channel, r.status, r.destination])).toEqual([["letter", "letter", null]]);
    // Saving text messages again is saved as off.
    await saveNotificationSettings(getDb(), sam, { email: true, sms: true, emailAddress: "sam.t@example.org", mobile: "+447700900123" });
    expect(await getNotificationSettings(getDb(), sam)).toMatchObject({ emailEnabled: false, smsEnabled: false });
  });

  it("email only when email is the recorded way: no text message", async () => {
    const sam = await samWantsBoth();
    await getDb().insert(communicationNeeds).values({ accountId: sam.accountId, contactMethods: ["email"] });
    await changePlan("Email only.");
    expect((await outbox()).map((r) => r.channel)).toEqual(["email"]);
  });

  it("an interpreter booked reaches the person; a password link and an invitation can be emailed", async () => {
    const sam = await samWantsBoth();
    const serviceUserId = await recordId(demoPeople.sam.displayName);
    const requestId = await requestInterpreter(getDb(), sam, serviceUserId, {
      need: "bsl",
      language: null,
      mode: "face_to_face",
      gender: "no_preference",
      dialect: "",
      other: "",
      appointmentAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
    } as never);
    const jo = await actorFor(demoPeople.jo.email);
    await updateRequestStatus(getDb(), jo, serviceUserId, requestId, { status: "booked", note: "Booked for Tuesday." });
    expect((await outbox()).map((r) => [r.event, r.channel])).toEqual([
      ["interpreter_booked", "email"],
      ["interpreter_booked", "sms"],
    ]);

    await getDb().delete(notificationOutbox);
    const rowan = await actorFor(demoPeople.rowan.email);
    const issued = await issuePasswordLink(getDb(), rowan, jo.accountId, new Date(), { sendByEmail: true });
    expect(issued.emailed).toBe(true);
    await createInvitation(getDb(), jo, { kind: "service_user", email: "new.person@example.org", displayName: "New Person", planLevel: "cpa" } as never, new Date(), { sendByEmail: true });
    expect((await outbox()).map((r) => [r.event, r.destination]).sort()).toEqual([
      ["invitation", "new.person@example.org"],
      ["password_link", demoPeople.jo.email],
    ]);
    await sendDueNotifications(getDb(), options);
    const link = fake.received.find((n) => n.templateId === fakeTemplates.passwordLinkEmail)!;
    expect(link.personalisation.link).toBe(`https://portal.test/password/${issued.token}`);
    expect(fake.received.find((n) => n.templateId === fakeTemplates.invitationEmail)!.personalisation.link).toMatch(/^https:\/\/portal\.test\/invitations\//);
    // Once sent, the link is no longer kept.
    expect((await outbox()).every((r) => r.status === "sent" && r.personalisation === null)).toBe(true);
  });
});

describe("sending through GOV.UK Notify", () => {
  it("sends each row once, with the right template, address and link; a second run sends nothing", async () => {
    await samWantsBoth();
    await changePlan("Something new.");
    expect(await sendDueNotifications(getDb(), options)).toEqual({ sent: 2, failed: 0 });
    expect(fake.received.map((n) => [n.type, n.templateId, n.to, n.personalisation])).toEqual(
      expect.arrayContaining([
        ["email", fakeTemplates.updateEmail, "sam.t@example.org", { link: "https://portal.test/plan" }],
        ["sms", fakeTemplates.updateSms, "+447700900123", { link: "https://portal.test/plan" }],
      ]),
    );
    const rows = await outbox();
    expect(rows.map((r) => [r.status, r.attempts, r.notifyId !== null])).toEqual([
      ["sent", 1, true],
      ["sent", 1, true],
    ]);
    // The reference is the row: a restart can ask Notify whether it arrived.
    expect(fake.received.map((n) => n.reference).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(await sendDueNotifications(getDb(), options)).toEqual({ sent: 0, failed: 0 });
    expect(fake.received).toHaveLength(2);
  });

  it("Notify down, then up: nothing is lost and nothing is sent twice, with back-off between tries", async () => {
    await samWantsBoth();
    await changePlan("While Notify is down.");
    // After the rows were queued (now), whatever the day the test runs.
    const t0 = new Date(Date.now() + 1_000);
    fake.down();
    expect(await sendDueNotifications(getDb(), options, () => t0)).toEqual({ sent: 0, failed: 2 });
    let rows = await outbox();
    expect(rows.map((r) => [r.status, r.attempts, r.lastError, r.nextAttemptAt.toISOString()])).toEqual([
      ["pending", 1, "network", new Date(t0.getTime() + 60_000).toISOString()],
      ["pending", 1, "network", new Date(t0.getTime() + 60_000).toISOString()],
    ]);
    // Not due yet: not tried.
    expect(await sendDueNotifications(getDb(), options, () => new Date(t0.getTime() + 30_000))).toEqual({ sent: 0, failed: 0 });
    // Due, and still down: the wait doubles.
    const t1 = new Date(t0.getTime() + 60_000);
    await sendDueNotifications(getDb(), options, () => t1);
    rows = await outbox();
    expect(rows.map((r) => [r.attempts, r.nextAttemptAt.toISOString()])).toEqual([
      [2, new Date(t1.getTime() + 120_000).toISOString()],
      [2, new Date(t1.getTime() + 120_000).toISOString()],
    ]);
    fake.up();
    fake.fail(503, 1);
    const t2 = new Date(t1.getTime() + 120_000);
    expect(await sendDueNotifications(getDb(), options, () => t2)).toEqual({ sent: 1, failed: 1 });
    rows = await outbox();
    const waiting = rows.find((r) => r.status === "pending")!;
    expect([waiting.lastError, waiting.attempts, waiting.nextAttemptAt.toISOString()]).toEqual(["503", 3, new Date(t2.getTime() + 240_000).toISOString()]);
    expect(await sendDueNotifications(getDb(), options, () => new Date(t2.getTime() + 240_000))).toEqual({ sent: 1, failed: 0 });
    expect(fake.received).toHaveLength(2);
    expect(new Set(fake.received.map((n) => n.reference)).size).toBe(2);
    expect(await sendDueNotifications(getDb(), options, () => new Date(t2.getTime() + 10 * 60_000))).toEqual({ sent: 0, failed: 0 });
  });

  it("back-off doubles from a minute to at most six hours", () => {
    expect([1, 2, 3, 4, 10, 11, 12].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000, 6 * 3_600_000, 6 * 3_600_000, 6 * 3_600_000]);
  });

  it("a 500 is tried again; a request Notify refuses (unknown template) fails at once", async () => {
    await samWantsBoth();
    await changePlan("A refused one.");
    fake.fail(500, 2);
    await sendDueNotifications(getDb(), options);
    expect((await outbox()).map((r) => [r.status, r.lastError])).toEqual([
      ["pending", "500"],
      ["pending", "500"],
    ]);
    await getDb().update(notificationOutbox).set({ nextAttemptAt: new Date(0) });
    const wrong = { ...options, templates: { ...options.templates, updateSms: "99999999-9999-4999-8999-999999999999" } };
    expect(await sendDueNotifications(getDb(), wrong)).toEqual({ sent: 1, failed: 1 });
    const sms = (await outbox()).find((r) => r.channel === "sms")!;
    expect([sms.status, sms.lastError]).toEqual(["failed", "400"]);
    // An update's link is kept, sealed, so that staff can send it again by hand; it is not readable.
    expect(sms.personalisation).not.toBeNull();
    expect(sms.personalisation).not.toContain("/plan");
  });

  it("a wrong API key is refused by Notify (403) and the row fails without retrying", async () => {
    await samWantsBoth();
    await changePlan("Wrong key.");
    const badKey = fakeApiKey.replace(/.{36}$/, "00000000-0000-4000-8000-000000000000");
    const bad = { ...options, sender: notifySender({ apiKey: badKey, baseUrl: fake.url }) };
    expect(await sendDueNotifications(getDb(), bad)).toEqual({ sent: 0, failed: 2 });
    expect(fake.requests.map((r) => r.status)).toEqual([403, 403]);
    expect((await outbox()).map((r) => r.status)).toEqual(["failed", "failed"]);
  });

  it("a restart mid-send: a claim that ran out is taken again, and Notify's reference stops a second send", async () => {
    await samWantsBoth();
    await changePlan("Cut off.");
    const [email, sms] = await outbox();
    // The process died after Notify took the email, before the outbox heard: both rows stay claimed.
    await options.sender.sendEmail(fakeTemplates.updateEmail, email!.destination!, { link: "https://portal.test/plan" }, email!.id);
    const claimedAt = new Date(Date.now() - CLAIM_MS - 1_000);
    await getDb().update(notificationOutbox).set({ status: "sending", attempts: 1, claimedUntil: new Date(claimedAt.getTime() + CLAIM_MS) });
    expect(await sendDueNotifications(getDb(), options)).toEqual({ sent: 2, failed: 0 });
    expect(fake.received.filter((n) => n.reference === email!.id)).toHaveLength(1);
    expect(fake.received.filter((n) => n.reference === sms!.id)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === "POST")).toHaveLength(2);
  });

  it("two senders at once send each row once", async () => {
    await samWantsBoth();
    await changePlan("Two senders.");
    const results = await Promise.all([sendDueNotifications(getDb(), options), sendDueNotifications(getDb(), options)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect(fake.received).toHaveLength(2);
  });
});

describe("scheduled checks", () => {
  it("a review due within a week and sharing that ends within a week queue once, however often they run", async () => {
    const sam = await samWantsBoth();
    const serviceUserId = await recordId(demoPeople.sam.displayName);
    const now = new Date("2026-12-05T09:00:00Z");
    await getDb().insert(reviews).values({ serviceUserId, heldOn: "2026-12-04", attendees: "Sam, Jo", summary: "Fine", nextReviewOn: "2026-12-10" });
    const [alex] = await getDb()
      .select({ id: relationships.id, accountId: relationships.accountId })
      .from(relationships)
      .where(eq(relationships.accountId, await accountId(demoPeople.alex.email)));
    const alexActor = await actorFor(demoPeople.alex.email);
    await saveNotificationSettings(getDb(), alexActor, { email: true, sms: false, emailAddress: demoPeople.alex.email, mobile: null });
    await getDb().update(sharingGrants).set({ endsAt: new Date("2026-12-09T23:59:59Z") }).where(eq(sharingGrants.relationshipId, alex!.id));
    const first = await runScheduledChecks(getDb(), now);
    expect(first).toMatchObject({ review_due: 2, sharing_ending: 3 });
    expect(await runScheduledChecks(getDb(), now)).toMatchObject({ review_due: 0, sharing_ending: 0 });
    const rows = await outbox();
    expect(rows.filter((r) => r.event === "sharing_ending" && r.recipientAccountId === alexActor.accountId).map((r) => r.channel)).toEqual(["email"]);
    expect(rows.filter((r) => r.event === "review_due" && r.recipientAccountId === sam.accountId)).toHaveLength(2);
    // A review more than a week off is not due yet.
    expect(await runScheduledChecks(getDb(), new Date("2026-11-01T09:00:00Z"))).toMatchObject({ review_due: 0 });
  });
});

describe("new messages", () => {
  it("Sam writes: Jo hears, Sam does not; Jo replies: Sam hears; one message never queues twice", async () => {
    const sam = await samWantsBoth();
    const jo = await actorFor(demoPeople.jo.email);
    await saveNotificationSettings(getDb(), jo, { email: true, sms: false, emailAddress: demoPeople.jo.email, mobile: null });
    const person = await recordId(demoPeople.sam.displayName);
    const newMessages = async () => (await outbox()).filter((r) => r.event === "new_message");

    const { threadId, messageId } = await sendMessage(getDb(), sam, person, { subject: "My medication", body: "Can we talk about my dose?" });
    expect((await newMessages()).map((r) => [r.recipientAccountId, r.channel])).toEqual([[jo.accountId, "email"]]);
    // The same message queued again (a retried transaction, say) adds nothing.
    expect(await queueNotification(getDb(), { event: "new_message", key: messageId, recipientAccountId: jo.accountId, serviceUserId: person })).toBe(0);
    // Nothing about what was written is in the row.
    expect(JSON.stringify(await newMessages())).not.toContain("dose");

    await sendMessage(getDb(), jo, person, { threadId, body: "Yes: I will call you on Tuesday." });
    const rows = await newMessages();
    expect(rows.filter((r) => r.recipientAccountId === sam.accountId).map((r) => r.channel)).toEqual(["email", "sms"]);
    expect(rows.filter((r) => r.recipientAccountId === jo.accountId)).toHaveLength(1);
    expect(new Set(rows.map((r) => r.eventKey)).size).toBe(2);

    // Sent, the link opens the thread itself.
    await sendDueNotifications(getDb(), options);
    expect(fake.received.map((m) => m.personalisation.link)).toContain(`https://portal.test/people/${person}/messages/${threadId}`);
  });

  it("the care team, or the colleague given the thread, hears of a carer's message; the team's answer reaches the carer while they may read it", async () => {
    const person = await recordId(demoPeople.sam.displayName);
    const samActor = await actorFor(demoPeople.sam.email);
    const alexSupport = (await listSupporters(getDb(), samActor, person)).find((s) => s.name === "Alex Taylor")!;
    await setSharing(getDb(), samActor, person, alexSupport.relationshipId, { scopes: [...alexSupport.grants.map((g) => g.scope as never), "messages"], endsOn: null });
    const alex = await actorFor(demoPeople.alex.email);
    await saveNotificationSettings(getDb(), alex, { email: true, sms: false, emailAddress: demoPeople.alex.email, mobile: null });
    const jo = await actorFor(demoPeople.jo.email);
    await saveNotificationSettings(getDb(), jo, { email: true, sms: false, emailAddress: demoPeople.jo.email, mobile: null });

    // Tom joins Sam's care team too.
    await getDb().insert(relationships).values({ accountId: await accountId(demoPeople.tom.email), serviceUserId: person, kind: "care_team_member_of", teamRole: "care_coordinator" });
    const tom = await actorFor(demoPeople.tom.email);
    await saveNotificationSettings(getDb(), tom, { email: true, sms: false, emailAddress: demoPeople.tom.email, mobile: null });
    const heard = async (who: { accountId: string }) => (await outbox()).filter((r) => r.event === "new_message" && r.recipientAccountId === who.accountId).length;

    // Not given to anyone: the whole care team hears; the writer does not.
    const { threadId } = await sendMessage(getDb(), alex, person, { subject: "Sam's sleep", body: "He is not sleeping." });
    expect([await heard(jo), await heard(tom), await heard(alex)]).toEqual([1, 1, 0]);
    await sendMessage(getDb(), jo, person, { threadId, body: "Thank you for telling us." });
    expect([await heard(alex), await heard(tom)]).toEqual([1, 1]);
    // Given to Tom: only Tom hears of Alex's next message.
    await assignThread(getDb(), jo, person, threadId, tom.accountId);
    await sendMessage(getDb(), alex, person, { threadId, body: "He slept better last night." });
    expect([await heard(jo), await heard(tom)]).toEqual([1, 2]);

    // Sam withdraws the messages scope: the team's next answer is not announced to Alex.
    await setSharing(getDb(), samActor, person, alexSupport.relationshipId, { scopes: alexSupport.grants.map((g) => g.scope as never), endsOn: null });
    await sendMessage(getDb(), jo, person, { threadId, body: "We will call Sam." });
    expect(await heard(alex)).toBe(1);
  });
});

describe("appointments", () => {
  // After the demo's sharing began (it starts when the seed runs), in summer time.
  const now = new Date("2027-06-10T10:00:00Z");
  const at = (iso: string): AppointmentInput => ({ kind: "review", startsAt: new Date(iso), mode: "video", place: "", withWhom: "Jo Okafor", purpose: "Review" });
  const tomorrowRows = async (id: string) => (await outbox()).filter((r) => r.event === "appointment_tomorrow" && r.eventKey.includes(id));

  it("tomorrow's appointment (UK dates) is reminded once across runs; a cancelled one is not; a new time is reminded again", async () => {
    const sam = await samWantsBoth();
    const alex = await actorFor(demoPeople.alex.email);
    await saveNotificationSettings(getDb(), alex, { email: true, sms: false, emailAddress: demoPeople.alex.email, mobile: null });
    const jo = await actorFor(demoPeople.jo.email);
    const person = await recordId(demoPeople.sam.displayName);
    // 10:30 tomorrow in London (summer time).
    const tomorrow = await recordAppointment(getDb(), jo, person, at("2027-06-11T09:30:00Z"), now);
    const cancelled = await recordAppointment(getDb(), jo, person, at("2027-06-11T13:00:00Z"), now);
    await cancelAppointment(getDb(), jo, person, cancelled, "Jo is away", now);
    // 00:30 on the 12th in London: not tomorrow, though it is the 11th in UTC.
    const afterMidnight = await recordAppointment(getDb(), jo, person, at("2027-06-11T23:30:00Z"), now);

    await runScheduledChecks(getDb(), now);
    expect(await runScheduledChecks(getDb(), new Date(now.getTime() + 60 * 60 * 1000))).toMatchObject({ appointment_tomorrow: 0 });
    const rows = await tomorrowRows(tomorrow);
    // Sam by email and text, and Alex (who may see Sam's appointments) by email.
    expect(rows.map((r) => [r.recipientAccountId === sam.accountId ? "sam" : r.recipientAccountId === alex.accountId ? "alex" : "other", r.channel]).sort()).toEqual([
      ["alex", "email"],
      ["sam", "email"],
      ["sam", "sms"],
    ]);
    expect(await tomorrowRows(cancelled)).toHaveLength(0);
    expect(await tomorrowRows(afterMidnight)).toHaveLength(0);

    // Moved to the afternoon: a fresh reminder for the new time.
    await changeAppointment(getDb(), jo, person, tomorrow, at("2027-06-11T14:00:00Z"), now);
    expect(await runScheduledChecks(getDb(), now)).toMatchObject({ appointment_tomorrow: 3 });
    expect(await tomorrowRows(tomorrow)).toHaveLength(6);
  });

  it("staff booking, changing and cancelling an appointment each tell the person once", async () => {
    const sam = await samWantsBoth();
    const jo = await actorFor(demoPeople.jo.email);
    const person = await recordId(demoPeople.sam.displayName);
    const changes = async () => (await outbox()).filter((r) => r.event === "appointment_changed" && r.recipientAccountId === sam.accountId && r.channel === "email");
    const id = await recordAppointment(getDb(), jo, person, at("2027-07-01T09:00:00Z"), now);
    expect(await changes()).toHaveLength(1);
    await changeAppointment(getDb(), jo, person, id, at("2027-07-02T09:00:00Z"), now);
    expect(await changes()).toHaveLength(2);
    await cancelAppointment(getDb(), jo, person, id, "Jo is away", now);
    expect(await changes()).toHaveLength(3);
    expect(JSON.stringify(await changes())).not.toContain("Jo is away");
  });
});

describe("the outbox for staff and admins", () => {
  it("admins see every row, staff those about their caseload, others nothing; no address or link", async () => {
    await samWantsBoth();
    await changePlan("For the list.");
    const rowan = await actorFor(demoPeople.rowan.email);
    const jo = await actorFor(demoPeople.jo.email);
    const tom = await actorFor(demoPeople.tom.email);
    const listed = await listOutbox(getDb(), rowan);
    expect(listed.map((r) => [r.event, r.channel, r.status, r.recipientName])).toEqual(
      expect.arrayContaining([
        ["plan_changed", "email", "pending", demoPeople.sam.displayName],
        ["plan_changed", "sms", "pending", demoPeople.sam.displayName],
      ]),
    );
    expect(JSON.stringify(listed)).not.toContain("+447700900123");
    expect(await listOutbox(getDb(), jo)).toHaveLength(2);
    expect(await listOutbox(getDb(), tom)).toEqual([]);
    await expect(listOutbox(getDb(), await actorFor(demoPeople.sam.email))).rejects.toThrow();
  });
});

describe("letters the team posts, and sending again by hand", () => {
  async function samNeedsLetters() {
    const sam = await samWantsBoth();
    await getDb().insert(communicationNeeds).values({ accountId: sam.accountId, contactMethods: ["letter"], formats: ["large_print"] });
    return sam;
  }

  it("a letter to post: no email or text; someone on the care team marks it posted once, audited, with who and when", async () => {
    await samNeedsLetters();
    await changePlan("Words for a letter.");
    const [letter] = await outbox();
    expect([letter!.channel, letter!.status]).toEqual(["letter", "letter"]);
    const person = letter!.serviceUserId!;
    const jo = await actorFor(demoPeople.jo.email);
    expect((await listOutbox(getDb(), jo)).map((e) => [e.channel, e.status, e.serviceUserId])).toEqual([["letter", "letter", person]]);

    // Not Tom (another caseload), not Sam, not the admin: "not found".
    for (const who of [demoPeople.tom, demoPeople.sam, demoPeople.alex, demoPeople.rowan]) {
      await expect(markLetterPosted(getDb(), await actorFor(who.email), person, letter!.id)).rejects.toThrow();
    }
    // The row must be about the person in the address.
    await expect(markLetterPosted(getDb(), jo, await recordId(demoPeople.maya.displayName), letter!.id)).rejects.toThrow();

    const at = new Date("2026-12-05T11:00:00Z");
    expect(await markLetterPosted(getDb(), jo, person, letter!.id, at)).toBe(true);
    expect(await markLetterPosted(getDb(), jo, person, letter!.id, new Date())).toBe(false);
    const entry = await getOutboxEntry(getDb(), jo, person, letter!.id);
    expect([entry.status, entry.postedBy, entry.sentAt]).toEqual(["posted", demoPeople.jo.displayName, at.toISOString()]);
    const audit = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "notifications.letter_posted"));
    expect(audit.map((a) => [a.actorAccountId, a.recordId])).toEqual([[jo.accountId, letter!.id]]);
    // A posted letter is never sent, and cannot be "sent again".
    expect(await sendDueNotifications(getDb(), options)).toEqual({ sent: 0, failed: 0 });
    expect(await retryNotification(getDb(), jo, person, letter!.id)).toBe(false);
    // Removed after 30 days, as sent ones are.
    expect(await purgeOldNotifications(getDb(), new Date(Date.now() + 31 * 24 * 60 * 60 * 1000))).toBe(1);
  });

  it("a message that failed for good goes back into the outbox once, and is sent once", async () => {
    await samWantsBoth();
    await changePlan("Refused at first.");
    const wrong = { ...options, templates: { ...options.templates, updateSms: "99999999-9999-4999-8999-999999999999" } };
    expect(await sendDueNotifications(getDb(), wrong)).toEqual({ sent: 1, failed: 1 });
    const sms = (await outbox()).find((r) => r.channel === "sms")!;
    const email = (await outbox()).find((r) => r.channel === "email")!;
    const person = sms.serviceUserId!;
    const jo = await actorFor(demoPeople.jo.email);
    expect((await getOutboxEntry(getDb(), jo, person, sms.id)).canRetry).toBe(true);
    // Only a failed one: a sent email cannot be put back.
    expect(await retryNotification(getDb(), jo, person, email.id)).toBe(false);
    await expect(retryNotification(getDb(), await actorFor(demoPeople.tom.email), person, sms.id)).rejects.toThrow();

    // Two posts at once (a double click, two colleagues): it goes back once.
    const results = await Promise.all([retryNotification(getDb(), jo, person, sms.id), retryNotification(getDb(), jo, person, sms.id)]);
    expect(results.sort()).toEqual([false, true]);
    const back = await getOutboxEntry(getDb(), jo, person, sms.id);
    expect([back.status, back.attempts, back.retriedBy, back.canRetry]).toEqual(["pending", 0, demoPeople.jo.displayName, false]);
    expect(await getDb().select().from(auditEvents).where(eq(auditEvents.action, "notifications.retry"))).toHaveLength(1);

    // Sent with the right template now: once, and a second run sends nothing.
    expect(await sendDueNotifications(getDb(), options)).toEqual({ sent: 1, failed: 0 });
    expect(await sendDueNotifications(getDb(), options)).toEqual({ sent: 0, failed: 0 });
    expect(fake.received.filter((n) => n.reference === sms.id)).toHaveLength(1);
    expect(fake.received.find((n) => n.reference === sms.id)!.personalisation).toEqual({ link: "https://portal.test/plan" });
    expect(await retryNotification(getDb(), jo, person, sms.id)).toBe(false);
  });

  it("a failed try that reached Notify after all is not sent again when put back by hand", async () => {
    await samWantsBoth();
    await changePlan("Timed out.");
    fake.down();
    await sendDueNotifications(getDb(), options);
    fake.up();
    const email = (await outbox()).find((r) => r.channel === "email")!;
    // Notify took it in the end (the try timed out on our side); then the row failed for good.
    await options.sender.sendEmail(fakeTemplates.updateEmail, email.destination!, { link: "https://portal.test/plan" }, email.id);
    await getDb().update(notificationOutbox).set({ status: "failed", lastError: "network" }).where(eq(notificationOutbox.id, email.id));
    const jo = await actorFor(demoPeople.jo.email);
    expect(await retryNotification(getDb(), jo, email.serviceUserId!, email.id)).toBe(true);
    await getDb().delete(notificationOutbox).where(eq(notificationOutbox.channel, "sms"));
    expect(await sendDueNotifications(getDb(), options)).toEqual({ sent: 1, failed: 0 });
    expect(fake.received.filter((n) => n.reference === email.id)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("a one-time link that failed is not kept, so it cannot be sent again", async () => {
    const jo = await actorFor(demoPeople.jo.email);
    await createInvitation(getDb(), jo, { kind: "service_user", email: "new.person@example.org", displayName: "New Person", planLevel: "cpa" } as never, new Date(), { sendByEmail: true });
    const wrong = { ...options, templates: { ...options.templates, invitationEmail: "99999999-9999-4999-8999-999999999999" } };
    expect(await sendDueNotifications(getDb(), wrong)).toEqual({ sent: 0, failed: 1 });
    const [row] = await outbox();
    expect([row!.status, row!.personalisation]).toEqual(["failed", null]);
    const listed = await listOutbox(getDb(), await actorFor(demoPeople.rowan.email));
    expect(listed.map((e) => [e.event, e.status, e.canRetry])).toEqual([["invitation", "failed", false]]);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { communicationFlags, getCommunicationNeedsFor, getMyCommunicationNeeds, saveMyCommunicationNeeds } from "./communication.server";
import { NotFoundError } from "./access.server";

const bsl = {
  contactMethods: ["text"],
  formats: ["bsl_video"],
  attachmentFormat: "",
  support: ["bsl_interpreter"],
  other: "",
  languages: [{ code: "bfi", preferred: true, modes: ["signed"], interpreterNeeded: true }],
  noNeeds: false,
};

describe("communication needs", () => {
  it("Sam records his; the care team sees the flag; Maya and Alex cannot", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    await saveMyCommunicationNeeds(getDb(), await actorFor(demoPeople.sam.email), bsl);
    const jo = await actorFor(demoPeople.jo.email);
    const flags = await communicationFlags(getDb(), jo, [sam], 12);
    expect(flags[sam]).toMatchObject({ support: ["bsl_interpreter"], reviewDue: false });
    expect(await getCommunicationNeedsFor(getDb(), jo, sam, 12)).toMatchObject({ formats: ["bsl_video"] });
    for (const email of [demoPeople.maya.email, demoPeople.alex.email]) {
      await expect(communicationFlags(getDb(), await actorFor(email), [sam], 12)).rejects.toBeInstanceOf(NotFoundError);
    }
    const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "communication_needs.save"));
    expect(event).toMatchObject({ serviceUserId: sam });
  });

  it("asks for a review once the interval has passed; saving again is the review", async () => {
    await seedDemoData(getDb());
    const sam = await actorFor(demoPeople.sam.email);
    const then = new Date("2025-01-10T10:00:00Z");
    await saveMyCommunicationNeeds(getDb(), sam, bsl, then);
    expect((await getMyCommunicationNeeds(getDb(), sam, 12, new Date("2025-06-01T00:00:00Z")))?.reviewDue).toBe(false);
    expect((await getMyCommunicationNeeds(getDb(), sam, 12, new Date("2026-02-01T00:00:00Z")))?.reviewDue).toBe(true);
    await saveMyCommunicationNeeds(getDb(), sam, bsl, new Date("2026-02-01T00:00:00Z"));
    expect((await getMyCommunicationNeeds(getDb(), sam, 12, new Date("2026-02-02T00:00:00Z")))?.reviewDue).toBe(false);
  });

  it("keeps how well the person knows each language (AD-04, issue 12), and 'not said' as not said", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const languages = [
      { code: "ti", preferred: true, modes: ["spoken"], interpreterNeeded: true, proficiency: "excellent" },
      { code: "en", preferred: false, modes: ["written"], interpreterNeeded: false, proficiency: null },
    ];
    await saveMyCommunicationNeeds(getDb(), await actorFor(demoPeople.sam.email), { ...bsl, languages });
    expect((await getCommunicationNeedsFor(getDb(), await actorFor(demoPeople.jo.email), sam, 12))?.languages).toEqual(languages);
  });

  it("a carer keeps their own; 'no needs' raises no flag", async () => {
    await seedDemoData(getDb());
    const alex = await actorFor(demoPeople.alex.email);
    await saveMyCommunicationNeeds(getDb(), alex, { ...bsl, support: ["more_time"], languages: [], formats: [], contactMethods: [] });
    expect((await getMyCommunicationNeeds(getDb(), alex, 12))?.support).toEqual(["more_time"]);
    const sam = await recordId("Sam Taylor");
    await saveMyCommunicationNeeds(getDb(), await actorFor(demoPeople.sam.email), { ...bsl, support: [], formats: [], contactMethods: [], languages: [], noNeeds: true });
    expect(await communicationFlags(getDb(), await actorFor(demoPeople.jo.email), [sam], 12)).toEqual({});
  });
});

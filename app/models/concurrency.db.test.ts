import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { carePlanVersions, recoveryStatements, supportRequestEvents, supportRequests } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { getPlanSection, savePlanSection } from "./plan.server";
import { writeRecoveryStatement } from "./recovery.server";
import { cancelRequest, InvalidTransitionError, requestNeedsShared, updateRequestStatus, type ShareNeedsDetails } from "./requests.server";

/**
 * Saves that happen at the same moment (two staff, two tabs). On PostgreSQL they really run at
 * once on separate connections: version numbers must never collide (a unique-index 500 before),
 * and a status change must be checked against the status as it is when it is made.
 */
const shareNeeds: ShareNeedsDetails = {
  consent: true,
  needs: { contactMethods: ["email"], formats: ["easy_read"], support: [], languages: [], other: false },
};

describe("saves at the same moment", () => {
  it("two staff saving different parts of a plan at once both land, each with its own version", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const { content: crisis } = await getPlanSection(getDb(), jo, sam, "crisis");
    const { content: needs } = await getPlanSection(getDb(), jo, sam, "needs");
    const results = await Promise.all([
      savePlanSection(getDb(), jo, sam, "crisis", { ...crisis, whatHelps: "A walk by the river." }),
      savePlanSection(getDb(), jo, sam, "needs", { ...needs, strengths: "Football and cooking." }),
      savePlanSection(getDb(), jo, sam, "crisis", { ...crisis, whatHelps: "A walk by the river.", earlyWarningSigns: "Not sleeping." }),
    ]);
    const versions = results.map((r) => r.version).sort();
    expect(new Set(versions).size).toBe(3);
    const rows = await getDb().select({ version: carePlanVersions.version }).from(carePlanVersions).where(eq(carePlanVersions.serviceUserId, sam));
    expect(rows.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    // The newest version carries both sections' changes: neither save replaced the other.
    const { content: after } = await getPlanSection(getDb(), jo, sam, "needs");
    expect(after.strengths).toBe("Football and cooking.");
  });

  it("the person saving their recovery statement twice at once gets two versions, not an error", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const versions = await Promise.all([
      writeRecoveryStatement(getDb(), samActor, sam, "Being back at football."),
      writeRecoveryStatement(getDb(), samActor, sam, "Seeing friends again."),
    ]);
    expect(new Set(versions).size).toBe(2);
    const rows = await getDb().select().from(recoveryStatements).where(eq(recoveryStatements.serviceUserId, sam));
    expect(new Set(rows.map((r) => r.version)).size).toBe(rows.length);
  });

  it("a request cancelled at the moment staff book it ends up one or the other, never a cancelled request that is booked", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const jo = await actorFor(demoPeople.jo.email);
    for (let i = 0; i < 5; i++) {
      const id = await requestNeedsShared(getDb(), samActor, sam, shareNeeds);
      const outcomes = await Promise.allSettled([
        cancelRequest(getDb(), samActor, sam, id),
        updateRequestStatus(getDb(), jo, sam, id, { status: "seen", note: "" }).then(() =>
          updateRequestStatus(getDb(), jo, sam, id, { status: "booked", note: "Done." }),
        ),
      ]);
      for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toBeInstanceOf(InvalidTransitionError);
      const [row] = await getDb().select().from(supportRequests).where(eq(supportRequests.id, id));
      const events = await getDb().select().from(supportRequestEvents).where(eq(supportRequestEvents.requestId, id));
      const statuses = events.map((e) => e.status);
      // The history never shows a move out of "cancelled", and the request's status is its last event.
      const cancelledAt = statuses.indexOf("cancelled");
      if (cancelledAt >= 0) expect(statuses.slice(cancelledAt + 1)).toEqual([]);
      expect(row!.status).toBe(statuses.at(-1));
    }
  });
});

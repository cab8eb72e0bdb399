import { describe, expect, it } from "vitest";
import { auditEvents } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { getRecordOverview, headerCrisisPlan, listVisibleRecords } from "./people.server";

describe("record overview", () => {
  it("Maya cannot see Sam's record, and nothing about it is returned", async () => {
    await seedDemoData(getDb());
    const maya = await actorFor(demoPeople.maya.email);
    expect(await getRecordOverview(getDb(), maya, await recordId("Sam Taylor"))).toBeNull();
  });

  it("Tom (Maya's coordinator) cannot see Sam's record", async () => {
    await seedDemoData(getDb());
    const tom = await actorFor(demoPeople.tom.email);
    expect(await getRecordOverview(getDb(), tom, await recordId("Sam Taylor"))).toBeNull();
  });

  it("Alex sees Sam's care team because Sam shares it; Priya sees it through the whole plan", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const alexView = await getRecordOverview(getDb(), await actorFor(demoPeople.alex.email), sam);
    expect(alexView?.capacity).toBe("carer_of");
    expect(alexView?.careTeam).toEqual([{ displayName: "Jo Okafor", role: "care_coordinator" }]);
    const priyaView = await getRecordOverview(getDb(), await actorFor(demoPeople.priya.email), sam);
    expect(priyaView?.capacity).toBe("advocate_for");
    expect(priyaView?.scopes).toContain("act_on_behalf");
  });

  it("logs reads by others, not the person reading their own record", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    await getRecordOverview(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(await getDb().select().from(auditEvents)).toHaveLength(0);
    const jo = await actorFor(demoPeople.jo.email);
    await getRecordOverview(getDb(), jo, sam);
    const events = await getDb().select().from(auditEvents);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "read", capacity: "care_team_member_of", serviceUserId: sam, actorAccountId: jo.accountId });
  });

  it("lists the records each person can open", async () => {
    await seedDemoData(getDb());
    const names = async (email: string) => (await listVisibleRecords(getDb(), await actorFor(email))).map((r) => r.displayName);
    expect(await names(demoPeople.sam.email)).toEqual(["Sam Taylor"]);
    expect(await names(demoPeople.alex.email)).toEqual(["Sam Taylor"]);
    expect(await names(demoPeople.jo.email)).toEqual(["Sam Taylor"]);
    expect(await names(demoPeople.maya.email)).toEqual(["Maya Rahman"]);
    expect(await names(demoPeople.tom.email)).toEqual(["Maya Rahman"]);
  });
});

describe("the crisis plan in the header (CP-04)", () => {
  it("is Sam's own for Sam, Sam's by name for Alex and Priya, none for staff, and 'several' for someone who supports two people", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const maya = await recordId("Maya Rahman");
    expect(await headerCrisisPlan(getDb(), await actorFor(demoPeople.sam.email))).toEqual({ kind: "own", serviceUserId: sam });
    expect(await headerCrisisPlan(getDb(), await actorFor(demoPeople.alex.email))).toEqual({ kind: "other", serviceUserId: sam, displayName: "Sam Taylor" });
    expect(await headerCrisisPlan(getDb(), await actorFor(demoPeople.priya.email))).toEqual({ kind: "other", serviceUserId: sam, displayName: "Sam Taylor" });
    expect(await headerCrisisPlan(getDb(), await actorFor(demoPeople.jo.email))).toBeNull();
    const alex = await actorFor(demoPeople.alex.email);
    // Alex also caring for Maya, who shares her crisis plan too.
    const both = { ...alex, relationships: [...alex.relationships, { kind: "carer_of" as const, serviceUserId: maya, scopes: ["plan.crisis" as const] }] };
    expect(await headerCrisisPlan(getDb(), both)).toEqual({ kind: "several" });
    // A carer with nothing of the crisis plan shared has no link.
    const nothing = { ...alex, relationships: alex.relationships.map((r) => ({ ...r, scopes: [] })) };
    expect(await headerCrisisPlan(getDb(), nothing)).toBeNull();
  });
});

import { and, count, eq, isNull, notInArray, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { truncateAll } from "../tests/support/test-db";
import {
  accounts,
  carePlanVersions,
  careTeamMembers,
  goalProgress,
  goals,
  relationships,
  reviews,
  serviceUsers,
  supportRequests,
} from "./schema/index";
import { demoCoordinator, demoPeople, seedDemoData } from "./seed";
import { CASELOAD, generateScale, JO_EXTRA, seedScale, staffFor } from "./seed-scale";

const now = new Date("2026-06-01T12:00:00Z");
const N = 200;

/** Everything the seed wrote that it chose (ids, names, dates, content), in a stable order; the demo people aside. */
async function snapshot() {
  const db = getDb();
  const demo = Object.values(demoPeople);
  const people = (await db.select().from(serviceUsers).orderBy(serviceUsers.id)).filter((p) => !demo.some((d) => d.displayName === p.displayName));
  const ids = new Set(people.map((p) => p.id));
  const mine = <T extends { serviceUserId: string }>(rows: T[]) => rows.filter((r) => ids.has(r.serviceUserId));
  const goalRows = mine(await db.select().from(goals).orderBy(goals.id));
  const goalIds = new Set(goalRows.map((g) => g.id));
  const jo = (await demoCoordinator(db))!.id;
  const rows = {
    people,
    accounts: await db.select().from(accounts).where(notInArray(accounts.email, demo.map((p) => p.email))).orderBy(accounts.id),
    relationships: mine(await db.select().from(relationships).orderBy(relationships.id)),
    plans: mine(await db.select().from(carePlanVersions).orderBy(carePlanVersions.id)),
    team: mine(await db.select().from(careTeamMembers).orderBy(careTeamMembers.id)),
    reviews: mine(await db.select().from(reviews).orderBy(reviews.id)),
    goals: goalRows,
    progress: (await db.select().from(goalProgress).orderBy(goalProgress.id)).filter((p) => goalIds.has(p.goalId)),
    requests: mine(await db.select().from(supportRequests).orderBy(supportRequests.id)),
  };
  // Jo is a demo person with an id of her own in each run.
  return JSON.parse(JSON.stringify(rows).replaceAll(jo, "jo")) as typeof rows;
}

async function seedWith(seed: number) {
  await seedDemoData(getDb());
  return seedScale(getDb(), { people: N, seed, now, jo: await demoCoordinator(getDb()) });
}

async function countOf(table: PgTable, where?: SQL): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(table).where(where);
  return Number(row!.n);
}

describe("the scale seed (--people N)", () => {
  it("gives the same rows for the same seed, and other rows for another", async () => {
    await seedWith(7);
    const first = await snapshot();
    expect(first.people).toHaveLength(N);
    await truncateAll();
    await seedWith(7);
    expect(await snapshot()).toEqual(first);
    await truncateAll();
    await seedWith(8);
    const other = await snapshot();
    expect(other.people.map((p) => p.displayName)).not.toEqual(first.people.map((p) => p.displayName));
  });

  it("creates N people, a coordinator for each 40 with Jo's caseload of 40, plans, goals, progress, carers and requests", async () => {
    const plan = await seedWith(1);
    const db = getDb();
    const staffCount = staffFor(N, true);
    expect(plan).toEqual({ people: N, staff: staffCount });
    expect(staffCount).toBe(Math.round((N - JO_EXTRA) / CASELOAD));
    // The two demo people and N generated.
    expect(await countOf(serviceUsers)).toBe(N + 2);
    // Tom, Jo and the generated coordinators.
    expect(await countOf(accounts, eq(accounts.isStaff, true))).toBe(staffCount + 2);
    // Each generated person has one care coordinator, with an account, on their care team.
    const coordinators = await db
      .select({ accountId: relationships.accountId, n: count() })
      .from(relationships)
      .where(and(eq(relationships.kind, "care_team_member_of"), isNull(relationships.endedAt)))
      .groupBy(relationships.accountId);
    expect(coordinators.reduce((sum, c) => sum + Number(c.n), 0)).toBe(N + 2);
    const jo = await demoCoordinator(db);
    expect(Number(coordinators.find((c) => c.accountId === jo!.id)!.n)).toBe(CASELOAD);
    for (const c of coordinators.filter((c) => c.accountId !== jo!.id && Number(c.n) > 1)) {
      expect(Number(c.n)).toBeGreaterThanOrEqual(CASELOAD - 3);
      expect(Number(c.n)).toBeLessThanOrEqual(CASELOAD + 3);
    }
    expect(await countOf(careTeamMembers, eq(careTeamMembers.isCoordinator, true))).toBe(N + 2);
    // Every person has a plan and a review; goals with progress; some carers and open requests.
    expect(await countOf(reviews)).toBe(N + 2);
    const plans = await countOf(carePlanVersions);
    expect(plans).toBeGreaterThanOrEqual(N + 3);
    expect(plans).toBeLessThan(2 * N);
    expect(await countOf(goals)).toBeGreaterThanOrEqual(N);
    expect(await countOf(goalProgress)).toBeGreaterThan(N);
    const carers = await countOf(relationships, eq(relationships.kind, "carer_of"));
    expect(carers).toBeGreaterThan(N * 0.1);
    expect(carers).toBeLessThan(N * 0.35);
    const open = await countOf(supportRequests, notInArray(supportRequests.status, ["booked", "cancelled", "not_arranged"]));
    expect(open).toBeGreaterThan(0);
    // Nobody generated can sign in: no password, no second step.
    const generated = await db.select({ hash: accounts.passwordHash }).from(accounts).where(notInArray(accounts.email, Object.values(demoPeople).map((p) => p.email)));
    expect(generated.length).toBeGreaterThan(N / 2);
    expect(generated.every((a) => a.hash === null)).toBe(true);
  });

  it("is generated a chunk at a time, the same whatever the chunk size", () => {
    const rows = (chunk: number) => {
      const all = [...generateScale({ people: 50, seed: 3, now, jo: { id: "00000000-0000-4000-8000-000000000001", name: "Jo Okafor" } }, chunk)];
      return all.flatMap((r) => r.serviceUsers.map((p) => p.id));
    };
    expect(rows(7)).toEqual(rows(1000));
    expect(new Set(rows(7)).size).toBe(50);
  });
});

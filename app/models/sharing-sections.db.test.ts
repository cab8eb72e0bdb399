import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { getGoal } from "./goals.server";
import { getNextReview, getPlanView } from "./plan.server";
import { NotFoundError } from "./access.server";
import { listRecoveryVersions } from "./recovery.server";
import { listSupporters, setSharing } from "./sharing.server";
import { shareableScopes, type ShareableScope } from "./vocabulary/relationships";

/**
 * Carer × what is shared × every part of the plan, through the real loaders: a carer sees a part
 * only when the person shares it. Each row shares exactly one thing with Alex, then looks.
 */
type Part = "summary" | "crisis" | "careTeam" | "goals" | "recovery" | "nextReview";
const parts: Part[] = ["summary", "crisis", "careTeam", "goals", "recovery", "nextReview"];

const sees: Record<ShareableScope | "nothing", Part[]> = {
  nothing: [],
  "plan.crisis": ["crisis"],
  "plan.care_team": ["careTeam"],
  "goals.read": ["goals"],
  "recovery.read": ["recovery"],
  "appointments.read": ["nextReview"],
  "plan.full": ["summary", "crisis", "careTeam", "nextReview"],
  // Writing to the team opens no part of the plan (decision 055).
  messages: [],
};

async function whatAlexSees(sam: string): Promise<Part[]> {
  const alex = await actorFor(demoPeople.alex.email);
  const view = await getPlanView(getDb(), alex, sam);
  const found: Part[] = [];
  if (view?.needs && view.support && view.reviews && view.wishes) found.push("summary");
  if (view?.crisis) found.push("crisis");
  if (view?.careTeam) found.push("careTeam");
  // Goals: the list in the plan, and each goal's own page.
  const samGoals = (await getPlanView(getDb(), await actorFor(demoPeople.sam.email), sam))!.goals!;
  const goalPage = await getGoal(getDb(), alex, sam, samGoals[0]!.id).then(
    () => true,
    (e: unknown) => (e instanceof NotFoundError ? false : Promise.reject(e)),
  );
  expect(goalPage, "the goal page agrees with the plan's goal list").toBe(view?.goals != null);
  if (goalPage) found.push("goals");
  const recovery = await listRecoveryVersions(getDb(), alex, sam).then(
    () => true,
    (e: unknown) => (e instanceof NotFoundError ? false : Promise.reject(e)),
  );
  if (recovery) found.push("recovery");
  if (await getNextReview(getDb(), alex, sam)) found.push("nextReview");
  return found;
}

describe("carer × scope × every part of the plan", () => {
  it.each(["nothing", ...shareableScopes] as const)("shared with Alex: %s", async (scope) => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const alex = (await listSupporters(getDb(), samActor, sam)).find((s) => s.name === "Alex Taylor")!;
    await setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: scope === "nothing" ? [] : [scope], endsOn: null });
    expect(await whatAlexSees(sam)).toEqual(parts.filter((p) => sees[scope].includes(p)));
  });
});

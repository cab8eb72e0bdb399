import { and, eq } from "drizzle-orm";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { careTeamMembers, goals, relationships } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { requestAssessment } from "~/models/carers.server";
import { saveAttorney } from "~/models/decisions.server";
import { requestFormat } from "~/models/requests.server";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { createSession, SESSION_COOKIE } from "./auth.server";
import { keepDraft } from "./drafts.server";

/**
 * Every form that keeps a draft (decision 033) gives it back from its loader, to the person who
 * typed it (once: app/web/drafts.db.test.ts). One row per page: who, the page, the route module. The browser test
 * (tests/browser/drafts.test.ts) shows the same pages put it back in the form after a real round trip.
 */
type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
interface Row {
  who: keyof typeof demoPeople;
  /** The page, from the ids of the seeded data. */
  path: (ids: Ids) => string;
  params: (ids: Ids) => Record<string, string>;
  module: () => Promise<{ loader: Loader }>;
}
interface Ids {
  sam: string;
  goal: string;
  member: string;
  priyaRel: string;
  request: string;
  assessment: string;
}

const person = (ids: Ids) => ({ serviceUserId: ids.sam });
const rows: Record<string, Row> = {
  // Added for issue 15 item 5.
  "interpreter request": { who: "sam", path: (i) => `/people/${i.sam}/requests/interpreter`, params: person, module: () => import("~/routes/people.$serviceUserId.requests.interpreter") },
  "advocate request": { who: "sam", path: (i) => `/people/${i.sam}/requests/advocate`, params: person, module: () => import("~/routes/people.$serviceUserId.requests.advocate") },
  "format request": { who: "sam", path: (i) => `/people/${i.sam}/requests/format`, params: person, module: () => import("~/routes/people.$serviceUserId.requests.format") },
  "share needs request": { who: "sam", path: (i) => `/people/${i.sam}/requests/share-needs`, params: person, module: () => import("~/routes/people.$serviceUserId.requests.share-needs") },
  "sharing with one supporter": {
    who: "sam",
    path: (i) => `/people/${i.sam}/sharing/${i.priyaRel}`,
    params: (i) => ({ serviceUserId: i.sam, relationshipId: i.priyaRel }),
    module: () => import("~/routes/people.$serviceUserId.sharing.$relationshipId"),
  },
  "inviting a carer": { who: "sam", path: (i) => `/people/${i.sam}/sharing/invite`, params: person, module: () => import("~/routes/people.$serviceUserId.sharing.invite") },
  "someone to consult": { who: "sam", path: (i) => `/people/${i.sam}/decisions/consult/new`, params: person, module: () => import("~/routes/people.$serviceUserId.decisions.consult.new") },
  attorney: { who: "sam", path: (i) => `/people/${i.sam}/decisions/attorney`, params: person, module: () => import("~/routes/people.$serviceUserId.decisions.attorney") },
  "nominated person": { who: "sam", path: (i) => `/people/${i.sam}/decisions/nominated-person`, params: person, module: () => import("~/routes/people.$serviceUserId.decisions.nominated-person") },
  "goal progress": {
    who: "sam",
    path: (i) => `/people/${i.sam}/goals/${i.goal}`,
    params: (i) => ({ serviceUserId: i.sam, goalId: i.goal }),
    module: () => import("~/routes/people.$serviceUserId.goals.$goalId"),
  },
  family: { who: "sam", path: (i) => `/people/${i.sam}/family`, params: person, module: () => import("~/routes/people.$serviceUserId.family") },
  "comment on a plan version": {
    who: "sam",
    path: (i) => `/people/${i.sam}/plan/versions/1`,
    params: (i) => ({ serviceUserId: i.sam, version: "1" }),
    module: () => import("~/routes/people.$serviceUserId.plan.versions.$version"),
  },
  "carer's assessment": { who: "alex", path: () => "/carer/assessment", params: () => ({}), module: () => import("~/routes/carer.assessment") },
  "plan level": { who: "jo", path: (i) => `/people/${i.sam}/plan/level`, params: person, module: () => import("~/routes/people.$serviceUserId.plan.level") },
  "care coordinator": { who: "jo", path: (i) => `/people/${i.sam}/plan/coordinator`, params: person, module: () => import("~/routes/people.$serviceUserId.plan.coordinator") },
  "acting for the person": { who: "jo", path: (i) => `/people/${i.sam}/acting-for`, params: person, module: () => import("~/routes/people.$serviceUserId.acting-for") },
  "best interests decision": { who: "jo", path: (i) => `/people/${i.sam}/decisions/best-interests/new`, params: person, module: () => import("~/routes/people.$serviceUserId.decisions.best-interests.new") },
  "advance decision to refuse treatment": { who: "jo", path: (i) => `/people/${i.sam}/decisions/adrt`, params: person, module: () => import("~/routes/people.$serviceUserId.decisions.adrt") },
  "attorney registration check": {
    who: "jo",
    path: (i) => `/people/${i.sam}/decisions/attorney-registered`,
    params: person,
    module: () => import("~/routes/people.$serviceUserId.decisions.attorney-registered"),
  },
  "request status": {
    who: "jo",
    path: (i) => `/people/${i.sam}/requests/${i.request}`,
    params: (i) => ({ serviceUserId: i.sam, requestId: i.request }),
    module: () => import("~/routes/people.$serviceUserId.requests.$requestId"),
  },
  "carer's assessment status": {
    who: "jo",
    path: (i) => `/people/${i.sam}/carers/${i.assessment}`,
    params: (i) => ({ serviceUserId: i.sam, requestId: i.assessment }),
    module: () => import("~/routes/people.$serviceUserId.carers.$requestId"),
  },
  "suggest a goal": { who: "jo", path: (i) => `/people/${i.sam}/goals/suggest`, params: person, module: () => import("~/routes/people.$serviceUserId.goals.suggest") },
  "staff invitation": { who: "jo", path: () => "/staff/invitations/new?kind=service_user", params: () => ({}), module: () => import("~/routes/staff.invitations.new") },
  // Wired before (decision 033), in the same table.
  "crisis plan": {
    who: "jo",
    path: (i) => `/people/${i.sam}/plan/edit/crisis`,
    params: (i) => ({ serviceUserId: i.sam, section: "crisis" }),
    module: () => import("~/routes/people.$serviceUserId.plan.edit.$section"),
  },
  "how the team will help": { who: "jo", path: (i) => `/people/${i.sam}/plan/edit/support`, params: person, module: () => import("~/routes/people.$serviceUserId.plan.edit.support") },
  "recovery statement": { who: "sam", path: (i) => `/people/${i.sam}/recovery`, params: person, module: () => import("~/routes/people.$serviceUserId.recovery") },
  "new goal": { who: "sam", path: (i) => `/people/${i.sam}/goals/new`, params: person, module: () => import("~/routes/people.$serviceUserId.goals.new") },
  "changing a goal": {
    who: "sam",
    path: (i) => `/people/${i.sam}/goals/${i.goal}/edit`,
    params: (i) => ({ serviceUserId: i.sam, goalId: i.goal }),
    module: () => import("~/routes/people.$serviceUserId.goals.$goalId_.edit"),
  },
  "communication needs": { who: "sam", path: () => "/communication-needs", params: () => ({}), module: () => import("~/routes/communication-needs") },
  "carer's needs": { who: "alex", path: () => "/carer/needs/caring", params: () => ({ part: "caring" }), module: () => import("~/routes/carer.needs.$part") },
  "tell the team": { who: "alex", path: (i) => `/people/${i.sam}/tell-the-team`, params: person, module: () => import("~/routes/people.$serviceUserId.tell-the-team") },
  "new care team member": { who: "jo", path: (i) => `/people/${i.sam}/team/new`, params: person, module: () => import("~/routes/people.$serviceUserId.team.new") },
  "changing a care team member": {
    who: "jo",
    path: (i) => `/people/${i.sam}/team/${i.member}`,
    params: (i) => ({ serviceUserId: i.sam, memberId: i.member }),
    module: () => import("~/routes/people.$serviceUserId.team.$memberId._index"),
  },
  "recording a review": { who: "jo", path: (i) => `/people/${i.sam}/reviews/new`, params: person, module: () => import("~/routes/people.$serviceUserId.reviews.new") },
  wishes: { who: "sam", path: (i) => `/people/${i.sam}/decisions/wishes`, params: person, module: () => import("~/routes/people.$serviceUserId.decisions.wishes") },
  "advance statement": { who: "sam", path: (i) => `/people/${i.sam}/decisions/advance`, params: person, module: () => import("~/routes/people.$serviceUserId.decisions.advance") },
};

/** The seeded demo data, plus a request, a carer's assessment request and an attorney for the staff pages. */
async function seeded(): Promise<Ids> {
  await seedDemoData(getDb());
  const sam = await recordId(demoPeople.sam.displayName);
  const samActor = await actorFor(demoPeople.sam.email);
  const [goal] = await getDb().select({ id: goals.id }).from(goals).where(eq(goals.serviceUserId, sam)).limit(1);
  const [member] = await getDb().select({ id: careTeamMembers.id }).from(careTeamMembers).where(eq(careTeamMembers.serviceUserId, sam)).limit(1);
  const [priyaRel] = await getDb()
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.serviceUserId, sam), eq(relationships.kind, "advocate_for")));
  await saveAttorney(getDb(), samActor, sam, { kind: "lpa", names: "Alex Taylor", covers: "", lifeSustaining: "not_sure", opgReference: "" });
  const request = await requestFormat(getDb(), samActor, sam, { document: "plan", format: "easy_read", attachmentFormat: "", delivery: "post" });
  const assessment = await requestAssessment(getDb(), await actorFor(demoPeople.alex.email), { serviceUserId: sam, contactBy: "phone", bestTime: "", wantsAdvocate: false });
  return { sam, goal: goal!.id, member: member!.id, priyaRel: priyaRel!.id, request, assessment };
}

async function load(row: Row, ids: Ids, accountId: string): Promise<{ draft: { initialValue: Record<string, unknown> } | null }> {
  const token = await createSession(getDb(), accountId);
  const request = new Request(`http://localhost${row.path(ids)}`, { headers: { Cookie: `${SESSION_COOKIE}=${token}` } });
  const { loader } = await row.module();
  const response = await loader({ request, params: row.params(ids), context: {} });
  return (await response.json()) as { draft: { initialValue: Record<string, unknown> } | null };
}

describe("every form that keeps what was typed gives it back from its loader", () => {
  // One seeding for all the pages (each page's draft is its own): seeding is most of the time.
  it(`${Object.keys(rows).length} pages`, async () => {
    const ids = await seeded();
    for (const [name, row] of Object.entries(rows)) {
      const who = await actorFor(demoPeople[row.who].email);
      const path = new URL(row.path(ids), "http://localhost").pathname;
      await keepDraft(getDb(), { accountId: who.accountId, path, fields: { words: `Typed on ${name}`, "when.day": "3" } });
      expect((await load(row, ids, who.accountId)).draft?.initialValue, name).toEqual({ words: `Typed on ${name}`, when: { day: "3" } });
    }
  });
});

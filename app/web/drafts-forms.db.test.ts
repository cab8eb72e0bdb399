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
import * as route0 from "~/routes/people.$serviceUserId.requests.interpreter";
import * as route1 from "~/routes/people.$serviceUserId.requests.advocate";
import * as route2 from "~/routes/people.$serviceUserId.requests.format";
import * as route3 from "~/routes/people.$serviceUserId.requests.share-needs";
import * as route4 from "~/routes/people.$serviceUserId.sharing.$relationshipId";
import * as route5 from "~/routes/people.$serviceUserId.sharing.invite";
import * as route6 from "~/routes/people.$serviceUserId.decisions.consult.new";
import * as route7 from "~/routes/people.$serviceUserId.decisions.attorney";
import * as route8 from "~/routes/people.$serviceUserId.decisions.nominated-person";
import * as route9 from "~/routes/people.$serviceUserId.goals.$goalId";
import * as route10 from "~/routes/people.$serviceUserId.family";
import * as route11 from "~/routes/people.$serviceUserId.plan.versions.$version";
import * as route12 from "~/routes/carer.assessment";
import * as route13 from "~/routes/people.$serviceUserId.plan.level";
import * as route14 from "~/routes/people.$serviceUserId.plan.coordinator";
import * as route15 from "~/routes/people.$serviceUserId.acting-for";
import * as route16 from "~/routes/people.$serviceUserId.decisions.best-interests.new";
import * as route17 from "~/routes/people.$serviceUserId.decisions.adrt";
import * as route18 from "~/routes/people.$serviceUserId.decisions.attorney-registered";
import * as route19 from "~/routes/people.$serviceUserId.requests.$requestId";
import * as route20 from "~/routes/people.$serviceUserId.carers.$requestId";
import * as route21 from "~/routes/people.$serviceUserId.goals.suggest";
import * as route22 from "~/routes/staff.invitations.new";
import * as route23 from "~/routes/people.$serviceUserId.plan.edit.$section";
import * as route24 from "~/routes/people.$serviceUserId.plan.edit.support";
import * as route25 from "~/routes/people.$serviceUserId.recovery";
import * as route26 from "~/routes/people.$serviceUserId.goals.new";
import * as route27 from "~/routes/people.$serviceUserId.goals.$goalId_.edit";
import * as route28 from "~/routes/communication-needs";
import * as route29 from "~/routes/carer.needs.$part";
import * as route30 from "~/routes/people.$serviceUserId.tell-the-team";
import * as route31 from "~/routes/people.$serviceUserId.team.new";
import * as route32 from "~/routes/people.$serviceUserId.team.$memberId._index";
import * as route33 from "~/routes/people.$serviceUserId.reviews.new";
import * as route34 from "~/routes/people.$serviceUserId.decisions.wishes";
import * as route35 from "~/routes/people.$serviceUserId.decisions.advance";

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
  module: { loader: Loader };
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
  "interpreter request": { who: "sam", path: (i) => `/people/${i.sam}/requests/interpreter`, params: person, module: route0 },
  "advocate request": { who: "sam", path: (i) => `/people/${i.sam}/requests/advocate`, params: person, module: route1 },
  "format request": { who: "sam", path: (i) => `/people/${i.sam}/requests/format`, params: person, module: route2 },
  "share needs request": { who: "sam", path: (i) => `/people/${i.sam}/requests/share-needs`, params: person, module: route3 },
  "sharing with one supporter": {
    who: "sam",
    path: (i) => `/people/${i.sam}/sharing/${i.priyaRel}`,
    params: (i) => ({ serviceUserId: i.sam, relationshipId: i.priyaRel }),
    module: route4,
  },
  "inviting a carer": { who: "sam", path: (i) => `/people/${i.sam}/sharing/invite`, params: person, module: route5 },
  "someone to consult": { who: "sam", path: (i) => `/people/${i.sam}/decisions/consult/new`, params: person, module: route6 },
  attorney: { who: "sam", path: (i) => `/people/${i.sam}/decisions/attorney`, params: person, module: route7 },
  "nominated person": { who: "sam", path: (i) => `/people/${i.sam}/decisions/nominated-person`, params: person, module: route8 },
  "goal progress": {
    who: "sam",
    path: (i) => `/people/${i.sam}/goals/${i.goal}`,
    params: (i) => ({ serviceUserId: i.sam, goalId: i.goal }),
    module: route9,
  },
  family: { who: "sam", path: (i) => `/people/${i.sam}/family`, params: person, module: route10 },
  "comment on a plan version": {
    who: "sam",
    path: (i) => `/people/${i.sam}/plan/versions/1`,
    params: (i) => ({ serviceUserId: i.sam, version: "1" }),
    module: route11,
  },
  "carer's assessment": { who: "alex", path: () => "/carer/assessment", params: () => ({}), module: route12 },
  "plan level": { who: "jo", path: (i) => `/people/${i.sam}/plan/level`, params: person, module: route13 },
  "care coordinator": { who: "jo", path: (i) => `/people/${i.sam}/plan/coordinator`, params: person, module: route14 },
  "acting for the person": { who: "jo", path: (i) => `/people/${i.sam}/acting-for`, params: person, module: route15 },
  "best interests decision": { who: "jo", path: (i) => `/people/${i.sam}/decisions/best-interests/new`, params: person, module: route16 },
  "advance decision to refuse treatment": { who: "jo", path: (i) => `/people/${i.sam}/decisions/adrt`, params: person, module: route17 },
  "attorney registration check": {
    who: "jo",
    path: (i) => `/people/${i.sam}/decisions/attorney-registered`,
    params: person,
    module: route18,
  },
  "request status": {
    who: "jo",
    path: (i) => `/people/${i.sam}/requests/${i.request}`,
    params: (i) => ({ serviceUserId: i.sam, requestId: i.request }),
    module: route19,
  },
  "carer's assessment status": {
    who: "jo",
    path: (i) => `/people/${i.sam}/carers/${i.assessment}`,
    params: (i) => ({ serviceUserId: i.sam, requestId: i.assessment }),
    module: route20,
  },
  "suggest a goal": { who: "jo", path: (i) => `/people/${i.sam}/goals/suggest`, params: person, module: route21 },
  "staff invitation": { who: "jo", path: () => "/staff/invitations/new?kind=service_user", params: () => ({}), module: route22 },
  // Wired before (decision 033), in the same table.
  "crisis plan": {
    who: "jo",
    path: (i) => `/people/${i.sam}/plan/edit/crisis`,
    params: (i) => ({ serviceUserId: i.sam, section: "crisis" }),
    module: route23,
  },
  "how the team will help": { who: "jo", path: (i) => `/people/${i.sam}/plan/edit/support`, params: person, module: route24 },
  "recovery statement": { who: "sam", path: (i) => `/people/${i.sam}/recovery`, params: person, module: route25 },
  "new goal": { who: "sam", path: (i) => `/people/${i.sam}/goals/new`, params: person, module: route26 },
  "changing a goal": {
    who: "sam",
    path: (i) => `/people/${i.sam}/goals/${i.goal}/edit`,
    params: (i) => ({ serviceUserId: i.sam, goalId: i.goal }),
    module: route27,
  },
  "communication needs": { who: "sam", path: () => "/communication-needs", params: () => ({}), module: route28 },
  "carer's needs": { who: "alex", path: () => "/carer/needs/caring", params: () => ({ part: "caring" }), module: route29 },
  "tell the team": { who: "alex", path: (i) => `/people/${i.sam}/tell-the-team`, params: person, module: route30 },
  "new care team member": { who: "jo", path: (i) => `/people/${i.sam}/team/new`, params: person, module: route31 },
  "changing a care team member": {
    who: "jo",
    path: (i) => `/people/${i.sam}/team/${i.member}`,
    params: (i) => ({ serviceUserId: i.sam, memberId: i.member }),
    module: route32,
  },
  "recording a review": { who: "jo", path: (i) => `/people/${i.sam}/reviews/new`, params: person, module: route33 },
  wishes: { who: "sam", path: (i) => `/people/${i.sam}/decisions/wishes`, params: person, module: route34 },
  "advance statement": { who: "sam", path: (i) => `/people/${i.sam}/decisions/advance`, params: person, module: route35 },
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
  const response = await row.module.loader({ request, params: row.params(ids), context: {} });
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

import { sql } from "drizzle-orm";
import type { Db } from "~/utils/db.server";
import {
  accounts,
  carePlanVersions,
  careTeamMembers,
  goalProgress,
  goals,
  recoveryStatements,
  relationships,
  reviews,
  serviceUsers,
  sharingGrants,
  supportRequestEvents,
  supportRequests,
  type PlanContent,
} from "./schema/index";

/**
 * `npm run db:seed -- --demo --people N`: N generated service users at a trust's scale, with their
 * plans, goals, progress, care teams, carers, requests and care coordinators (about 40 people each).
 * Deterministic: the same seed and the same `now` give the same rows, ids included. Fictional: names
 * are drawn from a short built-in list and combined at random; emails are at example.org.
 * Generated accounts have no password, so nobody can sign in as them (decision 048).
 */

/** How many people a generated care coordinator has, as in a community team. */
export const CASELOAD = 40;
/** Jo (the demo care coordinator) takes this many generated people besides Sam: a caseload of 40. */
export const JO_EXTRA = 39;
const DAY = 24 * 60 * 60 * 1000;

// Varied UK first names and surnames, combined at random: no name here belongs to anyone in particular.
const FIRST = [
  "Aaliyah", "Abdi", "Adaeze", "Aidan", "Aisha", "Alfie", "Amara", "Amir", "Anna", "Arjun", "Ayesha", "Bartosz",
  "Bethan", "Bilal", "Bronwen", "Callum", "Cerys", "Chen", "Chloe", "Ciaran", "Daniel", "Deepa", "Dylan", "Eilidh",
  "Elena", "Emeka", "Emma", "Erin", "Fatima", "Finley", "Freya", "Gareth", "Grace", "Hamza", "Hannah", "Harpreet",
  "Hodan", "Ioana", "Isla", "Jack", "Jamal", "Jia", "Joanne", "Kai", "Kavita", "Kwame", "Leah", "Liam", "Lowri",
  "Mai", "Marek", "Mariam", "Megan", "Mohammed", "Nadia", "Niamh", "Noah", "Olamide", "Oliver", "Owain", "Patrick",
  "Precious", "Rachel", "Rhys", "Rohan", "Ruth", "Saanvi", "Sean", "Shanice", "Siobhan", "Sophie", "Sunita",
  "Tariq", "Thomas", "Tomasz", "Wei", "Yusuf", "Zainab", "Zofia", "Zoe",
];
const LAST = [
  "Adeyemi", "Ahmed", "Ali", "Anderson", "Baker", "Begum", "Bennett", "Campbell", "Chowdhury", "Clarke", "Davies",
  "Dlamini", "Doherty", "Edwards", "Evans", "Farah", "Fraser", "Gill", "Green", "Griffiths", "Hall", "Hassan",
  "Hughes", "Hussain", "Jama", "James", "Jenkins", "Johnson", "Kaur", "Kelly", "Khan", "Kowalski", "Lewis", "Li",
  "MacDonald", "Mensah", "Mistry", "Morgan", "Murphy", "Nowak", "Nwosu", "O'Brien", "Okonkwo", "Owen", "Parry",
  "Patel", "Popescu", "Powell", "Reid", "Roberts", "Robinson", "Scott", "Singh", "Smith", "Stewart", "Thomas",
  "Thompson", "Walker", "Wang", "Warsame", "Watson", "Williams", "Wilson", "Wright", "Zhang",
];
const PLACES = ["Riverside", "Northgate", "Eastside", "Hillcrest", "Westbrook", "Millfield", "Southmead", "Castleton"];
const OTHER_MEMBERS = [
  { role: "Psychiatrist", agency: "nhs", doctor: true },
  { role: "GP", agency: "nhs", doctor: true },
  { role: "Housing officer", agency: "council", doctor: false },
  { role: "Peer support worker", agency: "charity", doctor: false },
  { role: "Occupational therapist", agency: "nhs", doctor: false },
] as const;
const MENTAL = [
  "hears voices that are hard to live with when stressed.",
  "has long spells of feeling very low.",
  "has panic attacks, mostly in busy places.",
  "has mood swings that make work hard.",
  "finds it hard to leave home on bad days.",
];
const PHYSICAL = ["No physical health needs at the moment.", "Has asthma.", "Has diabetes and checks it daily.", "Has back pain that limits walking."];
const SOCIAL = ["Lives alone in a rented flat.", "Lives with family.", "Lives with a partner and works part time.", "Would like help with money and bills."];
const STRENGTHS = ["Good at cooking.", "Loves football.", "Enjoys art and drawing.", "Keeps in touch with friends.", "Likes long walks."];
const HELPS = ["A phone call from someone they trust.", "Going for a walk.", "Music and a quiet room.", "Being reminded to take medication."];
const GOALS = [
  { what: "Walk to the park three times a week", why: "It clears my head." },
  { what: "Cook a proper meal twice a week", why: "I want to eat better." },
  { what: "Go back to the allotment", why: "I like growing things." },
  { what: "Sleep before midnight most nights", why: "I feel better when I sleep." },
  { what: "Join a class at the college", why: "I want to learn something new." },
  { what: "Sort out my bills", why: "The letters worry me." },
  { what: "See a friend once a week", why: "I feel less alone." },
];
const RECOVERY = [
  "Recovery means living on my own terms.",
  "Recovery means getting back to work and seeing my friends.",
  "Recovery means feeling safe at home.",
  "Recovery means having good days more often than bad ones.",
];
const FORMATS = [
  { document: "plan", format: "easy_read", attachmentFormat: "", delivery: "post" },
  { document: "crisis_plan", format: "large_print", attachmentFormat: "", delivery: "post" },
  { document: "plan", format: "audio", attachmentFormat: "", delivery: "email" },
] as const;

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same numbers everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** A version 4 UUID from the PRNG, so that ids are as repeatable as the rest. */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () => Math.floor(this.next() * 2 ** 32).toString(16).padStart(8, "0")).join("");
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
  name(): { first: string; last: string; full: string } {
    const first = this.pick(FIRST);
    const last = this.pick(LAST);
    return { first, last, full: `${first} ${last}` };
  }
}

const emailOf = (first: string, last: string, tag: string) =>
  `${first}.${last}.${tag}@example.org`.toLowerCase().replace(/[^a-z0-9.@-]/g, "");

type Rows = {
  accounts: (typeof accounts.$inferInsert)[];
  serviceUsers: (typeof serviceUsers.$inferInsert)[];
  relationships: (typeof relationships.$inferInsert)[];
  sharingGrants: (typeof sharingGrants.$inferInsert)[];
  carePlanVersions: (typeof carePlanVersions.$inferInsert)[];
  careTeamMembers: (typeof careTeamMembers.$inferInsert)[];
  reviews: (typeof reviews.$inferInsert)[];
  recoveryStatements: (typeof recoveryStatements.$inferInsert)[];
  goals: (typeof goals.$inferInsert)[];
  goalProgress: (typeof goalProgress.$inferInsert)[];
  supportRequests: (typeof supportRequests.$inferInsert)[];
  supportRequestEvents: (typeof supportRequestEvents.$inferInsert)[];
};
const emptyRows = (): Rows => ({
  accounts: [], serviceUsers: [], relationships: [], sharingGrants: [], carePlanVersions: [], careTeamMembers: [],
  reviews: [], recoveryStatements: [], goals: [], goalProgress: [], supportRequests: [], supportRequestEvents: [],
});

/** In the order they must be inserted (foreign keys). */
const tables = {
  accounts, serviceUsers, relationships, sharingGrants, carePlanVersions, careTeamMembers,
  reviews, recoveryStatements, goals, goalProgress, supportRequests, supportRequestEvents,
} as const;

interface Coordinator {
  id: string;
  name: string;
  team: string;
  phone: string;
}

export interface ScaleOptions {
  people: number;
  seed?: number;
  now?: Date;
  /** The demo care coordinator: she takes the first JO_EXTRA generated people. */
  jo?: { id: string; name: string } | null;
  /** Called once a chunk of people is generated (for progress on the command line). */
  onProgress?: (done: number) => void;
}

export interface ScalePlan {
  staff: number;
  people: number;
}

/** How many coordinators N people need: one per CASELOAD, Jo's share aside. */
export function staffFor(people: number, withJo: boolean): number {
  const rest = people - (withJo ? Math.min(JO_EXTRA, people) : 0);
  return rest > 0 ? Math.max(1, Math.round(rest / CASELOAD)) : 0;
}

/**
 * The rows for N people, a chunk at a time (to keep memory flat at 100,000), in insertion order.
 * Pure: nothing is written; `seedScale` writes them.
 */
export function* generateScale(options: ScaleOptions, chunk = 1000): Generator<Rows> {
  const g = new Gen(options.seed ?? 1);
  const now = options.now ?? new Date();
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  const isoDate = (d: Date) => d.toISOString().slice(0, 10);
  const withJo = Boolean(options.jo);
  const joShare = withJo ? Math.min(JO_EXTRA, options.people) : 0;
  const staffCount = staffFor(options.people, withJo);

  // Staff first: teams of eight coordinators, each team in one place with its own office number.
  let rows = emptyRows();
  const staff: Coordinator[] = [];
  for (let s = 0; s < staffCount; s++) {
    const n = g.name();
    const id = g.uuid();
    const place = PLACES[Math.floor(s / 8) % PLACES.length]!;
    const team = `${place} Community Mental Health Team ${Math.floor(s / 8 / PLACES.length) + 1}`;
    staff.push({ id, name: n.full, team, phone: `01632 96${String(Math.floor(s / 8) % 1000).padStart(4, "0")}` });
    rows.accounts.push({ id, email: emailOf(n.first, n.last, `s${s + 1}`), displayName: n.full, passwordHash: null, isStaff: true, createdAt: daysAgo(g.int(400, 3000)) });
  }
  const jo: Coordinator | null = options.jo ? { ...options.jo, team: "Riverside Community Mental Health Team", phone: "01632 960000" } : null;

  for (let i = 0; i < options.people; i++) {
    const coordinator = i < joShare ? jo! : staff[(i - joShare) % staffCount]!;
    const n = g.name();
    const personId = g.uuid();
    const level = g.chance(0.6) ? ("cpa" as const) : ("lpc" as const);
    const since = g.int(60, 1500);
    rows.serviceUsers.push({ id: personId, displayName: n.full, planLevel: level, createdAt: daysAgo(since) });

    // Most people have accepted their invitation; some have not (a record without an account).
    const accountId = g.chance(0.65) ? g.uuid() : null;
    if (accountId) {
      rows.accounts.push({ id: accountId, email: emailOf(n.first, n.last, `p${i + 1}`), displayName: n.full, passwordHash: null, createdAt: daysAgo(since - 5) });
      rows.relationships.push({ id: g.uuid(), accountId, serviceUserId: personId, kind: "service_user", startedAt: daysAgo(since - 5) });
    }
    rows.relationships.push({ id: g.uuid(), accountId: coordinator.id, serviceUserId: personId, kind: "care_team_member_of", teamRole: "care_coordinator", startedAt: daysAgo(since) });

    // Carers: about three in ten people who have an account share something with one.
    if (accountId && g.chance(0.3)) {
      const c = { first: g.pick(FIRST), last: n.last };
      const carerId = g.uuid();
      const relId = g.uuid();
      rows.accounts.push({ id: carerId, email: emailOf(c.first, c.last, `c${i + 1}`), displayName: `${c.first} ${c.last}`, passwordHash: null, createdAt: daysAgo(since - 10) });
      rows.relationships.push({ id: relId, accountId: carerId, serviceUserId: personId, kind: "carer_of", startedAt: daysAgo(since - 10) });
      rows.sharingGrants.push({ id: g.uuid(), relationshipId: relId, scope: "plan.crisis", basis: "consent", grantedBy: accountId, startsAt: daysAgo(since - 10) });
      if (g.chance(0.5)) rows.sharingGrants.push({ id: g.uuid(), relationshipId: relId, scope: "plan.care_team", basis: "consent", grantedBy: accountId, startsAt: daysAgo(since - 10) });
    }

    // The care team: the coordinator, and one or two others who do not sign in.
    const coordinatorRole = level === "cpa" ? "Care coordinator (community mental health nurse)" : "Lead professional (social worker)";
    rows.careTeamMembers.push({ id: g.uuid(), serviceUserId: personId, name: coordinator.name, role: coordinatorRole, organisation: coordinator.team, agency: "nhs", contact: coordinator.phone, whenToContact: "Monday to Friday, 9am to 5pm", isCoordinator: true, accountId: coordinator.id, position: 0, updatedAt: daysAgo(since) });
    const others = g.int(1, 2);
    for (let m = 0; m < others; m++) {
      const member = g.pick(OTHER_MEMBERS);
      const who = g.name();
      rows.careTeamMembers.push({ id: g.uuid(), serviceUserId: personId, name: member.doctor ? `Dr ${who.full}` : who.full, role: member.role, organisation: member.agency === "nhs" ? coordinator.team : member.agency === "council" ? "Council housing team" : "Mind in the community", agency: member.agency, contact: `Through ${coordinator.name}`, whenToContact: "Weekdays", position: m + 1, updatedAt: daysAgo(since) });
    }

    // The plan: one version, and a second for some after their last review.
    const content: PlanContent = {
      needs: {
        mentalHealth: `${n.first} ${g.pick(MENTAL)}`,
        physicalHealth: g.pick(PHYSICAL),
        socialCare: g.pick(SOCIAL),
        risks: g.chance(0.5) ? "Stops eating when very unwell." : "No risks recorded.",
        strengths: g.pick(STRENGTHS),
      },
      support: [{ who: `${coordinator.name} (${level === "cpa" ? "care coordinator" : "lead professional"})`, what: "Meets to talk about how things are going", howOften: g.pick(["Every week", "Every 2 weeks", "Every month"]) }],
      crisis: {
        earlyWarningSigns: g.pick(["I stop sleeping.", "I stop answering my phone.", "I stay in bed all day."]),
        whatHelps: g.pick(HELPS),
        whatHasNotHelped: "Being rushed.",
        mostResponsiveTo: coordinator.name,
        howToReachThem: "Through the community team.",
        dayContact: `Community mental health team, 9am to 5pm: ${coordinator.phone}`,
        nightContact: "Crisis team, evenings, nights and weekends: 0800 123 4567",
        treatmentPreferences: "Home treatment if possible.",
        treatmentRefusals: "",
        dependants: g.chance(0.3) ? "A cat. A neighbour has a key." : "None.",
        ifSupportFails: "Call the duty worker at the community team.",
      },
      wishes: { advanceStatement: "", advanceDecisionExists: false },
    };
    const firstPlan = since - g.int(1, 30);
    rows.carePlanVersions.push({ id: g.uuid(), serviceUserId: personId, version: 1, content, changedSections: [], createdBy: coordinator.id, createdAt: daysAgo(firstPlan) });
    const heldAgo = g.int(10, Math.max(11, Math.min(firstPlan - 1, 420)));
    if (g.chance(0.4)) {
      const v2 = { ...content, crisis: { ...content.crisis, whatHelps: `${content.crisis.whatHelps} ${g.pick(HELPS)}` } };
      rows.carePlanVersions.push({ id: g.uuid(), serviceUserId: personId, version: 2, content: v2, changedSections: ["crisis"], createdBy: coordinator.id, createdAt: daysAgo(heldAgo) });
    }
    // A review every six months (CPA) or year (LPC): some are overdue, as in life.
    const nextIn = level === "cpa" ? 182 : 365;
    rows.reviews.push({ id: g.uuid(), serviceUserId: personId, heldOn: isoDate(daysAgo(heldAgo)), attendees: `${n.first}, ${coordinator.name}`, summary: "We talked about how things are going and updated the plan.", nextReviewOn: isoDate(new Date(now.getTime() + (nextIn - heldAgo) * DAY)), recordedBy: coordinator.id, createdAt: daysAgo(heldAgo) });
    if (accountId && g.chance(0.5)) {
      rows.recoveryStatements.push({ id: g.uuid(), serviceUserId: personId, version: 1, body: g.pick(RECOVERY), writtenBy: accountId, createdAt: daysAgo(g.int(1, Math.max(1, since - 6))) });
    }

    // Goals in the person's words, with progress every two weeks or so.
    const goalCount = g.int(1, 3);
    for (let k = 0; k < goalCount; k++) {
      const goal = g.pick(GOALS);
      const goalId = g.uuid();
      const started = g.int(14, Math.max(14, Math.min(since, 365)));
      const author = accountId ?? coordinator.id;
      rows.goals.push({ id: goalId, serviceUserId: personId, what: goal.what, why: goal.why, status: g.chance(0.85) ? "active" : "done", createdBy: author, createdAt: daysAgo(started), updatedAt: daysAgo(started) });
      const entries = g.int(0, Math.min(8, Math.floor(started / 14)));
      let rating = g.int(2, 5);
      for (let e = 0; e < entries; e++) {
        rating = Math.max(0, Math.min(10, rating + g.int(-1, 2)));
        rows.goalProgress.push({ id: g.uuid(), goalId, rating, note: "", recordedAt: daysAgo(started - (e + 1) * 14), recordedBy: author });
      }
    }

    // Requests: about one person in eight has asked for information in another format.
    if (g.chance(0.125)) {
      const requestId = g.uuid();
      const askedAgo = g.int(1, 60);
      const status = g.pick(["sent", "sent", "seen", "booked"] as const);
      const by = accountId ?? coordinator.id;
      rows.supportRequests.push({ id: requestId, serviceUserId: personId, kind: "format", details: { ...g.pick(FORMATS) }, status, createdBy: by, createdAt: daysAgo(askedAgo), updatedAt: daysAgo(askedAgo), version: status === "sent" ? 1 : 2 });
      rows.supportRequestEvents.push({ id: g.uuid(), requestId, status: "sent", note: "", byAccountId: by, at: daysAgo(askedAgo) });
      if (status !== "sent") rows.supportRequestEvents.push({ id: g.uuid(), requestId, status, note: "", byAccountId: coordinator.id, at: daysAgo(Math.max(0, askedAgo - 1)) });
    }

    if ((i + 1) % chunk === 0) {
      yield rows;
      options.onProgress?.(i + 1);
      rows = emptyRows();
    }
  }
  if (Object.values(rows).some((r) => r.length)) {
    yield rows;
    options.onProgress?.(options.people);
  }
}

/** Rows a multi-row INSERT takes at a time: well under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

/**
 * Write N generated people in one transaction (all or nothing), with multi-row INSERTs a batch at a
 * time, never a row at a time through the models. Run after the demo people (for Jo's share).
 */
export async function seedScale(db: Db, options: ScaleOptions): Promise<ScalePlan> {
  const staffCount = staffFor(options.people, Boolean(options.jo));
  await db.transaction(async (tx) => {
    for (const rows of generateScale(options)) {
      for (const [name, table] of Object.entries(tables) as [keyof Rows, (typeof tables)[keyof Rows]][]) {
        const list = rows[name];
        for (let at = 0; at < list.length; at += BATCH) {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each list matches its table by name
          await tx.insert(table).values(list.slice(at, at + BATCH) as any);
        }
      }
    }
  });
  // Fresh statistics, so that the planner uses the indexes at once rather than after autovacuum.
  await db.execute(sql`analyze`);
  return { staff: staffCount, people: options.people };
}

import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { serviceUsers } from "./people";

/** The parts of a care and support plan that staff write. Each save is a new version. */
export interface PlanContent {
  needs: {
    mentalHealth: string;
    physicalHealth: string;
    socialCare: string;
    risks: string;
    strengths: string;
  };
  support: { who: string; what: string; howOften: string }[];
  crisis: {
    earlyWarningSigns: string;
    whatHelps: string;
    whatHasNotHelped: string;
    mostResponsiveTo: string;
    howToReachThem: string;
    dayContact: string;
    nightContact: string;
    treatmentPreferences: string;
    treatmentRefusals: string;
    dependants: string;
    ifSupportFails: string;
  };
  wishes: {
    advanceStatement: string;
    advanceDecisionExists: boolean;
  };
}

export const planSections = ["needs", "support", "crisis", "wishes"] as const;
export type PlanSection = (typeof planSections)[number];
/** What a plan version can say changed: a section of the content, or the care team (kept in its own table). */
export type ChangedSection = PlanSection | "team";

export const carePlanVersions = pgTable(
  "care_plan_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: jsonb("content").$type<PlanContent>().notNull(),
    changedSections: text("changed_sections").array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("care_plan_versions_version_idx").on(t.serviceUserId, t.version)],
);

/** The last plan version each person has looked at, for "changed since you last looked". */
export const planViews = pgTable(
  "plan_views",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    lastSeenVersion: integer("last_seen_version").notNull(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.serviceUserId] })],
);

/** The care team across agencies: NHS, council, charities. Not accounts: many never sign in. */
export const careTeamMembers = pgTable(
  "care_team_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: text("role").notNull(),
    organisation: text("organisation").notNull(),
    agency: text("agency").notNull(),
    contact: text("contact").notNull(),
    whenToContact: text("when_to_contact").notNull(),
    isCoordinator: boolean("is_coordinator").notNull().default(false),
    // The member's account, when they have one (the coordinator always does: it is how they see the record).
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    position: smallint("position").notNull().default(0),
    // Each change adds one: a form carries the version it was opened at, so a save on top of
    // someone else's newer change is caught (see ConflictError) instead of silently replacing it.
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => accounts.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("care_team_members_service_user_idx").on(t.serviceUserId)],
);

export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    heldOn: date("held_on").notNull(),
    attendees: text("attendees").notNull(),
    summary: text("summary").notNull(),
    nextReviewOn: date("next_review_on").notNull(),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reviews_service_user_idx").on(t.serviceUserId, t.heldOn)],
);

/** What recovery means to me: the person's own words. Every save is a new version; staff only read. */
export const recoveryStatements = pgTable(
  "recovery_statements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    writtenBy: uuid("written_by").references(() => accounts.id),
    // Set when someone acting on the person's behalf wrote it: advocate_for or attorney_for.
    enteredAs: text("entered_as"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("recovery_statements_version_idx").on(t.serviceUserId, t.version)],
);

export const goalStatuses = ["active", "done", "paused", "suggested", "declined"] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    what: text("what").notNull(),
    why: text("why").notNull().default(""),
    firstStep: text("first_step").notNull().default(""),
    whoCanHelp: text("who_can_help").notNull().default(""),
    targetDate: date("target_date"),
    status: text("status").$type<GoalStatus>().notNull().default("active"),
    suggestedBy: uuid("suggested_by").references(() => accounts.id),
    createdBy: uuid("created_by").references(() => accounts.id),
    enteredAs: text("entered_as"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // Each change to the words adds one, so the edit form can tell when someone else saved first.
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => accounts.id, { onDelete: "set null" }),
  },
  (t) => [index("goals_service_user_idx").on(t.serviceUserId)],
);

/** How a goal is going, 0 to 10, recorded whenever the person likes. */
export const goalProgress = pgTable(
  "goal_progress",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    rating: smallint("rating").notNull(),
    note: text("note").notNull().default(""),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    enteredAs: text("entered_as"),
  },
  (t) => [
    index("goal_progress_goal_idx").on(t.goalId, t.recordedAt),
    check("goal_progress_rating_range", sql`${t.rating} BETWEEN 0 AND 10`),
  ],
);

export const agreements = ["agree", "partly", "disagree"] as const;
export type Agreement = (typeof agreements)[number];

/** The person's comment on a plan version, and whether they agree with it (CP-08). */
export const planVersionComments = pgTable(
  "plan_version_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => carePlanVersions.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").references(() => accounts.id),
    agreement: text("agreement").$type<Agreement>().notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_version_comments_version_idx").on(t.versionId, t.createdAt)],
);

export const transitionKinds = ["plan_level", "coordinator"] as const;
export type TransitionKind = (typeof transitionKinds)[number];

/**
 * Moves between levels of care, and changes of care coordinator, with the reason (CP-15). The
 * history stays readable to the person.
 */
export const careTransitions = pgTable(
  "care_transitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    kind: text("kind").$type<TransitionKind>().notNull(),
    fromValue: text("from_value").notNull(),
    toValue: text("to_value").notNull(),
    reason: text("reason").notNull(),
    effectiveOn: date("effective_on").notNull(),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("care_transitions_service_user_idx").on(t.serviceUserId, t.effectiveOn)],
);

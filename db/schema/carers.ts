import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { relationships, serviceUsers } from "./people";

/**
 * "Tell the team something": a carer can always write to the person's care team, whatever the
 * person shares. Never shown to the person automatically (CR-05).
 */
export const carerMessages = pgTable(
  "carer_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    fromAccountId: uuid("from_account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    readBy: uuid("read_by").references(() => accounts.id),
  },
  (t) => [index("carer_messages_service_user_idx").on(t.serviceUserId, t.createdAt)],
);

/**
 * My needs as a carer: the carer's own record, in parts so a tired carer can stop and come back.
 * Belongs to the carer's account; the person they care for never sees it.
 */
export const carerNeeds = pgTable(
  "carer_needs",
  {
    carerAccountId: uuid("carer_account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    // One of the parts in app/models/vocabulary/carer-needs.ts.
    part: text("part").notNull(),
    answers: jsonb("answers").$type<Record<string, string>>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.carerAccountId, t.part] })],
);

export const assessmentStatuses = ["received", "in_progress", "completed"] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** A carer's request for a carer's assessment (Care Act 2014 s10), routed to the person's care team. */
export const carerAssessmentRequests = pgTable(
  "carer_assessment_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    carerAccountId: uuid("carer_account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    contactBy: text("contact_by").notNull(),
    bestTime: text("best_time").notNull().default(""),
    wantsAdvocate: boolean("wants_advocate").notNull().default(false),
    status: text("status").$type<AssessmentStatus>().notNull().default("received"),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => accounts.id),
  },
  (t) => [index("carer_assessment_requests_service_user_idx").on(t.serviceUserId, t.createdAt)],
);

/** Children and other dependants the person lives with or sees: shown in their crisis plan (CP-05). */
export const dependants = pgTable(
  "dependants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    age: smallint("age"),
    livesWithMe: boolean("lives_with_me").notNull().default(false),
    whoLooksAfter: text("who_looks_after").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dependants_service_user_idx").on(t.serviceUserId)],
);

export const youngCarerAnswers = ["yes", "no", "not_sure"] as const;
export type YoungCarerAnswer = (typeof youngCarerAnswers)[number];

/** "Does anyone under 18 help look after you / the person?", asked of the person and of each carer (CR-09). */
export const youngCarerQuestions = pgTable(
  "young_carer_questions",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    answer: text("answer").$type<YoungCarerAnswer>().notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.serviceUserId] })],
);

/**
 * "Tell the team something about someone" from a carer no one has linked to a person yet (decision
 * 060): the name and details they give, in their words. Staff read it in the carers' queue; the
 * carer is never told whether the person is known to the service.
 */
export const carerNotes = pgTable(
  "carer_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fromAccountId: uuid("from_account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    personName: text("person_name").notNull(),
    // The person's date of birth (YYYY-MM-DD) when the carer knows it.
    personBirthDate: text("person_birth_date"),
    personDetails: text("person_details").notNull().default(""),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    readBy: uuid("read_by").references(() => accounts.id),
  },
  (t) => [index("carer_notes_from_idx").on(t.fromAccountId, t.createdAt)],
);

export const sharingQuestionAnswers = ["chose", "declined"] as const;
export type SharingQuestionAnswer = (typeof sharingQuestionAnswers)[number];

/**
 * Staff linked a carer who signed up on their own to the person (decision 060) and ask the person:
 * "Alex says they look after you. Do you want to share anything with them?" Open until the person
 * chooses what to share or says no.
 */
export const sharingQuestions = pgTable(
  "sharing_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    askedBy: uuid("asked_by")
      .notNull()
      .references(() => accounts.id),
    askedAt: timestamp("asked_at", { withTimezone: true }).notNull().defaultNow(),
    answer: text("answer").$type<SharingQuestionAnswer>(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [index("sharing_questions_relationship_idx").on(t.relationshipId)],
);

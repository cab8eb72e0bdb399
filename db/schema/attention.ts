import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { serviceUsers } from "./people";

/**
 * What needs a member of staff's attention is worked out from the records themselves (carers'
 * messages, carer's assessment requests, support requests, comments on plan versions, reviews).
 * This table only says which of those items someone on the care team has marked done, who and
 * when (docs/decisions/002-staff-attention.md).
 */
export const attentionKinds = ["carer_message", "carer_assessment", "support_request", "plan_comment", "review_due"] as const;
export type AttentionKind = (typeof attentionKinds)[number];

export const attentionDone = pgTable(
  "attention_done",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    kind: text("kind").$type<AttentionKind>().notNull(),
    // The id of the message, request, comment or review the item is about.
    recordId: uuid("record_id").notNull(),
    doneBy: uuid("done_by").references(() => accounts.id),
    doneAt: timestamp("done_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("attention_done_record_idx").on(t.kind, t.recordId), index("attention_done_service_user_idx").on(t.serviceUserId, t.doneAt)],
);

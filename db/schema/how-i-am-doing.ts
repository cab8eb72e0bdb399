import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { serviceUsers } from "./people";

/**
 * "How I am doing" (CP-14): one time the person rated the eleven DIALOG areas. Who entered it,
 * and in what capacity when an advocate or attorney did it for them, as goal progress does.
 */
export const dialogRatingSets = pgTable(
  "dialog_rating_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    enteredAs: text("entered_as"),
  },
  (t) => [index("dialog_rating_sets_person_idx").on(t.serviceUserId, t.recordedAt)],
);

/** One area's rating in a set: 1 (totally dissatisfied) to 7 (totally satisfied), and whether more help is wanted. */
export const dialogRatings = pgTable(
  "dialog_ratings",
  {
    setId: uuid("set_id")
      .notNull()
      .references(() => dialogRatingSets.id, { onDelete: "cascade" }),
    area: text("area").notNull(),
    rating: smallint("rating").notNull(),
    moreHelp: boolean("more_help").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.setId, t.area] }), check("dialog_ratings_rating_range", sql`${t.rating} BETWEEN 1 AND 7`)],
);

import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { serviceUsers } from "./people";

export const threadStatuses = ["open", "done"] as const;
export type ThreadStatus = (typeof threadStatuses)[number];

/**
 * Messages with the care team (issue 19, decision 055): a thread about one person, with a subject.
 * The person, or a carer or advocate they let write (the `messages` scope), starts it; the care
 * team replies. `waiting_since` is when the oldest message the team has not answered was sent
 * (null when the team spoke last): the team inbox is ordered by it. Separate from carer_messages
 * ("tell the team something"), which the person never sees.
 */
export const messageThreads = pgTable(
  "message_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    startedBy: uuid("started_by").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    waitingSince: timestamp("waiting_since", { withTimezone: true }),
    status: text("status").$type<ThreadStatus>().notNull().default("open"),
    // Who on the team is dealing with it (a colleague on the person's care team), and who said so.
    assignedTo: uuid("assigned_to").references(() => accounts.id, { onDelete: "set null" }),
    assignedBy: uuid("assigned_by").references(() => accounts.id, { onDelete: "set null" }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: uuid("done_by").references(() => accounts.id, { onDelete: "set null" }),
  },
  (t) => [index("message_threads_service_user_idx").on(t.serviceUserId, t.lastMessageAt), index("message_threads_inbox_idx").on(t.status, t.waitingSince)],
);

/** One message in a thread. `author_capacity` says in what role it was written (the person, a carer, the team). */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    authorAccountId: uuid("author_account_id").references(() => accounts.id, { onDelete: "set null" }),
    authorCapacity: text("author_capacity").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("messages_thread_idx").on(t.threadId, t.createdAt)],
);

/** How far each reader has read each thread: the newest message they have seen. Unread is what is newer. */
export const messageReads = pgTable(
  "message_reads",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    readUpTo: timestamp("read_up_to", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.accountId] })],
);

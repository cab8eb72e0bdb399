import { and, eq, inArray, isNull } from "drizzle-orm";
import { communicationNeeds, relationships, type LanguageEntry } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import type { Actor } from "./access.server";
import { recordAudit, recordReadIfOthers } from "./audit.server";
import { ensure, ownServiceUserId } from "./access.server";

export interface CommunicationNeedsInput {
  contactMethods: string[];
  formats: string[];
  attachmentFormat: string;
  support: string[];
  other: string;
  languages: LanguageEntry[];
  noNeeds: boolean;
}

export interface CommunicationNeedsRecord extends CommunicationNeedsInput {
  reviewedAt: string;
  updatedAt: string;
  /** True when the record is older than the review interval: the person is asked to look again. */
  reviewDue: boolean;
}

function toRecord(row: typeof communicationNeeds.$inferSelect, now: Date, reviewMonths: number): CommunicationNeedsRecord {
  const due = new Date(row.reviewedAt);
  due.setUTCMonth(due.getUTCMonth() + reviewMonths);
  return {
    contactMethods: row.contactMethods,
    formats: row.formats,
    attachmentFormat: row.attachmentFormat,
    support: row.support,
    other: row.other,
    languages: row.languages,
    noNeeds: row.noNeeds,
    reviewedAt: row.reviewedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    reviewDue: due.getTime() <= now.getTime(),
  };
}

/** My own communication needs (service users and carers alike). Null until I first record them. */
export async function getMyCommunicationNeeds(db: Db, actor: Actor, reviewMonths: number, now = new Date()) {
  const [row] = await db.select().from(communicationNeeds).where(eq(communicationNeeds.accountId, actor.accountId));
  return row ? toRecord(row, now, reviewMonths) : null;
}

/** Save (and so review) my communication needs. Saving unchanged still counts as reviewing them. */
export async function saveMyCommunicationNeeds(db: Db, actor: Actor, input: CommunicationNeedsInput, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(communicationNeeds)
      .values({ accountId: actor.accountId, ...input, reviewedAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: communicationNeeds.accountId, set: { ...input, reviewedAt: now, updatedAt: now } });
    // Any record of one's own: seeing it comes with it, so this is every service_user relationship.
    const own = ownServiceUserId(actor, "record.view");
    await recordAudit(tx, actor, {
      action: "communication_needs.save",
      serviceUserId: own,
      recordType: "communication_needs",
    });
  });
}

/** The service user's account, through their own relationship to the record. */
async function serviceUserAccounts(db: Db, serviceUserIds: string[]) {
  if (!serviceUserIds.length) return [];
  return db
    .select({ accountId: relationships.accountId, serviceUserId: relationships.serviceUserId })
    .from(relationships)
    .where(and(inArray(relationships.serviceUserId, serviceUserIds), eq(relationships.kind, "service_user"), isNull(relationships.endedAt)));
}

/**
 * The communication needs of the people on a record, for the care team's flag: what the person
 * needs, by record id. Only records the actor may read the plan of are included.
 */
export async function communicationFlags(
  db: Db,
  actor: Actor,
  serviceUserIds: string[],
  reviewMonths: number,
  now = new Date(),
): Promise<Record<string, CommunicationNeedsRecord>> {
  for (const id of serviceUserIds) ensure(actor, "plan.read", id);
  const links = await serviceUserAccounts(db, serviceUserIds);
  if (!links.length) return {};
  const rows = await db
    .select()
    .from(communicationNeeds)
    .where(inArray(communicationNeeds.accountId, links.map((l) => l.accountId)));
  const result: Record<string, CommunicationNeedsRecord> = {};
  for (const link of links) {
    const row = rows.find((r) => r.accountId === link.accountId);
    if (row && !row.noNeeds) result[link.serviceUserId] = toRecord(row, now, reviewMonths);
  }
  return result;
}

/** One person's needs in full, for the team (the flag's "see the detail" link). */
export async function getCommunicationNeedsFor(db: Db, actor: Actor, serviceUserId: string, reviewMonths: number, now = new Date()) {
  const flags = await communicationFlags(db, actor, [serviceUserId], reviewMonths, now);
  await recordReadIfOthers(db, actor, serviceUserId, "communication_needs");
  return flags[serviceUserId] ?? null;
}

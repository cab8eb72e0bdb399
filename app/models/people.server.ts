import { and, eq, inArray, isNull } from "drizzle-orm";
import { accounts, relationships, serviceUsers } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { can, capacityFor, ownServiceUserId, visibleServiceUserIds, type Actor, type RelationshipKind, type Scope } from "./access.server";
import { recordReadIfOthers } from "./audit.server";

export interface RecordLink {
  serviceUserId: string;
  displayName: string;
  capacity: RelationshipKind | "staff" | "none";
  scopes: readonly Scope[];
}

/** The records this person can open, with the capacity they hold for each. */
export async function listVisibleRecords(db: Db, actor: Actor): Promise<RecordLink[]> {
  const ids = visibleServiceUserIds(actor);
  if (!ids.length) return [];
  const rows = await db
    .select({ id: serviceUsers.id, displayName: serviceUsers.displayName })
    .from(serviceUsers)
    .where(inArray(serviceUsers.id, ids))
    .orderBy(serviceUsers.displayName);
  return rows.map((r) => ({
    serviceUserId: r.id,
    displayName: r.displayName,
    capacity: capacityFor(actor, r.id),
    scopes: actor.relationships.filter((rel) => rel.serviceUserId === r.id).flatMap((rel) => rel.scopes),
  }));
}

export interface RecordOverview {
  serviceUserId: string;
  displayName: string;
  planLevel: "cpa" | "lpc";
  capacity: RelationshipKind | "staff" | "none";
  scopes: readonly Scope[];
  careTeam: { displayName: string; role: string | null }[] | null;
}

/** Returns null when the record does not exist or this person may not see it. */
export async function getRecordOverview(db: Db, actor: Actor, serviceUserId: string): Promise<RecordOverview | null> {
  if (!can(actor, "record.view", { serviceUserId })) return null;
  const [su] = await db
    .select({ id: serviceUsers.id, displayName: serviceUsers.displayName, planLevel: serviceUsers.planLevel })
    .from(serviceUsers)
    .where(eq(serviceUsers.id, serviceUserId));
  if (!su) return null;
  const careTeam = can(actor, "plan.care_team.read", { serviceUserId })
    ? await db
        .select({ displayName: accounts.displayName, role: relationships.teamRole })
        .from(relationships)
        .innerJoin(accounts, eq(accounts.id, relationships.accountId))
        .where(
          and(
            eq(relationships.serviceUserId, serviceUserId),
            eq(relationships.kind, "care_team_member_of"),
            isNull(relationships.endedAt),
          ),
        )
        .orderBy(accounts.displayName)
    : null;
  await recordReadIfOthers(db, actor, serviceUserId, "record.overview");
  return {
    serviceUserId: su.id,
    displayName: su.displayName,
    planLevel: su.planLevel,
    capacity: capacityFor(actor, serviceUserId),
    scopes: actor.relationships.filter((r) => r.serviceUserId === serviceUserId).flatMap((r) => r.scopes),
    careTeam,
  };
}

/** The crisis plan one step from every page (CP-04): whose the header links to. */
export type HeaderCrisisPlan =
  | { kind: "own"; serviceUserId: string }
  | { kind: "other"; serviceUserId: string; displayName: string }
  | { kind: "several" }
  | null;

/**
 * The person's own crisis plan; otherwise the one crisis plan someone shares with this carer,
 * advocate or attorney; otherwise "several". Staff reach their caseload's plans from the caseload.
 */
export async function headerCrisisPlan(
  db: Db,
  actor: Actor,
  // The page's loaders read the same name (web/guards.server.ts): the root passes the request's reader, read once.
  nameOf: (serviceUserId: string) => Promise<string | null> = (serviceUserId) => nameOrNull(db, serviceUserId),
): Promise<HeaderCrisisPlan> {
  const readable = (id: string) => can(actor, "plan.crisis.read", { serviceUserId: id });
  const own = ownServiceUserId(actor, "plan.crisis.read");
  if (own) return { kind: "own", serviceUserId: own };
  const others = [
    ...new Set(
      actor.relationships
        .filter((r) => (r.kind === "carer_of" || r.kind === "advocate_for" || r.kind === "attorney_for") && readable(r.serviceUserId))
        .map((r) => r.serviceUserId),
    ),
  ].filter((id) => capacityFor(actor, id) !== "care_team_member_of");
  if (others.length > 1) return { kind: "several" };
  if (!others.length) return null;
  const displayName = await nameOf(others[0]!);
  return displayName !== null ? { kind: "other", serviceUserId: others[0]!, displayName } : null;
}

async function nameOrNull(db: Db, serviceUserId: string): Promise<string | null> {
  const [su] = await db.select({ displayName: serviceUsers.displayName }).from(serviceUsers).where(eq(serviceUsers.id, serviceUserId));
  return su?.displayName ?? null;
}

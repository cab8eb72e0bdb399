import { isUuid } from "~/utils/ids";
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { accounts, careTeamMembers, careTransitions, relationships } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { ConflictError, type Actor } from "./access.server";
import { displayNameOf } from "./entered-by.server";
import { recordAudit, recordReadIfOthers } from "./audit.server";
import { recordTeamChange } from "./plan.server";
import { ensure, NotFoundError } from "./access.server";

/** What staff write about someone in the care team. Many team members never sign in. */
export interface CareTeamMemberInput {
  name: string;
  role: string;
  organisation: string;
  agency: "nhs" | "council" | "charity" | "other";
  contact: string;
  whenToContact: string;
}

export interface CareTeamMemberRecord extends CareTeamMemberInput {
  id: string;
  isCoordinator: boolean;
  /** Goes up by one with each change: the edit form carries it (see updateCareTeamMember). */
  version: number;
}

/** The team roles that make someone the person's coordinator (care coordinator, lead professional, key worker). */
const coordinatorRoles = ["care_coordinator", "lead_professional", "key_worker"];

function asAgency(value: string): CareTeamMemberInput["agency"] {
  return value === "nhs" || value === "council" || value === "charity" ? value : "other";
}

export async function getCareTeamMember(db: Db, actor: Actor, serviceUserId: string, memberId: string): Promise<CareTeamMemberRecord> {
  ensure(actor, "plan.write", serviceUserId);
  if (!isUuid(memberId)) throw new NotFoundError();
  const [row] = await db
    .select()
    .from(careTeamMembers)
    .where(and(eq(careTeamMembers.id, memberId), eq(careTeamMembers.serviceUserId, serviceUserId)));
  if (!row) throw new NotFoundError();
  await recordReadIfOthers(db, actor, serviceUserId, "care_team_member", row.id);
  return { id: row.id, ...inputOf(row), isCoordinator: row.isCoordinator, version: row.version };
}

/** What the edit form shows of a member's row. */
function inputOf(row: typeof careTeamMembers.$inferSelect): CareTeamMemberInput {
  return {
    name: row.name,
    role: row.role,
    organisation: row.organisation,
    agency: asAgency(row.agency),
    contact: row.contact,
    whenToContact: row.whenToContact,
  };
}

/** The member's row, locked for this transaction; not found unless it belongs to this person's team. */
async function lockMember(tx: Db, serviceUserId: string, memberId: string) {
  if (!isUuid(memberId)) throw new NotFoundError();
  const [row] = await tx
    .select()
    .from(careTeamMembers)
    .where(and(eq(careTeamMembers.id, memberId), eq(careTeamMembers.serviceUserId, serviceUserId)))
    .for("update");
  if (!row) throw new NotFoundError();
  return row;
}

/** Add someone from any agency to the care team. The person sees that the team changed. */
export async function addCareTeamMember(db: Db, actor: Actor, serviceUserId: string, input: CareTeamMemberInput): Promise<string> {
  ensure(actor, "plan.write", serviceUserId);
  return db.transaction(async (tx) => {
    const txDb = tx;
    const existing = await tx
      .select({ position: careTeamMembers.position })
      .from(careTeamMembers)
      .where(eq(careTeamMembers.serviceUserId, serviceUserId));
    const position = Math.max(0, ...existing.map((r) => r.position)) + 1;
    const [row] = await tx
      .insert(careTeamMembers)
      .values({ serviceUserId, ...input, isCoordinator: false, position })
      .returning({ id: careTeamMembers.id });
    const version = await recordTeamChange(txDb, actor, serviceUserId);
    await recordAudit(txDb, actor, {
      action: "care_team.add",
      serviceUserId,
      recordType: "care_team_member",
      recordId: row!.id,
      details: { version },
    });
    return row!.id;
  });
}

/**
 * Change what the plan says about a team member. Saving with nothing changed makes no version.
 * With `baseVersion` (the version the form was opened at): if someone else changed this member
 * since, and to something other than what is being saved, nothing is saved and ConflictError
 * carries what they saved.
 */
export async function updateCareTeamMember(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  memberId: string,
  input: CareTeamMemberInput,
  options: { baseVersion?: number | null } = {},
): Promise<{ changed: boolean }> {
  ensure(actor, "plan.write", serviceUserId);
  return db.transaction(async (tx) => {
    const txDb = tx;
    const row = await lockMember(txDb, serviceUserId, memberId);
    const same = (Object.keys(input) as (keyof CareTeamMemberInput)[]).every((k) => row[k] === input[k]);
    const base = options.baseVersion;
    if (base !== undefined && base !== null && row.version > base && !same) {
      const [by] = row.updatedBy ? await tx.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, row.updatedBy)) : [];
      throw new ConflictError<CareTeamMemberInput>({ version: row.version, value: inputOf(row), changedBy: by?.name ?? null, changedAt: row.updatedAt.toISOString() });
    }
    if (same) return { changed: false };
    await tx
      .update(careTeamMembers)
      .set({ ...input, version: row.version + 1, updatedBy: actor.accountId, updatedAt: new Date() })
      .where(eq(careTeamMembers.id, memberId));
    const version = await recordTeamChange(txDb, actor, serviceUserId);
    await recordAudit(txDb, actor, {
      action: "care_team.update",
      serviceUserId,
      recordType: "care_team_member",
      recordId: memberId,
      details: { version, fields: (Object.keys(input) as (keyof CareTeamMemberInput)[]).filter((k) => row[k] !== input[k]) },
    });
    return { changed: true };
  });
}

export class CoordinatorCannotBeRemovedError extends Error {}

/**
 * Take someone off the care team. The coordinator cannot be removed this way: the person must
 * always have one, so staff change the coordinator instead (with a reason the person can read).
 */
export async function removeCareTeamMember(db: Db, actor: Actor, serviceUserId: string, memberId: string): Promise<void> {
  ensure(actor, "plan.write", serviceUserId);
  await db.transaction(async (tx) => {
    const txDb = tx;
    const row = await lockMember(txDb, serviceUserId, memberId);
    if (row.isCoordinator) throw new CoordinatorCannotBeRemovedError();
    await tx.delete(careTeamMembers).where(eq(careTeamMembers.id, memberId));
    const version = await recordTeamChange(txDb, actor, serviceUserId);
    await recordAudit(txDb, actor, {
      action: "care_team.remove",
      serviceUserId,
      recordType: "care_team_member",
      recordId: memberId,
      details: { version },
    });
  });
}

export interface CoordinatorChoice {
  accountId: string;
  displayName: string;
  email: string;
}

export interface CoordinatorForm {
  displayName: string;
  current: { name: string; organisation: string } | null;
}

/** The most staff a search shows: more than that, and the person searching is asked to say more. */
export const STAFF_SEARCH_LIMIT = 20;

/** The person's current coordinator (care coordinator, lead professional or key worker), if any. */
export async function currentCoordinatorRelationship(db: Db, serviceUserId: string) {
  const [row] = await db
    .select({ id: relationships.id, accountId: relationships.accountId, displayName: accounts.displayName })
    .from(relationships)
    .innerJoin(accounts, eq(accounts.id, relationships.accountId))
    .where(
      and(
        eq(relationships.serviceUserId, serviceUserId),
        eq(relationships.kind, "care_team_member_of"),
        inArray(relationships.teamRole, coordinatorRoles),
        isNull(relationships.endedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** What the "change the coordinator" page needs: who it is now. Who could take over is searched for. */
export async function getCoordinatorForm(db: Db, actor: Actor, serviceUserId: string): Promise<CoordinatorForm> {
  ensure(actor, "plan.write", serviceUserId);
  const displayName = await displayNameOf(db, serviceUserId);
  const current = await currentCoordinatorRelationship(db, serviceUserId);
  const [member] = await db
    .select({ organisation: careTeamMembers.organisation })
    .from(careTeamMembers)
    .where(and(eq(careTeamMembers.serviceUserId, serviceUserId), eq(careTeamMembers.isCoordinator, true)))
    .limit(1);
  return {
    displayName,
    current: current ? { name: current.displayName, organisation: member?.organisation ?? "" } : null,
  };
}

/** Staff who can sign in (an active staff account), the shape the partial index accounts_staff_name_idx covers. */
const activeStaff = and(eq(accounts.isStaff, true), isNull(accounts.disabledAt));
const staffColumns = { accountId: accounts.id, displayName: accounts.displayName, email: accounts.email };

/**
 * Staff who could take over as coordinator, by part of their name or email (staff details, not the
 * person's): at most STAFF_SEARCH_LIMIT in name order, and whether there were more. The current
 * coordinator is not among them. With `chosen`, that member of staff is included too (a choice kept
 * after an error), so the radio they picked is still there. Walks the staff name index, never every
 * account (decision 048).
 */
export async function searchStaff(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  search: string,
  chosen?: string | null,
): Promise<{ matches: CoordinatorChoice[]; more: boolean }> {
  ensure(actor, "plan.write", serviceUserId);
  const current = await currentCoordinatorRelationship(db, serviceUserId);
  const notCurrent = current ? ne(accounts.id, current.accountId) : undefined;
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  const rows = words.length
    ? await db
        .select(staffColumns)
        .from(accounts)
        .where(
          and(
            activeStaff,
            notCurrent,
            ...words.map((w) => {
              const pattern = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
              return or(sql`lower(${accounts.displayName}) like ${pattern}`, sql`lower(${accounts.email}) like ${pattern}`);
            }),
          ),
        )
        .orderBy(sql`lower(${accounts.displayName})`, accounts.email)
        .limit(STAFF_SEARCH_LIMIT + 1)
    : [];
  const matches = rows.slice(0, STAFF_SEARCH_LIMIT);
  if (chosen && isUuid(chosen) && !matches.some((m) => m.accountId === chosen)) {
    const [kept] = await db.select(staffColumns).from(accounts).where(and(eq(accounts.id, chosen), activeStaff, notCurrent));
    if (kept) matches.unshift(kept);
  }
  return { matches, more: rows.length > STAFF_SEARCH_LIMIT };
}

export interface CoordinatorChangeInput {
  accountId: string;
  role: string;
  organisation: string;
  contact: string;
  whenToContact: string;
  reason: string;
  effectiveOn: string;
}

export class NotAStaffMemberError extends Error {}

/**
 * Hand the person over to a new coordinator (CP-15). The old coordinator's access ends; the new
 * one's starts; the care team shows the new contact; and the person can read who, when and why.
 */
export async function changeCoordinator(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  input: CoordinatorChangeInput,
  now = new Date(),
): Promise<{ actorKeepsAccess: boolean }> {
  ensure(actor, "plan.write", serviceUserId);
  // Only a crafted form sends an account id that is not one: not found, never a database error.
  if (!isUuid(input.accountId)) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const txDb = tx;
    const [next] = await tx
      .select({ id: accounts.id, displayName: accounts.displayName, isStaff: accounts.isStaff, disabledAt: accounts.disabledAt })
      .from(accounts)
      .where(eq(accounts.id, input.accountId));
    if (!next?.isStaff || next.disabledAt) throw new NotAStaffMemberError();
    const current = await currentCoordinatorRelationship(txDb, serviceUserId);
    if (current?.accountId === next.id) throw new NotAStaffMemberError();

    if (current) {
      await tx.update(relationships).set({ endedAt: now }).where(eq(relationships.id, current.id));
    }
    await tx.delete(careTeamMembers).where(and(eq(careTeamMembers.serviceUserId, serviceUserId), eq(careTeamMembers.isCoordinator, true)));

    const [existing] = await tx
      .select({ id: relationships.id })
      .from(relationships)
      .where(
        and(
          eq(relationships.accountId, next.id),
          eq(relationships.serviceUserId, serviceUserId),
          eq(relationships.kind, "care_team_member_of"),
          isNull(relationships.endedAt),
        ),
      );
    if (existing) {
      await tx.update(relationships).set({ teamRole: "care_coordinator" }).where(eq(relationships.id, existing.id));
    } else {
      await tx.insert(relationships).values({
        accountId: next.id,
        serviceUserId,
        kind: "care_team_member_of",
        teamRole: "care_coordinator",
        startedAt: now,
      });
    }
    // If they were already listed in the team (say as a psychologist), that entry becomes the coordinator's.
    await tx.delete(careTeamMembers).where(and(eq(careTeamMembers.serviceUserId, serviceUserId), eq(careTeamMembers.accountId, next.id)));
    await tx.insert(careTeamMembers).values({
      serviceUserId,
      accountId: next.id,
      name: next.displayName,
      role: input.role,
      organisation: input.organisation,
      agency: "nhs",
      contact: input.contact,
      whenToContact: input.whenToContact,
      isCoordinator: true,
      position: 0,
    });

    const [transition] = await tx
      .insert(careTransitions)
      .values({
        serviceUserId,
        kind: "coordinator",
        fromValue: current?.displayName ?? "",
        toValue: next.displayName,
        reason: input.reason,
        effectiveOn: input.effectiveOn,
        recordedBy: actor.accountId,
      })
      .returning({ id: careTransitions.id });
    const version = await recordTeamChange(txDb, actor, serviceUserId);
    await recordAudit(txDb, actor, {
      action: "plan.coordinator",
      serviceUserId,
      recordType: "care_transition",
      recordId: transition!.id,
      details: { fromAccountId: current?.accountId ?? null, toAccountId: next.id, version },
    });
    return { actorKeepsAccess: current?.accountId !== actor.accountId || next.id === actor.accountId };
  });
}

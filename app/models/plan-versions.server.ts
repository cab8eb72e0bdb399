import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { accounts, carePlanVersions, planVersionComments, type Agreement, type PlanContent, type ChangedSection } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import type { Actor } from "./access.server";
import { recordAudit, recordReadIfOthers } from "./audit.server";
import { can, ensure, NotFoundError } from "./access.server";

export interface VersionComment {
  agreement: Agreement;
  comment: string;
  by: string;
  at: string;
}

export interface VersionSummary {
  version: number;
  createdAt: string;
  changedSections: ChangedSection[];
  comments: VersionComment[];
}

/**
 * An earlier version shows only what the live plan would show this person: the crisis plan with
 * "plan.crisis.read", the care team's changes with "plan.care_team.read" (issue 16, item 2).
 */
function sectionsSeenBy(actor: Actor, serviceUserId: string) {
  return {
    crisis: can(actor, "plan.crisis.read", { serviceUserId }),
    team: can(actor, "plan.care_team.read", { serviceUserId }),
  };
}

function visibleChanges(changed: ChangedSection[], sees: { crisis: boolean; team: boolean }): ChangedSection[] {
  return changed.filter((section) => (section === "crisis" ? sees.crisis : section === "team" ? sees.team : true));
}

/** A version's content as this person may see it: without the crisis plan unless it is shared with them. */
export type VisiblePlanContent = Omit<PlanContent, "crisis"> & { crisis: PlanContent["crisis"] | null };

async function commentsFor(db: Db, versionIds: string[]): Promise<Map<string, VersionComment[]>> {
  const byVersion = new Map<string, VersionComment[]>();
  if (!versionIds.length) return byVersion;
  const rows = await db
    .select({
      versionId: planVersionComments.versionId,
      agreement: planVersionComments.agreement,
      comment: planVersionComments.comment,
      by: accounts.displayName,
      at: planVersionComments.createdAt,
    })
    .from(planVersionComments)
    .leftJoin(accounts, eq(accounts.id, planVersionComments.accountId))
    .where(inArray(planVersionComments.versionId, versionIds))
    .orderBy(asc(planVersionComments.createdAt));
  for (const r of rows) {
    const list = byVersion.get(r.versionId) ?? [];
    list.push({ agreement: r.agreement, comment: r.comment, by: r.by ?? "", at: r.at.toISOString() });
    byVersion.set(r.versionId, list);
  }
  return byVersion;
}

/** Every version of the plan, newest first, with what changed and the person's comments. */
export async function listPlanVersions(db: Db, actor: Actor, serviceUserId: string): Promise<VersionSummary[]> {
  ensure(actor, "plan.read", serviceUserId);
  const sees = sectionsSeenBy(actor, serviceUserId);
  const rows = await db
    .select()
    .from(carePlanVersions)
    .where(eq(carePlanVersions.serviceUserId, serviceUserId))
    .orderBy(desc(carePlanVersions.version));
  const comments = await commentsFor(db, rows.map((r) => r.id));
  await recordReadIfOthers(db, actor, serviceUserId, "care_plan_versions");
  return rows.map((r) => ({
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    changedSections: visibleChanges(r.changedSections as ChangedSection[], sees),
    comments: comments.get(r.id) ?? [],
  }));
}

async function findVersion(db: Db, serviceUserId: string, version: number) {
  // A number the database cannot hold is no version either (never a database error).
  if (!Number.isInteger(version) || version < 1 || version > 2_147_483_647) throw new NotFoundError();
  const [row] = await db
    .select()
    .from(carePlanVersions)
    .where(and(eq(carePlanVersions.serviceUserId, serviceUserId), eq(carePlanVersions.version, version)));
  if (!row) throw new NotFoundError();
  return row;
}

export async function getPlanVersion(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  version: number,
): Promise<{ version: number; createdAt: string; changedSections: ChangedSection[]; content: VisiblePlanContent; comments: VersionComment[] }> {
  ensure(actor, "plan.read", serviceUserId);
  const sees = sectionsSeenBy(actor, serviceUserId);
  const row = await findVersion(db, serviceUserId, version);
  const comments = await commentsFor(db, [row.id]);
  await recordReadIfOthers(db, actor, serviceUserId, "care_plan", row.id, "plan");
  return {
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    changedSections: visibleChanges(row.changedSections as ChangedSection[], sees),
    content: { ...row.content, crisis: sees.crisis ? row.content.crisis : null },
    comments: comments.get(row.id) ?? [],
  };
}

/** The person says whether they agree with a version, with an optional comment. Kept and dated. */
export async function commentOnPlanVersion(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  version: number,
  input: { agreement: Agreement; comment: string },
): Promise<void> {
  ensure(actor, "plan.comment", serviceUserId);
  const row = await findVersion(db, serviceUserId, version);
  await db.transaction(async (tx) => {
    await tx.insert(planVersionComments).values({ versionId: row.id, accountId: actor.accountId, ...input });
    await recordAudit(tx, actor, {
      action: "plan.comment",
      serviceUserId,
      recordType: "care_plan",
      recordId: row.id,
      details: { version, agreement: input.agreement },
    });
  });
}

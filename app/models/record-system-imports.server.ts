import { desc } from "drizzle-orm";
import { recordSystemImports } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { can, NotFoundError, type Actor } from "./access.server";
import { recordAudit } from "./audit.server";
import { FhirImportError, type FhirIssue, type ImportSummary } from "./fhir-import.server";
import { IMPORTS_SHOWN, type ImportDoor, type ImportOutcome } from "./vocabulary/record-system-imports";

/**
 * What the trust's record system sent, as admins see it (decision 064): one row per bundle, with
 * counts and, for a bundle that was refused, each problem's code and place. Never a name or words
 * from the bundle, so the page shows admins nothing about anyone.
 */

/** How many problems one row keeps: a bundle with hundreds of bad entries says so in its count. */
const PROBLEMS_KEPT = 20;

export interface ImportRow {
  id: number;
  at: string;
  via: ImportDoor;
  outcome: ImportOutcome;
  people: number;
  peopleAdded: number;
  planVersions: number;
  careTeams: number;
  appointments: number;
  leftAlone: number;
  problems: { code: string; expression: string | null }[];
}

function countsOf(summary: ImportSummary) {
  return {
    people: summary.people.length,
    peopleAdded: summary.people.filter((p) => p.created).length,
    planVersions: summary.people.reduce((n, p) => n + p.planVersionsAdded, 0),
    careTeams: summary.people.filter((p) => p.careTeamChanged).length,
    appointments: summary.people.reduce((n, p) => n + p.appointmentsChanged, 0),
    leftAlone: Object.values(summary.leftAlone).reduce((n, k) => n + k, 0),
  };
}

/** A bundle that could not be taken: its problems' codes and places, never their words. */
export async function recordRefusedImport(db: Db, via: ImportDoor, issues: Pick<FhirIssue, "code" | "expression">[], outcome: "refused" | "failed" = "refused"): Promise<void> {
  const problems = issues.slice(0, PROBLEMS_KEPT).map((i) => ({ code: i.code, expression: i.expression ?? null }));
  await db.insert(recordSystemImports).values({ via, outcome, problems });
}

/**
 * Run an import and keep a row of what came of it, whatever that was. The row is written after the
 * import's own transaction: a refused or failed import changed nothing, and says so here.
 */
export async function recordedImport(db: Db, via: ImportDoor, work: () => Promise<ImportSummary>): Promise<ImportSummary> {
  let summary: ImportSummary;
  try {
    summary = await work();
  } catch (error) {
    if (error instanceof FhirImportError) await recordRefusedImport(db, via, error.issues);
    else await recordRefusedImport(db, via, [{ code: "exception" }], "failed");
    throw error;
  }
  await db.insert(recordSystemImports).values({ via, outcome: summary.changed ? "changed" : "unchanged", ...countsOf(summary) });
  return summary;
}

/** The newest imports, for the admin role only; the reading is audited as the accounts list is. */
export async function listImports(db: Db, actor: Actor): Promise<ImportRow[]> {
  if (!can(actor, "accounts.manage", { organisation: true })) throw new NotFoundError();
  const rows = await db.select().from(recordSystemImports).orderBy(desc(recordSystemImports.at), desc(recordSystemImports.id)).limit(IMPORTS_SHOWN);
  await recordAudit(db, actor, { action: "record_imports.list", details: { shown: rows.length } });
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), via: r.via as ImportDoor, outcome: r.outcome as ImportOutcome }));
}

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, recordSystemImports } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { fhirImportCommand } from "~/commands.server";
import { getDatabaseHandle, getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { NotFoundError } from "./access.server";
import { toFhirBundle } from "./fhir-export.server";
import { FhirImportError, importBundle } from "./fhir-import.server";
import { makeRecordCopy } from "./my-data.server";
import { listImports, recordedImport, recordRefusedImport } from "./record-system-imports.server";

describe("imports from the record system, as admins see them (decision 064)", () => {
  it("each import leaves one row: what changed, then nothing changed, then a refusal with codes and places but no words from the bundle", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const bundle = toFhirBundle(await makeRecordCopy(getDb(), await actorFor(demoPeople.sam.email), sam)) as unknown as Record<string, unknown>;
    // Into the database Sam's record came from: the second time, nothing changes.
    const first = await recordedImport(getDb(), "api", () => importBundle(getDb(), bundle));
    await recordedImport(getDb(), "api", () => importBundle(getDb(), bundle));
    const broken = { resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "Patient", id: "p1", name: [{ text: "Maya Secret" }] } }, { resource: { resourceType: "Medication", id: "m1" } }] };
    await expect(recordedImport(getDb(), "api", () => importBundle(getDb(), broken))).rejects.toBeInstanceOf(FhirImportError);
    await expect(recordedImport(getDb(), "api", () => Promise.reject(new Error("database gone")))).rejects.toThrow("database gone");
    await recordRefusedImport(getDb(), "api", [{ code: "too-costly" }]);

    const rowan = await actorFor(demoPeople.rowan.email);
    const rows = await listImports(getDb(), rowan);
    expect(rows.map((r) => r.outcome)).toEqual(["refused", "failed", "refused", "unchanged", first.changed ? "changed" : "unchanged"]);
    const oldest = rows.at(-1)!;
    expect(oldest).toMatchObject({ via: "api", people: 1, problems: [] });
    expect(oldest.leftAlone).toBeGreaterThan(0);
    expect(rows[3]).toMatchObject({ people: 1, peopleAdded: 0, planVersions: 0, careTeams: 0, appointments: 0 });
    expect(rows[2]!.problems).toContainEqual({ code: "not-supported", expression: "Bundle.entry[1].resource" });
    expect(rows[1]!.problems).toEqual([{ code: "exception", expression: null }]);
    expect(rows[0]!.problems).toEqual([{ code: "too-costly", expression: null }]);
    // Nothing from the bundle's words is kept: no name, no message.
    expect(JSON.stringify(rows)).not.toMatch(/Maya Secret|Sam Taylor|Medication/);
    // The admin's reading is in the audit log, as the accounts list is.
    const audits = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "record_imports.list"));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ serviceUserId: null, details: { shown: 5 } });
  });

  it("only the admin role sees the list: staff and people get NotFound, and nothing is audited as read", async () => {
    await seedDemoData(getDb());
    for (const email of [demoPeople.jo.email, demoPeople.sam.email]) {
      await expect(listImports(getDb(), await actorFor(email))).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await getDb().select().from(auditEvents).where(eq(auditEvents.action, "record_imports.list"))).toHaveLength(0);
  });

  it("npm run fhir:import keeps a row too, by the command's door", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "imports-")), "bundle.json");
    writeFileSync(file, JSON.stringify(toFhirBundle(await makeRecordCopy(getDb(), await actorFor(demoPeople.sam.email), sam))));
    const handle = getDatabaseHandle()!;
    const result = await fhirImportCommand([file], () => Promise.resolve({ ...handle, close: () => Promise.resolve() }));
    expect(result.ok).toBe(true);
    expect(await getDb().select({ via: recordSystemImports.via, outcome: recordSystemImports.outcome }).from(recordSystemImports)).toEqual([{ via: "command", outcome: "unchanged" }]);
  });
});

import { desc, eq } from "drizzle-orm";
import { accounts, recoveryStatements } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { ConflictError, onBehalfCapacity, type Actor } from "./access.server";
import type { EnteredBy } from "./entered-by.server";
import { lockPerson } from "./locks.server";
import { recordAudit, recordReadIfOthers } from "./audit.server";
import { ensure } from "./access.server";

export interface RecoveryVersion {
  version: number;
  body: string;
  writtenAt: string;
  enteredBy: EnteredBy;
}

/** Every version, newest first. Staff and people it is shared with may read; nobody else. */
export async function listRecoveryVersions(db: Db, actor: Actor, serviceUserId: string): Promise<RecoveryVersion[]> {
  ensure(actor, "recovery.read", serviceUserId);
  const rows = await db
    .select({ version: recoveryStatements.version, body: recoveryStatements.body, createdAt: recoveryStatements.createdAt, enteredAs: recoveryStatements.enteredAs, by: accounts.displayName })
    .from(recoveryStatements)
    .leftJoin(accounts, eq(accounts.id, recoveryStatements.writtenBy))
    .where(eq(recoveryStatements.serviceUserId, serviceUserId))
    .orderBy(desc(recoveryStatements.version));
  await recordReadIfOthers(db, actor, serviceUserId, "recovery_statement");
  return rows.map((r) => ({
    version: r.version,
    body: r.body,
    writtenAt: r.createdAt.toISOString(),
    enteredBy: r.enteredAs && r.by ? { name: r.by, as: r.enteredAs as NonNullable<EnteredBy>["as"] } : null,
  }));
}

/**
 * The person's own words about what recovery means to them. Only they may write it (staff may
 * read, never change it); each save is a new version and the earlier ones are kept.
 * With `baseVersion` (the version the form was opened at): if someone else (say the person and
 * their advocate, in two places) saved different words since, nothing is saved and ConflictError
 * carries theirs (unless they saved these very words: then nothing new is made).
 */
export async function writeRecoveryStatement(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  body: string,
  options: { baseVersion?: number | null } = {},
): Promise<number> {
  ensure(actor, "recovery.write", serviceUserId);
  return db.transaction(async (tx) => {
    await lockPerson(tx, serviceUserId);
    const [latest] = await tx
      .select({ version: recoveryStatements.version, body: recoveryStatements.body, createdAt: recoveryStatements.createdAt, by: accounts.displayName })
      .from(recoveryStatements)
      .leftJoin(accounts, eq(accounts.id, recoveryStatements.writtenBy))
      .where(eq(recoveryStatements.serviceUserId, serviceUserId))
      .orderBy(desc(recoveryStatements.version))
      .limit(1);
    const base = options.baseVersion;
    if (base !== undefined && base !== null && latest && latest.version > base) {
      if (latest.body === body) return latest.version;
      throw new ConflictError<string>({ version: latest.version, value: latest.body, changedBy: latest.by, changedAt: latest.createdAt.toISOString() });
    }
    const version = (latest?.version ?? 0) + 1;
    await tx.insert(recoveryStatements).values({ serviceUserId, version, body, writtenBy: actor.accountId, enteredAs: onBehalfCapacity(actor, serviceUserId) });
    await recordAudit(tx, actor, {
      action: "recovery.write",
      serviceUserId,
      recordType: "recovery_statement",
      recordId: String(version),
    });
    return version;
  });
}


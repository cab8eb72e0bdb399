import { eq } from "drizzle-orm";
import { serviceUsers } from "#db/schema/index";
import type { Db } from "~/utils/db.server";

/**
 * Take the person's row lock for the rest of this transaction. Whatever numbers versions of the
 * person's plan, recovery statement or statements takes it first, so two saves at once take turns
 * and the second reads the first's version before choosing its own (locking only the newest
 * version row is not enough: the second save would still read the old newest and choose the same).
 */
export async function lockPerson(tx: Db, serviceUserId: string): Promise<void> {
  await tx.select({ id: serviceUsers.id }).from(serviceUsers).where(eq(serviceUsers.id, serviceUserId)).for("update");
}

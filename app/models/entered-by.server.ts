import { eq } from "drizzle-orm";
import { accounts } from "#db/schema/index";
import type { Db } from "~/utils/db.server";

/**
 * Who wrote an entry for the person, when it was not the person: an advocate or attorney acting
 * on their behalf. Shown beside the entry as "entered by Priya Shah (advocate) on behalf of Sam Taylor".
 */
export type EnteredBy = { name: string; as: "advocate_for" | "attorney_for" } | null;

/** The attribution for one row, given its stored capacity and author. */
export async function enteredByOf(db: Db, enteredAs: string | null, authorId: string | null): Promise<EnteredBy> {
  if (!enteredAs || !authorId) return null;
  const [author] = await db.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, authorId));
  return author ? { name: author.name, as: enteredAs as NonNullable<EnteredBy>["as"] } : null;
}

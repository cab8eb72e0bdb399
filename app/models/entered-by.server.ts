import { eq } from "drizzle-orm";
import { accounts, serviceUsers } from "#db/schema/index";
import { NotFoundError } from "./core.server";
import type { Db } from "~/utils/db.server";

/**
 * Who wrote an entry for the person, when it was not the person: an advocate or attorney acting
 * on their behalf. Shown beside the entry as "entered by Priya Shah (advocate) on behalf of Sam Taylor".
 */
export type EnteredBy = { name: string; as: "advocate_for" | "attorney_for" } | null;

/** The attribution for one row, given its stored capacity and its author's name (already joined). */
export function enteredByNamed(enteredAs: string | null, name: string | null): EnteredBy {
  if ((enteredAs === "advocate_for" || enteredAs === "attorney_for") && name) return { name, as: enteredAs };
  return null;
}

/** The attribution for one row, given its stored capacity and author. */
export async function enteredByOf(db: Db, enteredAs: string | null, authorId: string | null): Promise<EnteredBy> {
  if (!enteredAs || !authorId) return null;
  const [author] = await db.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, authorId));
  return enteredByNamed(enteredAs, author?.name ?? null);
}

/** The person's name, or NotFoundError: the one lookup of a display name (callers check access first). */
export async function displayNameOf(db: Db, serviceUserId: string): Promise<string> {
  const [su] = await db.select({ displayName: serviceUsers.displayName }).from(serviceUsers).where(eq(serviceUsers.id, serviceUserId));
  if (!su) throw new NotFoundError();
  return su.displayName;
}

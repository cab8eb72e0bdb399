import { eq } from "drizzle-orm";
import { accounts, serviceUsers } from "#db/schema/index";
import { loadActor } from "~/web/auth.server";
import { getDb } from "~/utils/db.server";

/** The actor (relationships and active grants) for a demo account, as the server would load it. */
export async function actorFor(email: string) {
  const [account] = await getDb().select().from(accounts).where(eq(accounts.email, email));
  if (!account) throw new Error(`No account for ${email}`);
  return loadActor(getDb(), { ...account, carerSignedUp: account.carerSignedUpAt !== null });
}

/** A service user's record id, by display name. */
export async function recordId(name: string): Promise<string> {
  const [su] = await getDb().select().from(serviceUsers).where(eq(serviceUsers.displayName, name));
  if (!su) throw new Error(`No record for ${name}`);
  return su.id;
}

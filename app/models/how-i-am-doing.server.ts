import { asc, eq, inArray } from "drizzle-orm";
import { accounts, dialogRatings, dialogRatingSets } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { ensure, onBehalfCapacity, type Actor } from "./access.server";
import { recordAudit, recordReadIfOthers } from "./audit.server";
import { enteredByNamed, type EnteredBy } from "./entered-by.server";
import { dialogAreas, type DialogArea } from "./vocabulary/how-i-am-doing";

/**
 * "How I am doing" (CP-14, decision 058): the person rates how satisfied they are with the eleven
 * DIALOG areas, 1 to 7, and says where they would like more help. Whenever they like, and before a
 * review. The person, or an advocate or attorney acting for them, enters them; the care team reads them.
 */
export type DialogAnswers = Record<DialogArea, { rating: number; moreHelp: boolean }>;

export interface DialogSet {
  id: string;
  recordedAt: string;
  enteredBy: EnteredBy;
  answers: DialogAnswers;
}

/** Every time the person said how they are doing, oldest first. A read by anyone else is in the audit log. */
export async function listHowIAmDoing(db: Db, actor: Actor, serviceUserId: string): Promise<DialogSet[]> {
  ensure(actor, "howIAmDoing.read", serviceUserId);
  const sets = await db
    .select({ id: dialogRatingSets.id, recordedAt: dialogRatingSets.recordedAt, enteredAs: dialogRatingSets.enteredAs, by: accounts.displayName })
    .from(dialogRatingSets)
    .leftJoin(accounts, eq(accounts.id, dialogRatingSets.recordedBy))
    .where(eq(dialogRatingSets.serviceUserId, serviceUserId))
    .orderBy(asc(dialogRatingSets.recordedAt), asc(dialogRatingSets.id));
  const rows = sets.length ? await db.select().from(dialogRatings).where(inArray(dialogRatings.setId, sets.map((s) => s.id))) : [];
  await recordReadIfOthers(db, actor, serviceUserId, "dialog_ratings");
  return sets.map((s) => {
    const answers = {} as DialogAnswers;
    for (const area of dialogAreas) {
      const row = rows.find((r) => r.setId === s.id && r.area === area);
      if (row) answers[area] = { rating: row.rating, moreHelp: row.moreHelp };
    }
    return { id: s.id, recordedAt: s.recordedAt.toISOString(), enteredBy: enteredByNamed(s.enteredAs, s.by), answers };
  });
}

/** The person says how they are doing today: all eleven areas at once. */
export async function recordHowIAmDoing(db: Db, actor: Actor, serviceUserId: string, answers: DialogAnswers, now = new Date()): Promise<string> {
  ensure(actor, "howIAmDoing.write", serviceUserId);
  return db.transaction(async (tx) => {
    const [set] = await tx
      .insert(dialogRatingSets)
      .values({ serviceUserId, recordedAt: now, recordedBy: actor.accountId, enteredAs: onBehalfCapacity(actor, serviceUserId) })
      .returning({ id: dialogRatingSets.id });
    await tx.insert(dialogRatings).values(dialogAreas.map((area) => ({ setId: set!.id, area, rating: answers[area].rating, moreHelp: answers[area].moreHelp })));
    await recordAudit(tx, actor, {
      action: "how_i_am_doing.record",
      serviceUserId,
      recordType: "dialog_ratings",
      recordId: set!.id,
      // How many areas they would like more help with: never the ratings themselves in the log.
      details: { moreHelp: dialogAreas.filter((a) => answers[a].moreHelp).length },
    });
    return set!.id;
  });
}

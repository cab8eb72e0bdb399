import { and, gt, isNull, lte, or } from "drizzle-orm";
import { sharingGrants } from "#db/schema/index";

/** A grant in force now: started, not withdrawn, not ended. */
export function activeGrantFilter(now: Date) {
  return and(lte(sharingGrants.startsAt, now), isNull(sharingGrants.withdrawnAt), or(isNull(sharingGrants.endsAt), gt(sharingGrants.endsAt, now)));
}

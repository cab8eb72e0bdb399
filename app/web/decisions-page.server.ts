import type { Params } from "@remix-run/react";
import type { Action } from "~/models/access.server";
import { getDecisionsOverview } from "~/models/decisions.server";
import { getDb } from "~/utils/db.server";
import { orNotFound, requireRecord } from "./guards.server";

/**
 * The guard (requireRecord) plus the person's decisions, for the two statement pages and the
 * attorney removal page while the other half of issue 14 merges them. The other decisions pages
 * call requireRecord and getDecisionsOverview themselves; once merged, these should too.
 */
export async function decisionsPage(request: Request, params: Params, action: Action) {
  const page = await requireRecord(request, params, action);
  const overview = await orNotFound(getDecisionsOverview(getDb(), page.actor, page.serviceUserId));
  return { ...page, overview };
}

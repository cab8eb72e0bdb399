import type { Params } from "@remix-run/react";
import { can, capacityFor, type Action } from "~/models/access.server";
import { getDecisionsOverview } from "~/models/decisions.server";
import { requireSignedIn } from "./auth.server";
import { getDb } from "~/utils/db.server";
import { orNotFound } from "./guards.server";
import { getFixedT } from "./i18n.server";

/**
 * What every "decisions about me" form page starts with: the signed-in actor, the person's
 * decisions (read, so the access check and the read audit happen once), and a 404 unless the
 * actor may do this page's action.
 */
export async function decisionsPage(request: Request, params: Params, action: Action) {
  const { actor, account } = await requireSignedIn(request);
  const serviceUserId = params.serviceUserId ?? "";
  const overview = await orNotFound(getDecisionsOverview(getDb(), actor, serviceUserId));
  if (!can(actor, action, { serviceUserId })) throw new Response("Not found", { status: 404 });
  const { t } = getFixedT(request, account.preferredLanguage);
  return { actor, serviceUserId, overview, own: capacityFor(actor, serviceUserId) === "service_user", t };
}

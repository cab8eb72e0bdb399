import type { Params } from "@remix-run/react";
import { config } from "~/config.server";
import { can, capacityFor, type Actor } from "~/models/access.server";
import { communicationFlags } from "~/models/communication.server";
import { getDisplayName } from "~/models/plan.server";
import { requireSignedIn } from "./auth.server";
import { orNotFound } from "./guards.server";
import { getDb } from "~/utils/db.server";
import { getFixedT } from "./i18n.server";

/**
 * What every "ask for something" page needs: who is asking, for whom (a 404 if they may not ask
 * for this person), whether it is their own record, and the translator for the page title.
 */
export async function requestPage(request: Request, params: Params) {
  const { actor, account } = await requireSignedIn(request);
  const serviceUserId = params.serviceUserId ?? "";
  const displayName = await orNotFound(getDisplayName(getDb(), actor, serviceUserId, "requests.create"));
  const own = capacityFor(actor, serviceUserId) === "service_user";
  const { t } = getFixedT(request, account.preferredLanguage);
  return { actor, serviceUserId, displayName, own, t };
}

/** The person's recorded communication needs, when the asker may read them: offered, not asked again. */
export async function recordedNeedsFor(actor: Actor, serviceUserId: string) {
  if (!can(actor, "plan.read", { serviceUserId })) return null;
  return (await communicationFlags(getDb(), actor, [serviceUserId], config().reviewIntervalMonths))[serviceUserId] ?? null;
}

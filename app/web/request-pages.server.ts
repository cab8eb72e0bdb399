import { config } from "~/config.server";
import { can, type Actor } from "~/models/access.server";
import { communicationFlags } from "~/models/communication.server";
import { getDb } from "~/utils/db.server";

/** The person's recorded communication needs, when the asker may read them: offered, not asked again. */
export async function recordedNeedsFor(actor: Actor, serviceUserId: string) {
  if (!can(actor, "plan.read", { serviceUserId })) return null;
  return (await communicationFlags(getDb(), actor, [serviceUserId], config().reviewIntervalMonths))[serviceUserId] ?? null;
}

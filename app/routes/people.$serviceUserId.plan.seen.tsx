import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { markPlanChangesSeen } from "~/models/plan.server";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { orNotFound, requireRecord } from "~/web/guards.server";

/** Nothing to show here: opening it goes to the plan (and changes nothing). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { serviceUserId } = await requireRecord(request, params, "record.view");
  return redirect(`/people/${serviceUserId}/plan`);
}

/** "I have seen these changes" on the plan: the notice of what changed goes until the plan changes again. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "record.view");
  const formData = await requireFormData(request);
  const version = Number(formData.get("version"));
  if (!Number.isInteger(version) || version < 0) throw new Response("Bad request", { status: 400 });
  await orNotFound(markPlanChangesSeen(getDb(), actor, serviceUserId, version));
  return redirect(`/people/${serviceUserId}/plan`);
}

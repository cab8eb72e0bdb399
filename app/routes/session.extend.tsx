import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { extendSession } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";

export async function loader() {
  return redirect("/");
}

/** "Stay signed in" from the time-out warning. */
export async function action({ request }: ActionFunctionArgs) {
  await requireFormData(request);
  const ok = await extendSession(getDb(), request);
  return json({ ok }, { status: ok ? 200 : 401 });
}

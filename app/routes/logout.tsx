import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, endSession } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";

export async function loader() {
  return redirect("/");
}

/** Sign out ends the session on the server, not only in the browser. */
export async function action({ request }: ActionFunctionArgs) {
  await requireFormData(request);
  await endSession(getDb(), request);
  return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie() } });
}

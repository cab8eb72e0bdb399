import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireFormData } from "~/web/csrf.server";
import { signOut } from "~/web/sign-out.server";

export async function loader() {
  return redirect("/");
}

/** Sign out (web/sign-out.server.ts): the sign-in page that follows is in the language the person was using. */
export async function action({ request }: ActionFunctionArgs) {
  await requireFormData(request);
  const { lng, headers } = await signOut(request);
  return redirect(`/login?${new URLSearchParams({ lng })}`, { headers });
}

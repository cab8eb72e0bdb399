import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireSignedIn } from "~/web/auth.server";

/** "My plan": the signed-in person's own plan. Others start from their home page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const own = actor.relationships.find((r) => r.kind === "service_user");
  throw redirect(own ? `/people/${own.serviceUserId}/plan` : "/");
}

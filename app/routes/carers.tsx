import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { isCarer } from "~/models/carers.server";
import { requireSignedIn } from "~/web/auth.server";

/** "People who support me": the signed-in person's own list. Carers start from their own page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const own = actor.relationships.find((r) => r.kind === "service_user");
  if (own) throw redirect(`/people/${own.serviceUserId}/sharing`);
  throw redirect(isCarer(actor) ? "/carer" : "/");
}

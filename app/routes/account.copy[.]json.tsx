import type { LoaderFunctionArgs } from "@remix-run/node";
import { makeAccountCopy } from "~/models/my-data.server";
import { requireSignedIn } from "~/web/auth.server";
import { getDb } from "~/utils/db.server";
import { jsonDownload } from "~/web/downloads.server";

/** What the portal holds about your own account, as a JSON file (decision 052). Never cached. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const copy = await makeAccountCopy(getDb(), actor);
  return jsonDownload(copy, { filename: `care-portal-account-${copy.madeAt.slice(0, 10)}.json` });
}

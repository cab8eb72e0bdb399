import type { LoaderFunctionArgs } from "@remix-run/node";
import { makeRecordCopy } from "~/models/my-data.server";
import { getDb } from "~/utils/db.server";
import { jsonDownload } from "~/web/downloads.server";
import { orNotFound, requireRecord } from "~/web/guards.server";

/**
 * The person's copy of everything the portal holds about their record, as a JSON file (decision 052).
 * Never cached anywhere: it is the whole record.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "record.copy");
  const copy = await orNotFound(makeRecordCopy(getDb(), actor, serviceUserId));
  return jsonDownload(copy, { filename: `care-portal-copy-${copy.madeAt.slice(0, 10)}.json` });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { toFhirBundle } from "~/models/fhir-export.server";
import { makeRecordCopy } from "~/models/my-data.server";
import { getDb } from "~/utils/db.server";
import { jsonDownload } from "~/web/downloads.server";
import { orNotFound, requireRecord } from "~/web/guards.server";

/** The person's copy as a FHIR R4 bundle, for another health or care service (decision 052). Never cached. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "record.copy");
  const copy = await orNotFound(makeRecordCopy(getDb(), actor, serviceUserId, new Date(), "fhir"));
  return jsonDownload(toFhirBundle(copy), { type: "application/fhir+json", filename: `care-portal-copy-${copy.madeAt.slice(0, 10)}.fhir.json` });
}

import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Link } from "~/components/ui/Link";
import { requireRecord } from "~/web/guards.server";

/**
 * "Get a copy of my information" (SE-16, decision 052): what the copy holds and what it does not,
 * then the file. The person's own record only: nobody else may take a copy of it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { serviceUserId, t } = await requireRecord(request, params, "record.copy");
  return json({ serviceUserId, pageTitle: t("home:copy.title") });
}

const included = ["plan", "team", "recovery", "goals", "howIAmDoing", "appointments", "requests", "messages", "communication", "notifications", "decisions", "sharing", "accessLog"] as const;

export default function GetACopy() {
  const { t } = useTranslation(["home", "common"]);
  const { serviceUserId, pageTitle } = useLoaderData<typeof loader>();
  return (
    <div className="grid-two-thirds">
      <p>
        <Link href={`/people/${serviceUserId}`}>{t("home:copy.back")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <p>{t("home:copy.intro")}</p>
      <h2 className="heading-l">{t("home:copy.includedTitle")}</h2>
      <ul className="list list--bullet">
        {included.map((part) => (
          <li key={part}>{t(`home:copy.included.${part}`)}</li>
        ))}
      </ul>
      <h2 className="heading-l">{t("home:copy.notIncludedTitle")}</h2>
      <p>{t("home:copy.notIncludedCarers")}</p>
      <p>{t("home:copy.notIncludedRecord")}</p>
      <p>
        <Link href="/privacy">{t("home:copy.privacyLink")}</Link>
      </p>
      <h2 className="heading-l">{t("home:copy.readTitle")}</h2>
      <p>{t("home:copy.readHint")}</p>
      <p>
        <Link href={`/people/${serviceUserId}/copy/readable`} className="button-link">
          {t("home:copy.readLink")}
        </Link>
      </p>
      <h2 className="heading-l">{t("home:copy.downloadTitle")}</h2>
      <p>{t("home:copy.fileFormat")}</p>
      <p>{t("home:copy.keepSafe")}</p>
      <p>
        <a className="button-link" href={`/people/${serviceUserId}/copy.json`} download>
          {t("home:copy.download")}
        </a>
      </p>
      <h2 className="heading-l">{t("home:copy.fhirTitle")}</h2>
      <p>{t("home:copy.fhirFormat")}</p>
      <p>
        <a className="button-link" href={`/people/${serviceUserId}/copy.fhir.json`} download>
          {t("home:copy.fhirDownload")}
        </a>
      </p>
      <p className="hint">{t("home:copy.recorded")}</p>
    </div>
  );
}

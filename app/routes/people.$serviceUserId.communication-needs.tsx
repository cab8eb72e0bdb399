import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate, Items, SummaryList, TheirWords } from "~/components/display/DisplayParts";
import { Link } from "~/components/ui/Link";
import { config } from "~/config.server";
import { getCommunicationNeedsFor } from "~/models/communication.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { orNotFound, requireRecord } from "~/web/guards.server";
import { useFormat } from "~/utils/use-format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, t } = await requireRecord(request, params, "plan.read");
  const needs = await orNotFound(getCommunicationNeedsFor(getDb(), actor, serviceUserId, config().reviewIntervalMonths));
  return json({ serviceUserId, displayName, needs, pageTitle: t("communication:detailTitle", { name: isolate(displayName) }) });
}

/** A person's communication needs in full, for whoever may read their plan (the flag's detail). */
export default function CommunicationNeedsDetail() {
  const { t } = useTranslation(["communication", "plan"]);
  const { serviceUserId, displayName, needs, pageTitle } = useLoaderData<typeof loader>();
  const { list } = useFormat();
  const none = t("communication:none");
  const names = (key: string, values: string[]) => (values.length ? <Items items={values.map((v) => t(`communication:${key}.${v}`))} /> : none);
  return (
    <>
      <p>
        <Link href={`/people/${serviceUserId}/plan`}>{t("plan:backToPlan")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      {needs ? (
        <>
          <p>
            {t("communication:lastReviewed")} <FormattedDate iso={needs.reviewedAt} />
            {needs.reviewDue ? <strong> {t("communication:reviewDueStaff")}</strong> : null}
          </p>
          <SummaryList
            rows={[
              { key: "support", label: t("communication:supportLabel"), value: names("support", needs.support) },
              { key: "formats", label: t("communication:formats"), value: names("format", needs.formats) },
              ...(needs.attachmentFormat
                ? [{ key: "attachment", label: t("communication:attachmentFormat"), value: <bdi>{needs.attachmentFormat}</bdi> }]
                : []),
              { key: "contact", label: t("communication:contactMethods"), value: names("contact", needs.contactMethods) },
              {
                key: "languages",
                label: t("communication:languagesTitle"),
                value: needs.languages.length ? (
                  <ul className="list">
                    {needs.languages.map((l) => (
                      <li key={l.code}>
                        {t(`communication:language.${l.code}`)}
                        {l.preferred ? ` (${t("communication:preferred")})` : ""}
                        {l.modes.length ? `: ${list(l.modes.map((m) => t(`communication:mode.${m}`)))}` : ""}
                        {l.proficiency ? `. ${t("communication:proficiency.shown", { level: t(`communication:proficiency.${l.proficiency}`) })}` : ""}
                        {l.interpreterNeeded ? `. ${t("communication:interpreterYes")}` : ""}
                      </li>
                    ))}
                  </ul>
                ) : (
                  none
                ),
              },
              { key: "other", label: t("communication:other"), value: needs.other ? <TheirWords text={needs.other} /> : none },
            ]}
          />
        </>
      ) : (
        <p>{t("communication:noneRecorded", { name: isolate(displayName) })}</p>
      )}
    </>
  );
}

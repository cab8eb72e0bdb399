import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { needsPartNames, needsPartStatus } from "~/models/vocabulary/carer-needs";
import { FormattedDate } from "~/components/display/DisplayParts";
import { Link } from "~/components/ui/Link";
import { getMyNeeds, listMyAssessmentRequests } from "~/models/carers.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { orNotFound, requireRole } from "~/web/guards.server";

export const handle: RouteHandle = { titleKey: "carers:needs.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, "carer");
  const needs = await orNotFound(getMyNeeds(getDb(), actor));
  const requests = await listMyAssessmentRequests(getDb(), actor);
  return json({ needs, requests });
}

/** My needs as a carer: a task list, so a tired carer can do one part, stop, and come back. */
export default function MyNeeds() {
  const { t } = useTranslation(["carers", "common"]);
  const { needs, requests } = useLoaderData<typeof loader>();
  const status = Object.fromEntries(needsPartNames.map((p) => [p, needsPartStatus(p, needs[p]?.answers)]));
  const done = needsPartNames.filter((p) => status[p] === "completed").length;
  return (
    <>
      <p>
        <Link href="/carer">{t("carers:tell.back")}</Link>
      </p>
      <h1 className="heading-xl">{t("carers:needs.title")}</h1>
      <div className="grid-two-thirds">
        <p className="lead">{t("carers:needs.intro")}</p>
        <p>{t("carers:needs.private")}</p>
        <p>{t("carers:needs.progress", { done, total: needsPartNames.length })}</p>
        <p className="hint">{t("carers:needs.statusHint")}</p>
      </div>
      <ul className="task-list">
        {needsPartNames.map((part) => (
          <li key={part} className="task-list__item task-list__item--with-link">
            <Link href={`/carer/needs/${part}`} aria-describedby={`status-${part}`} className="task-list__link">
              {t(`carers:needs.part.${part}.title`)}
            </Link>
            {/* GOV.UK task list: "Completed" is plain text; the states still to do are tags. */}
            {status[part] === "completed" ? (
              <span id={`status-${part}`} className="task-list__status">
                {t("carers:needs.status.completed")}
              </span>
            ) : (
              <strong id={`status-${part}`} className={`task-list__status tag ${status[part] === "inProgress" ? "tag--in-progress" : "tag--todo"}`}>
                {t(`carers:needs.status.${status[part]}`)}
              </strong>
            )}
          </li>
        ))}
      </ul>

      <section aria-labelledby="assessment-heading" className="section">
        <h2 className="heading-l" id="assessment-heading">
          {t("carers:assessment.title")}
        </h2>
        <p>{t("carers:assessment.intro")}</p>
        {requests.length ? (
          <ul className="list">
            {requests.map((r) => (
              <li key={r.id}>
                <p>
                  {t("carers:assessment.requestedOn")} <FormattedDate iso={r.requestedAt} />:{" "}
                  <strong className="tag">{t(`carers:assessment.status.${r.status}`)}</strong>
                </p>
                {r.note ? <p dir="auto">{r.note}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
        <p>
          <Link href="/carer/assessment">{t("carers:assessment.link")}</Link>
        </p>
      </section>
    </>
  );
}

import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { needsPartNames } from "~/components/carers/needs-parts";
import { FormattedDate } from "~/components/plan/PlanParts";
import { Link } from "~/components/ui/Link";
import { getMyNeeds, listMyAssessmentRequests } from "~/models/carers.server";
import type { RouteHandle } from "~/root";
import { requireSignedIn } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { orNotFound } from "~/utils/guards.server";

export const handle: RouteHandle = { titleKey: "carers:needs.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const needs = await orNotFound(getMyNeeds(getDb(), actor));
  const requests = await listMyAssessmentRequests(getDb(), actor);
  return json({ needs, requests });
}

/** My needs as a carer: a task list, so a tired carer can do one part, stop, and come back. */
export default function MyNeeds() {
  const { t } = useTranslation(["carers", "common"]);
  const { needs, requests } = useLoaderData<typeof loader>();
  const done = needsPartNames.filter((p) => needs[p]).length;
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
      </div>
      <ol className="task-list">
        {needsPartNames.map((part) => (
          <li key={part} className="task-list__item">
            <Link href={`/carer/needs/${part}`} aria-describedby={`status-${part}`}>
              {t(`carers:needs.part.${part}.title`)}
            </Link>
            <strong id={`status-${part}`} className={needs[part] ? "tag tag--done" : "tag tag--todo"}>
              {needs[part] ? t("carers:needs.status.done") : t("carers:needs.status.todo")}
            </strong>
          </li>
        ))}
      </ol>

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

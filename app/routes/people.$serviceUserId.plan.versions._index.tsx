import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/display/DisplayParts";
import { Link } from "~/components/ui/Link";
import { listPlanVersions } from "~/models/plan-versions.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { orNotFound, requireRecord } from "~/web/guards.server";
import { useReaderT } from "~/utils/use-reader";

export const handle: RouteHandle = { titleKey: "plan:versions.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "plan.read");
  const versions = await orNotFound(listPlanVersions(getDb(), actor, serviceUserId));
  return json({ serviceUserId, versions });
}

/** Every version of the plan, what changed in each, and what the person said about it. */
export default function PlanVersions() {
  const { t } = useTranslation(["plan", "common"]);
  const { tw } = useReaderT();
  const { serviceUserId, versions } = useLoaderData<typeof loader>();
  return (
    <div className="grid-two-thirds">
      <p>
        <Link href={`/people/${serviceUserId}/plan`}>{t("plan:backToPlan")}</Link>
      </p>
      <h1 className="heading-xl">{t("plan:versions.title")}</h1>
      <p>{tw("plan:versions.intro")}</p>
      <ol className="list version-list" reversed>
        {versions.map((v) => (
          <li key={v.version}>
            <h2 className="heading-m">
              <Link href={`/people/${serviceUserId}/plan/versions/${v.version}`}>
                {t("plan:versions.heading", { version: v.version })}
              </Link>
            </h2>
            <p>
              <FormattedDate iso={v.createdAt} />
              {t("common:sentenceBreak")}
              {v.changedSections.length ? t("plan:versions.changedIntro") : t("plan:versions.first")}
            </p>
            {/* A list, not "What help is needed and Keeping safe: the crisis plan". */}
            {v.changedSections.length ? (
              <ul className="list list--bullet">
                {v.changedSections.map((s) => (
                  <li key={s}>{t(`plan:section.${s}`)}</li>
                ))}
              </ul>
            ) : null}
            {v.comments.length ? (
              <p>{tw(`plan:versions.agreement.${v.comments[v.comments.length - 1]!.agreement}`)}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

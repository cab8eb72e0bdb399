import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/plan/PlanParts";
import { Link } from "~/components/ui/Link";
import { listCaseload } from "~/models/plan.server";
import type { RouteHandle } from "~/root";
import { requirePermission, requireSignedIn } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export const handle: RouteHandle = { titleKey: "plan:caseload.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  requirePermission(actor, "caseload.view", { organisation: true });
  const handedOver = new URL(request.url).searchParams.get("handedOver") === "1";
  return json({ caseload: await listCaseload(getDb(), actor), handedOver });
}

/** The people this care coordinator works with: overdue reviews first. */
export default function Caseload() {
  const { t } = useTranslation(["plan", "common"]);
  const { caseload, handedOver } = useLoaderData<typeof loader>();
  return (
    <>
      {handedOver ? (
        <div className="notification" role="status">
          <p>{t("plan:caseload.handedOver")}</p>
        </div>
      ) : null}
      <h1 className="heading-xl">{t("plan:caseload.title")}</h1>
      {caseload.length ? (
        <table className="table">
          <caption className="visually-hidden">{t("plan:caseload.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("plan:caseload.person")}</th>
              <th scope="col">{t("plan:caseload.level")}</th>
              <th scope="col">{t("plan:caseload.nextReview")}</th>
            </tr>
          </thead>
          <tbody>
            {caseload.map((p) => (
              <tr key={p.serviceUserId}>
                <td>
                  <Link href={`/people/${p.serviceUserId}/plan`}>
                    <bdi>{p.displayName}</bdi>
                  </Link>
                </td>
                <td>{t(`common:planLevel.${p.planLevel}`)}</td>
                <td>
                  {p.nextReviewOn ? <FormattedDate iso={p.nextReviewOn} /> : t("plan:reviews.notSet")}
                  {p.overdue ? <strong className="tag tag--overdue"> {t("plan:caseload.overdue")}</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("home:caseload.empty")}</p>
      )}
      <p>
        <Link href="/staff/invitations/new">{t("home:caseload.invite")}</Link>
      </p>
    </>
  );
}

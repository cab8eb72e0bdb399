import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate, Items } from "~/components/display/DisplayParts";
import { Link } from "~/components/ui/Link";
import { CommunicationFlag } from "~/components/communication/CommunicationFlag";
import { config } from "~/config.server";
import { attentionCounts } from "~/models/attention.server";
import { communicationFlags } from "~/models/communication.server";
import { listCaseload } from "~/models/plan.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { requireRole } from "~/web/guards.server";

export const handle: RouteHandle = { titleKey: "plan:caseload.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, "staff");
  const handedOver = new URL(request.url).searchParams.get("handedOver") === "1";
  const caseload = await listCaseload(getDb(), actor, new Date(), { recordRead: true });
  const flags = await communicationFlags(getDb(), actor, caseload.map((c) => c.serviceUserId), config().reviewIntervalMonths);
  const attention = await attentionCounts(getDb(), actor);
  return json({ caseload, flags, handedOver, attention });
}

/** The people this care coordinator works with: overdue reviews first. */
export default function Caseload() {
  const { t } = useTranslation(["plan", "common", "carers", "communication", "attention", "messages"]);
  const { caseload, flags, handedOver, attention } = useLoaderData<typeof loader>();
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
              <th scope="col">{t("plan:caseload.carers")}</th>
            </tr>
          </thead>
          <tbody>
            {caseload.map((p) => (
              <tr key={p.serviceUserId}>
                <td>
                  <Link href={`/people/${p.serviceUserId}/plan`}>
                    <bdi>{p.displayName}</bdi>
                  </Link>
                  {flags[p.serviceUserId] ? (
                    <CommunicationFlag needs={flags[p.serviceUserId]!} href={`/people/${p.serviceUserId}/communication-needs`} />
                  ) : null}
                  {attention[p.serviceUserId] ? (
                    <p className="attention-count">
                      <Link href={`/staff/attention?person=${p.serviceUserId}`}>{t("attention:count", { count: attention[p.serviceUserId] })}</Link>
                    </p>
                  ) : null}
                </td>
                <td>{t(`common:planLevel.${p.planLevel}`)}</td>
                <td>
                  {p.nextReviewOn ? <FormattedDate iso={p.nextReviewOn} /> : t("plan:reviews.notSet")}
                  {p.overdue ? <strong className="tag tag--overdue"> {t("plan:caseload.overdue")}</strong> : null}
                </td>
                <td>
                  {p.supporters.length ? (
                    <ul className="list">
                      {p.supporters.map((s, i) => (
                        <li key={i}>
                          <bdi>{s.name}</bdi> ({t(`carers:kind.${s.kind}`)}):{" "}
                          {/* A list, not a sentence: "The crisis plan and Goals and progress" blurs the labels together. */}
                          {s.scopes.length ? <Items items={s.scopes.map((scope) => t(`common:scope.${scope}`))} /> : t("carers:team.nothing")}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t("plan:caseload.noCarers")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("home:caseload.empty")}</p>
      )}
      <ul className="list">
        <li>
          <Link href="/staff/attention">{t("attention:link")}</Link>
        </li>
        <li>
          <Link href="/staff/requests">{t("requests:queueTitle")}</Link>
        </li>
        <li>
          <Link href="/staff/messages">{t("messages:inbox.title")}</Link>
        </li>
        <li>
          <Link href="/staff/carers">{t("carers:queue.title")}</Link>
        </li>
        <li>
          <Link href="/staff/invitations/new">{t("home:caseload.invite")}</Link>
        </li>
        <li>
          <Link href="/staff/notifications">{t("auth:outbox.title")}</Link>
        </li>
      </ul>
    </>
  );
}

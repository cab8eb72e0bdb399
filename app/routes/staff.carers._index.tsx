import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/display/DisplayParts";
import { Link } from "~/components/ui/Link";
import { listSignedUpCarers } from "~/models/carer-sign-up.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { orNotFound, requireRole } from "~/web/guards.server";

export const handle: RouteHandle = { titleKey: "carers:queue.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, "staff");
  return json({ carers: await orNotFound(listSignedUpCarers(getDb(), actor)) });
}

/** Carers who signed up on their own (decision 060): those still to link, or with notes unread, first. */
export default function CarerQueue() {
  const { t } = useTranslation(["carers", "requests"]);
  const { carers } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link href="/staff">{t("requests:backToCaseload")}</Link>
      </p>
      <h1 className="heading-xl">{t("carers:queue.title")}</h1>
      <p>{t("carers:queue.intro")}</p>
      {carers.length ? (
        <ol className="list">
          {carers.map((c) => (
            <li key={c.accountId} className="supporter">
              <h2 className="heading-m">
                <Link href={`/staff/carers/${c.accountId}`}>
                  <bdi>{c.displayName}</bdi>
                </Link>
              </h2>
              <p>
                {t("carers:queue.signedUp")} <FormattedDate iso={c.signedUpAt} />.{" "}
                {c.linked ? t("carers:queue.linkedCount", { number: c.linked }) : t("carers:queue.notLinked")}
              </p>
              {c.unreadNotes ? <p>{t("carers:queue.unread", { number: c.unreadNotes })}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("carers:queue.empty")}</p>
      )}
    </>
  );
}

import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewTag } from "~/components/messages/MessageParts";
import { AppointmentTime } from "~/components/requests/RequestParts";
import { Link } from "~/components/ui/Link";
import { listInbox } from "~/models/messages.server";
import type { RouteHandle } from "~/root";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { requireRole } from "~/web/guards.server";

export const handle: RouteHandle = { titleKey: "messages:inbox.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, "staff");
  return json({ threads: await listInbox(getDb(), actor, { recordRead: true }) });
}

/**
 * The team inbox: open threads about the people this member of staff is on the care team of (the
 * same team as the request queue), the oldest unanswered first.
 */
export default function TeamInbox() {
  const { t } = useTranslation(["messages", "requests", "common"]);
  const { threads } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link href="/staff">{t("requests:backToCaseload")}</Link>
      </p>
      <h1 className="heading-xl">{t("messages:inbox.title")}</h1>
      <p className="lead">{t("messages:inbox.intro")}</p>
      {threads.length ? (
        <ol className="list">
          {threads.map((thread) => (
            <li key={thread.id} className="supporter">
              <h2 className="heading-m">
                <Link href={`/people/${thread.serviceUserId}/messages/${thread.id}`}>
                  <bdi>{thread.displayName}</bdi>
                  {t("common:colon")}
                  <bdi>{thread.subject}</bdi>
                </Link>
                {thread.unread ? <NewTag label={t("messages:unread")} /> : null}
              </h2>
              <p>
                {thread.waitingSince ? (
                  <>
                    {t("messages:waitingSince")} <AppointmentTime iso={thread.waitingSince} />
                    {t("common:fullStop")}
                  </>
                ) : (
                  t("messages:status.answered")
                )}
              </p>
              <p>{thread.assignedTo ? t("messages:assignedTo", { name: isolate(thread.assignedTo) }) : t("messages:notAssigned")}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("messages:inbox.empty")}</p>
      )}
    </>
  );
}

import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MessagesNotice, NewTag } from "~/components/messages/MessageParts";
import { AppointmentTime } from "~/components/requests/RequestParts";
import { Link } from "~/components/ui/Link";
import { config } from "~/config.server";
import { can, capacityFor } from "~/models/access.server";
import { listThreads } from "~/models/messages.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { orNotFound, requireRecord } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, own, t } = await requireRecord(request, params, "messages.read");
  const threads = await orNotFound(listThreads(getDb(), actor, serviceUserId));
  const capacity = capacityFor(actor, serviceUserId);
  return json({
    serviceUserId,
    displayName,
    own,
    team: capacity === "care_team_member_of",
    // A carer can also tell the team something the person does not see: said here, and linked.
    carer: can(actor, "team.tell", { serviceUserId }),
    canStart: can(actor, "messages.start", { serviceUserId }),
    threads,
    replyDays: config().messageReplyWorkingDays,
    pageTitle: own ? t("messages:titleOwn") : t("messages:titleOther", { name: isolate(displayName) }),
  });
}

/** The threads about the person this reader may see, the latest first, with what is new to them. */
export default function Messages() {
  const { t } = useTranslation(["messages", "common"]);
  const { serviceUserId, displayName, own, team, carer, canStart, threads, replyDays, pageTitle } = useLoaderData<typeof loader>();
  const name = isolate(displayName);
  return (
    <div className="grid-two-thirds">
      <p>
        <Link href={team ? "/staff/messages" : `/people/${serviceUserId}`}>{team ? t("messages:inbox.link") : t("messages:backToRecord")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <MessagesNotice replyDays={replyDays} />
      <p>{own ? t("messages:whoSeesOwn") : team ? t("messages:whoSeesTeam", { name }) : t("messages:whoSeesSupporter", { name })}</p>
      {carer ? (
        <p>
          {t("messages:tellTheTeamNote", { name })} <Link href={`/people/${serviceUserId}/tell-the-team`}>{t("messages:tellTheTeamLink")}</Link>
        </p>
      ) : null}
      {canStart ? (
        <p>
          <Link href={`/people/${serviceUserId}/messages/new`}>{t("messages:newLink")}</Link>
        </p>
      ) : null}
      {threads.length ? (
        <ul className="list">
          {threads.map((thread) => (
            <li key={thread.id} className="supporter">
              <h2 className="heading-m">
                <Link href={`/people/${serviceUserId}/messages/${thread.id}`}>
                  <bdi>{thread.subject}</bdi>
                </Link>
                {thread.unread ? <NewTag label={t("messages:unread")} /> : null}
              </h2>
              <p>
                {t("messages:startedBy", { name: isolate(thread.startedBy ?? t("messages:someone")) })} {t("messages:lastMessage")}{" "}
                <AppointmentTime iso={thread.lastMessageAt} />
                {t("common:fullStop")}
              </p>
              <p>{thread.status === "done" ? t("messages:status.done") : thread.waitingSince ? t("messages:status.waiting") : t("messages:status.answered")}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("messages:none")}</p>
      )}
    </div>
  );
}

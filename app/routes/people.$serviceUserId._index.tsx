import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewTag } from "~/components/messages/MessageParts";
import { Link } from "~/components/ui/Link";
import { config } from "~/config.server";
import { can } from "~/models/access.server";
import { unreadThreadCount } from "~/models/messages.server";
import { getRecordOverview } from "~/models/people.server";
import { getDb } from "~/utils/db.server";
import { isolate } from "~/utils/bidi";
import { useReaderT } from "~/utils/use-reader";
import { requireRecord } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "record.view");
  const overview = await getRecordOverview(getDb(), actor, serviceUserId);
  // The same answer whether the record is missing or not this person's to see.
  if (!overview) throw new Response("Not found", { status: 404 });
  const own = overview.capacity === "service_user";
  // The trust's own word for the care coordinator (configuration, CP-13).
  const keyWorker = config().coordinatorWording === "key_worker";
  const careTeam = overview.careTeam?.map((m) => ({
    ...m,
    role: m.role === "care_coordinator" && keyWorker ? "key_worker" : m.role,
  }));
  return json({
    ...overview,
    careTeam: careTeam ?? null,
    own,
    canRequest: can(actor, "requests.read", { serviceUserId: overview.serviceUserId }),
    canAppointments: can(actor, "appointments.read", { serviceUserId: overview.serviceUserId }),
    canDecisions: can(actor, "decisions.read", { serviceUserId: overview.serviceUserId }),
    canAccessLog: can(actor, "accessLog.read", { serviceUserId: overview.serviceUserId }),
    canMessage: can(actor, "messages.read", { serviceUserId: overview.serviceUserId }),
    unreadMessages: await unreadThreadCount(getDb(), actor, overview.serviceUserId),
    canHowIAmDoing: can(actor, "howIAmDoing.read", { serviceUserId: overview.serviceUserId }),
    pageTitle: own ? t("home:record.ownTitle") : t("home:record.title", { name: isolate(overview.displayName) }),
  });
}

export default function RecordOverview() {
  const { t } = useTranslation(["home", "common", "requests", "appointments", "messages"]);
  const data = useLoaderData<typeof loader>();
  const { tw } = useReaderT();
  return (
    <>
      <h1 className="heading-xl">{data.pageTitle}</h1>
      <ul className="list">
        <li>
          <Link href={`/people/${data.serviceUserId}/plan`}>{t("home:record.planLink")}</Link>
        </li>
        {data.canAppointments ? (
          <li>
            <Link href={`/people/${data.serviceUserId}/appointments`}>{data.own ? t("appointments:linkOwn") : t("appointments:link")}</Link>
          </li>
        ) : null}
        {data.canHowIAmDoing ? (
          <li>
            <Link href={`/people/${data.serviceUserId}/how-i-am-doing`}>{tw("plan:howIAmDoing.reviewSee")}</Link>
          </li>
        ) : null}
        {data.canRequest ? (
          <li>
            <Link href={`/people/${data.serviceUserId}/requests`}>{t("requests:linkFromRecord")}</Link>
          </li>
        ) : null}
        {data.canMessage ? (
          <li>
            <Link href={`/people/${data.serviceUserId}/messages`}>{t("messages:linkFromRecord")}</Link>
            {data.unreadMessages ? <NewTag label={t("messages:unreadCount", { count: data.unreadMessages })} /> : null}
          </li>
        ) : null}
        {data.own ? (
          <li>
            <Link href={`/people/${data.serviceUserId}/copy`}>{t("home:record.copyLink")}</Link>
          </li>
        ) : null}
        {data.canDecisions ? (
          <li>
            <Link href={`/people/${data.serviceUserId}/decisions`}>{data.own ? t("home:record.decisionsLinkOwn") : t("home:record.decisionsLink")}</Link>
          </li>
        ) : null}
        {data.canAccessLog ? (
          <li>
            <Link href={`/people/${data.serviceUserId}/access-log`}>
              {data.own ? t("home:accessLog.link") : t("home:accessLog.linkOther", { name: isolate(data.displayName) })}
            </Link>
          </li>
        ) : null}
      </ul>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("home:record.planLevel")}</dt>
          <dd>{t(`common:planLevel.${data.planLevel}`)}</dd>
        </div>
      </dl>
      {!data.own && data.capacity !== "care_team_member_of" ? (
        <section aria-labelledby="shared-heading" className="section">
          <h2 className="heading-l" id="shared-heading">
            {t("home:record.sharedTitle", { name: data.displayName })}
          </h2>
          {data.scopes.length ? (
            <ul className="list list--bullet">
              {data.scopes.map((s) => (
                <li key={s}>{t(`common:scope.${s}`)}</li>
              ))}
            </ul>
          ) : (
            <p>{t("home:record.nothingShared", { name: data.displayName })}</p>
          )}
        </section>
      ) : null}
      {data.careTeam ? (
        <section aria-labelledby="team-heading" className="section">
          <h2 className="heading-l" id="team-heading">
            {t("home:record.careTeam")}
          </h2>
          <ul className="list">
            {data.careTeam.map((m, i) => (
              <li key={i}>
                {m.displayName}
                {m.role ? ` – ${t(`common:teamRole.${m.role}`)}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

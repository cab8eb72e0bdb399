import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/display/DisplayParts";
import { Link } from "~/components/ui/Link";
import type { OutboxEntry } from "~/models/notifications.server";
import { isolate } from "~/utils/bidi";
import { useFormat } from "~/utils/use-format";

/**
 * Where a notification has got to, in words: waiting (and when the next try is), sent, not sent,
 * a letter to post, or posted by whom and when; and whether someone sent it again by hand.
 */
export function OutboxStatusText({ entry: e }: { entry: OutboxEntry }) {
  const { t } = useTranslation(["auth"]);
  const { date, dateTime } = useFormat();
  const by = (key: "postedBy" | "retriedBy", name: string | null, at: string) =>
    t(`auth:outbox.${key}${name ? "" : "Someone"}`, {
      name: isolate(name ?? ""),
      date: date(at),
    });
  return (
    <>
      {e.status === "posted" && e.sentAt ? by("postedBy", e.postedBy, e.sentAt) : t(`auth:outbox.state.${e.status}`)}
      {e.nextAttemptAt && e.attempts > 0 ? (
        <>
          {/* On a line of its own: "Waiting" and "Next try: …" are two things, not one run of words. */}
          <br />
          {/* With the time: the first tries come minutes apart, so the date alone says little. */}
          {t("auth:outbox.nextTry")}{" "}
          <time dateTime={e.nextAttemptAt}>{dateTime(e.nextAttemptAt)}</time>
        </>
      ) : null}
      {e.retriedAt ? (
        <>
          <br />
          {by("retriedBy", e.retriedBy, e.retriedAt)}
        </>
      ) : null}
    </>
  );
}

/**
 * The outbox as staff and admins see it (decision 057): who, what kind of message, how, and where
 * it has got to. Never an address, a link or a health detail. Letters are for the team to post:
 * staff (`manage`) open one to mark it posted, or a failed message to send it again.
 */
export function OutboxPage({ entries, sending, manage = false }: { entries: OutboxEntry[]; sending: boolean; manage?: boolean }) {
  const { t } = useTranslation(["auth", "common"]);
  return (
    <div>
      <h1 className="heading-xl">{t("auth:outbox.title")}</h1>
      <p className="lead">{t("auth:outbox.intro")}</p>
      {sending ? null : <p className="inset">{t("auth:outbox.notSending")}</p>}
      <p>{t("auth:outbox.letters")}</p>
      {entries.length ? (
        <table className="table">
          <caption className="visually-hidden">{t("auth:outbox.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("auth:outbox.person")}</th>
              <th scope="col">{t("auth:outbox.message")}</th>
              <th scope="col">{t("auth:outbox.how")}</th>
              <th scope="col">{t("auth:outbox.status")}</th>
              <th scope="col">{t("auth:outbox.queued")}</th>
              <th scope="col">{t("auth:outbox.tries")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const name = e.recipientName ?? t("auth:outbox.invitee");
              const action = manage && e.serviceUserId ? (e.status === "letter" ? "markPosted" : e.canRetry ? "retry" : null) : null;
              return (
                <tr key={e.id}>
                  <td className="table__first">
                    <bdi>{name}</bdi>
                  </td>
                  <td data-label={t("auth:outbox.message")}>{t(`auth:outbox.event.${e.event}`)}</td>
                  <td data-label={t("auth:outbox.how")}>{t(`auth:outbox.channel.${e.channel}`)}</td>
                  <td data-label={t("auth:outbox.status")}>
                    <OutboxStatusText entry={e} />
                    {action ? (
                      <>
                        <br />
                        <Link href={`/people/${e.serviceUserId}/notifications/${e.id}`}>
                          {t(`auth:outbox.item.${action}`)}
                          <span className="visually-hidden">
                            {" "}
                            {t("auth:outbox.item.forWhom", {
                              name,
                              event: t(`auth:outbox.event.${e.event}`),
                            })}
                          </span>
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td data-label={t("auth:outbox.queued")}>
                    <FormattedDate iso={e.createdAt} />
                  </td>
                  <td data-label={t("auth:outbox.tries")}>{e.attempts}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>{t("auth:outbox.none")}</p>
      )}
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { TheirWords } from "~/components/display/DisplayParts";
import { AppointmentTime } from "~/components/requests/RequestParts";
import { Link } from "~/components/ui/Link";
import { isolate } from "~/utils/bidi";

/** Said on every messages page: not for emergencies (with the way to help now), when the team answers, no files. */
export function MessagesNotice({ replyDays }: { replyDays: number }) {
  const { t } = useTranslation(["messages"]);
  return (
    <>
      <div className="warning-text">
        <strong>{t("messages:notEmergency")}</strong> <Link href="/urgent-help">{t("messages:urgentLink")}</Link>
      </div>
      <p>{t("messages:replyTime", { count: replyDays })}</p>
      <p>{t("messages:noFiles")}</p>
    </>
  );
}

const capacities = ["service_user", "care_team_member_of", "carer_of", "advocate_for", "attorney_for"] as const;

/** Who wrote a message, with the role they wrote in ("Jo Okafor (care team)"). */
export function useAuthorLabel() {
  const { t } = useTranslation(["messages"]);
  return (author: string | null, capacity: string): string => {
    const role = (capacities as readonly string[]).includes(capacity) ? capacity : "service_user";
    return t(`messages:from.${role}`, { name: isolate(author ?? t("messages:someone")) });
  };
}

/** A tag after a heading ("Unread", "New"), with the space before it. */
export function NewTag({ label }: { label: string }) {
  return (
    <>
      {" "}
      <strong className="tag tag--todo">{label}</strong>
    </>
  );
}

export interface ShownMessage {
  id: string;
  author: string | null;
  capacity: string;
  body: string;
  sentAt: string;
  unread: boolean;
}

/** The messages of one thread, oldest first; what is new to the reader says so. */
export function MessageList({ messages }: { messages: ShownMessage[] }) {
  const { t } = useTranslation(["messages"]);
  const authorLabel = useAuthorLabel();
  return (
    <ol className="list message-list">
      {messages.map((m) => (
        <li key={m.id} className="supporter">
          <h2 className="heading-s">
            {authorLabel(m.author, m.capacity)}
            {m.unread ? <NewTag label={t("messages:new")} /> : null}
          </h2>
          <p className="hint">
            <AppointmentTime iso={m.sentAt} />
          </p>
          <TheirWords text={m.body} />
        </li>
      ))}
    </ol>
  );
}

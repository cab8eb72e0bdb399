import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate, TheirWords } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { listAssessmentRequests, listCarerMessages, markCarerMessageRead } from "~/models/carers.server";
import { listSupportersForTeam } from "~/models/sharing.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { orNotFound, requireRecord } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, t } = await requireRecord(request, params, "carers.support");
  const db = getDb();
  const supporters = await listSupportersForTeam(db, actor, serviceUserId);
  const messages = await listCarerMessages(db, actor, serviceUserId);
  const requests = await listAssessmentRequests(db, actor, serviceUserId);
  return json({ serviceUserId, displayName, supporters, messages, requests, pageTitle: t("carers:team.title", { name: isolate(displayName) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "carers.support");
  const formData = await requireFormData(request);
  const messageId = String(formData.get("messageId") ?? "");
  await orNotFound(markCarerMessageRead(getDb(), actor, serviceUserId, messageId));
  return json({ ok: true });
}

/** For the care team: the person's carers, what each can see, and what carers have told the team. */
export default function CarersForTeam() {
  const { t } = useTranslation(["carers", "common", "plan"]);
  const { serviceUserId, displayName, supporters, messages, requests, pageTitle } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link href={`/people/${serviceUserId}/plan`}>{t("plan:backToPlan")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <section aria-labelledby="supporters-heading" className="section">
        <h2 className="heading-l" id="supporters-heading">
          {t("carers:team.supporters")}
        </h2>
        {supporters.length ? (
          <table className="table">
            <caption className="visually-hidden">{t("carers:team.supporters")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("carers:team.name")}</th>
                <th scope="col">{t("carers:team.kind")}</th>
                <th scope="col">{t("carers:team.shared")}</th>
              </tr>
            </thead>
            <tbody>
              {supporters.map((s) => (
                <tr key={s.relationshipId}>
                  <td>
                    <bdi>{s.name}</bdi>
                  </td>
                  <td>{t(`carers:kind.${s.kind}`)}</td>
                  <td>
                    {s.grants.length ? (
                      <ul className="list">
                        {s.grants.map((g, i) => (
                          <li key={`${g.scope}-${i}`}>
                            {t(`common:scope.${g.scope}`)}
                            {g.basis !== "consent" ? <> ({t(`carers:acting.basis.${g.basis}`)}{g.basisNote ? <>: <bdi>{g.basisNote}</bdi></> : null})</> : null}
                            {g.endsAt ? (
                              <span className="hint">
                                {" "}
                                ({t("carers:sharing.until")} <FormattedDate iso={g.endsAt} />)
                              </span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      t("carers:team.nothing")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("carers:team.noSupporters", { name: isolate(displayName) })}</p>
        )}
        <p>{t("carers:team.listen")}</p>
        <p>
          <Link href={`/people/${serviceUserId}/acting-for`}>{t("carers:acting.staffLink")}</Link>
        </p>
      </section>

      <section aria-labelledby="requests-heading" className="section">
        <h2 className="heading-l" id="requests-heading">
          {t("carers:team.requests")}
        </h2>
        {requests.length ? (
          <ul className="list">
            {requests.map((r) => (
              <li key={r.id}>
                <h3 className="heading-s">
                  {t("carers:team.from", { name: isolate(r.carer) })}{t("common:comma")}<FormattedDate iso={r.requestedAt} />{" "}
                  <strong className="tag">{t(`carers:assessment.status.${r.status}`)}</strong>
                </h3>
                <p>
                  <Link href={`/people/${serviceUserId}/carers/${r.id}`}>{t("carers:team.openRequest", { name: isolate(r.carer) })}</Link>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("carers:team.noRequests")}</p>
        )}
      </section>

      <section aria-labelledby="messages-heading" className="section">
        <h2 className="heading-l" id="messages-heading">
          {t("carers:team.messages")}
        </h2>
        <p>{t("carers:team.messagesIntro", { name: isolate(displayName) })}</p>
        {messages.length ? (
          <ul className="list">
            {messages.map((m) => (
              <li key={m.id} className="message">
                <h3 className="heading-s">
                  {t("carers:team.from", { name: isolate(m.from) })}{t("common:comma")}<FormattedDate iso={m.sentAt} />
                  {m.readAt ? null : <strong className="tag"> {t("carers:team.new")}</strong>}
                </h3>
                <TheirWords text={m.body} />
                {m.readAt ? (
                  <p className="hint">
                    {t("carers:team.readOn")} <FormattedDate iso={m.readAt} />
                  </p>
                ) : (
                  <Form>
                    <input type="hidden" name="messageId" value={m.id} />
                    <Button type="submit" variant="secondary">
                      {t("carers:team.markRead")}
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("carers:team.noMessages")}</p>
        )}
      </section>
    </>
  );
}

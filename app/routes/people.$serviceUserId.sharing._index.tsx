import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/display/DisplayParts";
import { EasyReadLink } from "~/components/easy-read/EasyRead";
import { Disclosure } from "~/components/ui/Disclosure";
import { Link } from "~/components/ui/Link";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { answerSharingQuestion, openSharingQuestions } from "~/models/carer-sign-up.server";
import { listSupporters } from "~/models/sharing.server";
import { requireFormData } from "~/web/csrf.server";
import { saved, saveOnce } from "~/web/saves.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { easyReadFirst } from "~/web/easy-read.server";
import { orNotFound, pathParam, requireRecord } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "sharing.manage");
  await easyReadFirst(request, `/people/${serviceUserId}/sharing/easy-read`);
  const supporters = await orNotFound(listSupporters(getDb(), actor, serviceUserId));
  const questions = await orNotFound(openSharingQuestions(getDb(), actor, serviceUserId));
  return json({ serviceUserId, supporters, questions, me: actor.accountId, pageTitle: t("carers:sharing.title") });
}

/** "No, do not share anything" with a carer the team linked (decision 060). Choosing what to share is the carer's own sharing page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "sharing.manage");
  const formData = await requireFormData(request);
  const relationshipId = pathParam({ relationshipId: String(formData.get("relationshipId") ?? "") }, "relationshipId");
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(answerSharingQuestion(tx, actor, serviceUserId, relationshipId, "declined"));
    return saved(`/people/${serviceUserId}/sharing`, "carers:question.declined");
  });
}

/** The people who support me, and exactly what each can see, since when and until when (CR-12…CR-14). */
export default function PeopleWhoSupportMe() {
  const { t } = useTranslation(["carers", "common"]);
  const { serviceUserId, supporters, questions, me, pageTitle } = useLoaderData<typeof loader>();
  const base = `/people/${serviceUserId}/sharing`;
  return (
    <>
      <h1 className="heading-xl">{pageTitle}</h1>
      <div className="grid-two-thirds">
        <p className="lead">{t("carers:sharing.intro")}</p>
        <EasyReadLink href={`${base}/easy-read`} />
        <Disclosure summary={t("carers:sharing.explain.title")}>
            <p>{t("carers:sharing.explain.choose")}</p>
            <p>{t("carers:sharing.explain.notShared")}</p>
            <p>{t("carers:sharing.explain.listen")}</p>
            <p>{t("carers:sharing.explain.safety")}</p>
            <p>{t("carers:sharing.explain.password")}</p>
          </Disclosure>
      </div>

      {questions.map((q) => (
        <section key={q.id} className="notification" aria-labelledby={`question-${q.id}`}>
          <h2 className="notification__title" id={`question-${q.id}`}>
            {t("carers:question.title", { name: isolate(q.carerName) })}
          </h2>
          <p>{t("carers:question.body", { name: isolate(q.carerName) })}</p>
          <p>{t("carers:question.yourChoice")}</p>
          <p>
            <Link href={`${base}/${q.relationshipId}`}>{t("carers:question.choose", { name: isolate(q.carerName) })}</Link>
          </p>
          <Form>
            <input type="hidden" name="relationshipId" value={q.relationshipId} />
            <Button type="submit" variant="secondary">
              {t("carers:question.decline", { name: isolate(q.carerName) })}
            </Button>
          </Form>
        </section>
      ))}

      {supporters.length ? (
        <ul className="list supporter-list">
          {supporters.map((s) => (
            <li key={s.relationshipId} className="supporter" id={`supporter-${s.relationshipId}`}>
              <h2 className="heading-m">
                <bdi>{s.name}</bdi>
                <span className="caption"> – {t(`carers:kind.${s.kind}`)}</span>
              </h2>
              {s.grants.length ? (
                <>
                  <p>{t("carers:sharing.canSee", { name: isolate(s.name) })}</p>
                  <ul className="list list--bullet">
                    {s.grants.map((g, i) => (
                      <li key={`${g.scope}-${i}`}>
                        <strong>{t(`carers:scope.${g.scope}`, { defaultValue: t(`common:scope.${g.scope}`) })}</strong>
                        <br />
                        <span className="hint">
                          {t("carers:sharing.since")} <FormattedDate iso={g.since} />
                          {g.grantedById === me ? (
                            <> {t("carers:sharing.agreedByYou")}</>
                          ) : g.grantedBy ? (
                            <> {t("carers:sharing.agreedBy", { name: isolate(g.grantedBy) })}</>
                          ) : null}
                          {t("common:sentenceBreak")}
                          {g.basis !== "consent" && g.basisNote ? <>{t("carers:acting.forDecision", { decision: isolate(g.basisNote) })} </> : null}
                          {g.endsAt ? (
                            <>
                              {t("carers:sharing.until")} <FormattedDate iso={g.endsAt} />
                              {t("common:fullStop")}
                            </>
                          ) : (
                            t("carers:sharing.noEnd")
                          )}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{t("carers:sharing.nothing", { name: isolate(s.name) })}</p>
              )}
              <p>
                <Link href={`${base}/${s.relationshipId}`}>{t("carers:sharing.change", { name: isolate(s.name) })}</Link>
              </p>
              {s.history.length ? (
                <Disclosure summary={t("carers:sharing.history", { name: isolate(s.name) })}>
                    <ul className="list">
                      {s.history.map((h, i) => (
                        <li key={i}>
                          <FormattedDate iso={h.at} />
                          {h.byId === me ? (
                            <> – {t("carers:sharing.changedByYou")}</>
                          ) : h.by ? (
                            <> – {t("carers:sharing.changedBy", { name: isolate(h.by) })}</>
                          ) : null}
                          <ul className="list list--bullet">
                            {h.added.map((a) => (
                              <li key={`a-${a}`}>{t("carers:sharing.added", { what: t(`carers:scope.${a}`, { defaultValue: t(`common:scope.${a}`) }) })}</li>
                            ))}
                            {h.removed.map((r) => (
                              <li key={`r-${r}`}>{t("carers:sharing.removed", { what: t(`carers:scope.${r}`, { defaultValue: t(`common:scope.${r}`) }) })}</li>
                            ))}
                            {!h.added.length && !h.removed.length ? <li>{t("carers:sharing.endChanged")}</li> : null}
                          </ul>
                        </li>
                      ))}
                    </ul>
                  </Disclosure>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("carers:sharing.none")}</p>
      )}
      <p>
        <Link href={`${base}/invite`}>{t("carers:invite.link")}</Link>
      </p>
      <p>
        <Link href={`/people/${serviceUserId}/access-log`}>{t("home:accessLog.link")}</Link>
      </p>
    </>
  );
}

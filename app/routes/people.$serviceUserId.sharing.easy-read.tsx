import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EasyReadPage, EasyReadSection, ForSomeoneElse, Idea, type EasyReadPicture } from "~/components/easy-read/EasyRead";
import { Link } from "~/components/ui/Link";
import { openSharingQuestions } from "~/models/carer-sign-up.server";
import { listSupporters } from "~/models/sharing.server";
import type { SupporterKind } from "~/models/vocabulary/relationships";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { standardVersionOf } from "~/web/easy-read.server";
import { orNotFound, requireRecord } from "~/web/guards.server";

/** Through the same guard and the same list as the standard sharing page ("People who support you"). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, own, displayName, t } = await requireRecord(request, params, "sharing.manage");
  const supporters = await orNotFound(listSupporters(getDb(), actor, serviceUserId));
  const questions = await orNotFound(openSharingQuestions(getDb(), actor, serviceUserId));
  return json({
    // A carer the team linked, waiting for the person's answer: shown first, as on the standard page.
    questions: questions.map((q) => ({ relationshipId: q.relationshipId, name: q.carerName })),
    serviceUserId,
    // Someone acting for the person (an attorney): the page says whose it is.
    displayName: own ? null : displayName,
    supporters: supporters.map((s) => ({ relationshipId: s.relationshipId, name: s.name, kind: s.kind, scopes: [...new Set(s.grants.map((g) => g.scope))] })),
    standardHref: standardVersionOf(`/people/${serviceUserId}/sharing`),
    pageTitle: own ? t("easyread:sharing.titleOwn") : t("easyread:sharing.titleOther", { name: isolate(displayName) }),
  });
}

const kindPictures: Record<SupporterKind, EasyReadPicture> = { carer_of: "family", advocate_for: "person-asking", attorney_for: "page" };

/** Sharing in Easy Read (CT-05): what sharing means, who sees what, and that the person can change it. */
export default function SharingEasyRead() {
  const { t } = useTranslation(["easyread", "carers"]);
  const data = useLoaderData<typeof loader>();
  const base = `/people/${data.serviceUserId}/sharing`;
  return (
    <EasyReadPage title={data.pageTitle} standardHref={data.standardHref}>
      {data.displayName !== null ? <ForSomeoneElse name={data.displayName} /> : null}
      {data.questions.map((q) => (
        <Idea key={q.relationshipId} picture="person-asking">
          <p>{t("easyread:sharing.question", { name: isolate(q.name) })}</p>
          <p>
            <Link href={`${base}/${q.relationshipId}`}>{t("easyread:sharing.who.changeLink", { name: isolate(q.name) })}</Link>
          </p>
        </Idea>
      ))}
      <Idea picture="locked">
        <p>{t("easyread:sharing.choose")}</p>
      </Idea>
      <Idea picture="unlocked">
        <p>{t("easyread:sharing.change")}</p>
      </Idea>
      <Idea picture="prohibited">
        <p>{t("easyread:sharing.password")}</p>
      </Idea>
      <Idea picture="hospital">
        <p>{t("easyread:sharing.team")}</p>
      </Idea>
      <Idea picture="ear">
        <p>{t("easyread:sharing.listen")}</p>
      </Idea>
      <Idea picture="warning">
        <p>{t("easyread:sharing.safety")}</p>
      </Idea>

      <EasyReadSection id="sharing-who" title={t("easyread:sharing.who.title")}>
        {data.supporters.length ? (
          data.supporters.map((s) => (
            <Idea key={s.relationshipId} picture={kindPictures[s.kind]}>
              <p>{t(`easyread:sharing.who.${s.kind}`, { name: isolate(s.name) })}</p>
              {s.scopes.length ? (
                <>
                  <p>{t("easyread:sharing.who.canSee", { name: isolate(s.name) })}</p>
                  <ul className="list list--bullet easy-read__list">
                    {s.scopes.map((scope) => (
                      <li key={scope}>{t(`carers:scope.${scope}`)}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{t("easyread:sharing.who.nothing", { name: isolate(s.name) })}</p>
              )}
              <p>
                <Link href={`${base}/${s.relationshipId}`}>{t("easyread:sharing.who.changeLink", { name: isolate(s.name) })}</Link>
              </p>
            </Idea>
          ))
        ) : (
          <Idea picture="locked">
            <p>{t("easyread:sharing.who.none")}</p>
          </Idea>
        )}
      </EasyReadSection>
    </EasyReadPage>
  );
}

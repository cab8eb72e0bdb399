import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EasyReadPage, EasyReadSection, ForSomeoneElse, Idea } from "~/components/easy-read/EasyRead";
import { Link } from "~/components/ui/Link";
import { can } from "~/models/access.server";
import { isolate } from "~/utils/bidi";
import { standardVersionOf } from "~/web/easy-read.server";
import { requireRecord } from "~/web/guards.server";

/**
 * Behind the same guard as "Decisions about me". It shows the person's rights, not what their
 * record holds (the links lead to that), so it reads nothing of the record but its name.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, own, displayName, t } = await requireRecord(request, params, "decisions.read");
  return json({
    serviceUserId,
    displayName: own ? null : displayName,
    canWrite: can(actor, "decisions.write", { serviceUserId }),
    standardHref: standardVersionOf(`/people/${serviceUserId}/decisions`),
    pageTitle: own ? t("easyread:decisions.titleOwn") : t("easyread:decisions.titleOther", { name: isolate(displayName) }),
  });
}

/** Consent and decisions in Easy Read (CT-05): you decide, help to decide, if you cannot decide, and saying now what you want. */
export default function DecisionsEasyRead() {
  const { t } = useTranslation(["easyread"]);
  const data = useLoaderData<typeof loader>();
  const base = `/people/${data.serviceUserId}/decisions`;
  return (
    <EasyReadPage title={data.pageTitle} standardHref={data.standardHref}>
      {data.displayName !== null ? <ForSomeoneElse name={data.displayName} /> : null}
      <EasyReadSection id="decisions-you" title={t("easyread:decisions.you.title")}>
        <Idea picture="thumbs-up">
          <p>{t("easyread:decisions.you.own")}</p>
        </Idea>
        <Idea picture="handshake">
          <p>{t("easyread:decisions.you.consent")}</p>
        </Idea>
        <Idea picture="thumbs-down">
          <p>{t("easyread:decisions.you.no")}</p>
        </Idea>
        <Idea picture="unlocked">
          <p>{t("easyread:decisions.you.unwise")}</p>
        </Idea>
      </EasyReadSection>

      <EasyReadSection id="decisions-help" title={t("easyread:decisions.help.title")}>
        <Idea picture="ear">
          <p>{t("easyread:decisions.help.explain")}</p>
        </Idea>
        <Idea picture="clock">
          <p>{t("easyread:decisions.help.time")}</p>
        </Idea>
        <Idea picture="person-asking">
          <p>{t("easyread:decisions.help.someone")}</p>
          <p>
            <Link href="/advocacy/easy-read">{t("easyread:decisions.help.advocacyLink")}</Link>
          </p>
        </Idea>
      </EasyReadSection>

      <EasyReadSection id="decisions-cannot" title={t("easyread:decisions.cannot.title")}>
        <Idea picture="warning">
          <p>{t("easyread:decisions.cannot.sometimes")}</p>
        </Idea>
        <Idea picture="hospital">
          <p>{t("easyread:decisions.cannot.best")}</p>
        </Idea>
        <Idea picture="family">
          <p>{t("easyread:decisions.cannot.ask")}</p>
        </Idea>
      </EasyReadSection>

      <EasyReadSection id="decisions-now" title={t("easyread:decisions.now.title")}>
        <Idea picture="memo">
          <p>{t("easyread:decisions.now.write")}</p>
          {data.canWrite ? (
            <p>
              <Link href={`${base}/advance`}>{t("easyread:decisions.now.writeLink")}</Link>
            </p>
          ) : null}
        </Idea>
        <Idea picture="page">
          <p>{t("easyread:decisions.now.attorney")}</p>
        </Idea>
      </EasyReadSection>
    </EasyReadPage>
  );
}

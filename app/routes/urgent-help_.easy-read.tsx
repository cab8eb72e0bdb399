import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EasyReadPage, EasyReadSection, Idea } from "~/components/easy-read/EasyRead";
import { config } from "~/config.server";
import { isolateNumber } from "~/utils/bidi";
import { telHref } from "~/utils/phone";
import { ownCrisisPlanHref } from "~/web/urgent-help.server";
import type { RouteHandle } from "~/root";

// As /urgent-help: no JavaScript, no sign-in, no database (decision 042).
export const handle: RouteHandle = { titleKey: "easyread:urgent.title", hydrate: false };

/** No sign-in and no database needed, as /urgent-help; signed in, a link to the Easy Read crisis plan. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { crisisLine } = config();
  return json({ crisisLine, ownCrisisPlan: await ownCrisisPlanHref(request, "/easy-read") });
}

function CallLink({ number, label }: { number: string; label: string }) {
  return (
    <p className="phone">
      <a href={telHref(number)}>{label}</a>
    </p>
  );
}

/** Get help now in Easy Read (CT-05): the same numbers as /urgent-help, one idea at a time. */
export default function UrgentHelpEasyRead() {
  const { t } = useTranslation(["easyread", "pages"]);
  const { crisisLine, ownCrisisPlan } = useLoaderData<typeof loader>();
  // No-break spaces keep each number on one line, in large text on a narrow phone too.
  const call = (number: string, shown = number) => (
    <CallLink number={number} label={t("easyread:urgent.call", { number: isolateNumber(shown.replace(/ /g, "\u00a0")) })} />
  );
  return (
    <EasyReadPage
      title={t("easyread:urgent.title")}
      standardHref="/urgent-help"
      first={
        <EasyReadSection id="emergency" title={t("easyread:urgent.emergency.title")}>
          {/* The call first: on a small phone it is in view without scrolling, as on /urgent-help. */}
          <Idea picture="ambulance">
            <p>{t("easyread:urgent.emergency.hurt")}</p>
            {call("999")}
          </Idea>
          <Idea picture="sos">
            <p>{t("easyread:urgent.emergency.suicide")}</p>
          </Idea>
        </EasyReadSection>
      }
    >
      <Idea picture="phone">
        <p>{t("easyread:urgent.intro")}</p>
      </Idea>
      <Idea picture="unlocked">
        <p>{t("easyread:urgent.noSignIn")}</p>
      </Idea>

      {ownCrisisPlan ? (
        <Idea picture="clipboard">
          <p>{t("easyread:urgent.ownPlan.body")}</p>
          <p>
            <a href={ownCrisisPlan}>{t("easyread:urgent.ownPlan.link")}</a>
          </p>
        </Idea>
      ) : null}

      <EasyReadSection id="crisis-line" title={crisisLine.name ?? t("pages:urgent.crisisLineDefaultName")}>
        <Idea picture="handshake">
          <p>{t("easyread:urgent.crisisLine.body")}</p>
          {call(crisisLine.number)}
        </Idea>
        <Idea picture="clock">
          <p>{t("easyread:urgent.crisisLine.when")}</p>
        </Idea>
      </EasyReadSection>

      <EasyReadSection id="nhs111" title={t("pages:urgent.nhs111.title")}>
        <Idea picture="hospital">
          <p>{t("easyread:urgent.nhs111.body")}</p>
          <CallLink number="111" label={t("easyread:urgent.nhs111.call", { number: isolateNumber("111") })} />
        </Idea>
        <Idea picture="mobile">
          <p>{t("easyread:urgent.nhs111.option")}</p>
        </Idea>
        <Idea picture="clock">
          <p>{t("easyread:urgent.free")}</p>
        </Idea>
      </EasyReadSection>

      <EasyReadSection id="samaritans" title={t("pages:urgent.samaritans.title")}>
        <Idea picture="ear">
          <p>{t("easyread:urgent.samaritans.body")}</p>
          {call("116123", "116 123")}
        </Idea>
        <Idea picture="locked">
          <p>{t("easyread:urgent.samaritans.private")}</p>
        </Idea>
        <Idea picture="clock">
          <p>{t("easyread:urgent.free")}</p>
        </Idea>
      </EasyReadSection>

      <EasyReadSection id="deaf" title={t("easyread:urgent.deaf.title")}>
        <Idea picture="mobile-call">
          <p>{t("easyread:urgent.deaf.text")}</p>
        </Idea>
        <Idea picture="memo">
          <p>{t("easyread:urgent.deaf.register")}</p>
        </Idea>
        <Idea picture="hearing-aid">
          <p>{t("easyread:urgent.deaf.relay")}</p>
        </Idea>
      </EasyReadSection>
    </EasyReadPage>
  );
}

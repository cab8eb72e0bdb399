import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EasyReadLink } from "~/components/easy-read/EasyRead";
import { config } from "~/config.server";
import { isolateNumber } from "~/utils/bidi";
import { telHref } from "~/utils/phone";
import { ownCrisisPlanHref } from "~/web/urgent-help.server";
import type { RouteHandle } from "~/root";

// No JavaScript: the page does everything without it, and it must load fast on a poor connection.
export const handle: RouteHandle = { titleKey: "pages:urgent.title", hydrate: false };

/** No sign-in and no database needed: this page must work when everything else is down. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { crisisLine } = config();
  return json({ crisisLine, ownCrisisPlan: await ownCrisisPlanHref(request) });
}

export default function UrgentHelp() {
  const { t } = useTranslation(["pages", "common", "plan", "home"]);
  const { crisisLine, ownCrisisPlan } = useLoaderData<typeof loader>();
  const crisisName = crisisLine.name ?? t("pages:urgent.crisisLineDefaultName");
  return (
    <>
      <h1 className="heading-xl">{t("pages:urgent.title")}</h1>

      <section className="urgent-card urgent-card--emergency" aria-labelledby="emergency">
        <h2 className="heading-l" id="emergency">
          {t("pages:urgent.emergency.title")}
        </h2>
        {/* The call first: on a small phone it is in view without scrolling. */}
        <p className="phone">
          <a href={telHref("999")}>{t("pages:urgent.emergency.call", { number: isolateNumber("999") })}</a>
        </p>
        <p>{t("pages:urgent.emergency.body")}</p>
      </section>
      {/* The emergency first, then what the page is: in every language, on a 320 × 640 phone, Call 999
          is in view without scrolling (the intro above it pushed it out in Welsh, Polish, Romanian,
          Somali and Urdu). The Easy Read link after the first number to call (decision 059). */}
      <p className="lead">{t("pages:urgent.intro")}</p>
      <EasyReadLink href="/urgent-help/easy-read" />

      {ownCrisisPlan ? (
        <section className="urgent-card urgent-card--own-plan" aria-labelledby="own-crisis-plan">
          <h2 className="heading-l" id="own-crisis-plan">
            {t("plan:crisis.titleOwn")}
          </h2>
          <p>{t("pages:urgent.ownPlan")}</p>
          <p className="urgent-card__link">
            <a href={ownCrisisPlan}>{t("home:own.crisisLink")}</a>
          </p>
        </section>
      ) : null}

      <section className="urgent-card" aria-labelledby="crisis-line">
        <h2 className="heading-l" id="crisis-line">
          {crisisName}
        </h2>
        <p>{t("pages:urgent.crisisLine.body")}</p>
        <p className="phone">
          <a href={telHref(crisisLine.number)}>{t("pages:urgent.crisisLine.call", { number: isolateNumber(crisisLine.number) })}</a>
        </p>
      </section>

      <section className="urgent-card" aria-labelledby="nhs111">
        <h2 className="heading-l" id="nhs111">
          {t("pages:urgent.nhs111.title")}
        </h2>
        <p>{t("pages:urgent.nhs111.body")}</p>
        <p className="phone">
          <a href={telHref("111")}>{t("pages:urgent.nhs111.call", { number: isolateNumber("111") })}</a>
        </p>
      </section>

      <section className="urgent-card" aria-labelledby="samaritans">
        <h2 className="heading-l" id="samaritans">
          {t("pages:urgent.samaritans.title")}
        </h2>
        <p>{t("pages:urgent.samaritans.body")}</p>
        <p className="phone">
          <a href={telHref("116123")}>{t("pages:urgent.samaritans.call", { number: isolateNumber("116 123") })}</a>
        </p>
      </section>

      <h2 className="heading-m">{t("pages:urgent.deaf.title")}</h2>
      <p>{t("pages:urgent.deaf.body")}</p>
    </>
  );
}

import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { config } from "~/config.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { titleKey: "pages:urgent.title" };

/** No sign-in and no database: this page must work when everything else is down. */
export function loader() {
  const { crisisLine } = config();
  return json({ crisisLine });
}

function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, "")}`;
}

/**
 * A phone number set apart from the words around it (Unicode left-to-right isolate), so that in
 * Arabic "116 123" is not shown as "123 116".
 */
function isolated(number: string): string {
  return `\u2066${number}\u2069`;
}

export default function UrgentHelp() {
  const { t } = useTranslation(["pages", "common"]);
  const { crisisLine } = useLoaderData<typeof loader>();
  const crisisName = crisisLine.name ?? t("pages:urgent.crisisLineDefaultName");
  return (
    <>
      <h1 className="heading-xl">{t("pages:urgent.title")}</h1>
      <p className="lead">{t("pages:urgent.intro")}</p>

      <section className="urgent-card urgent-card--emergency" aria-labelledby="emergency">
        <h2 className="heading-l" id="emergency">
          {t("pages:urgent.emergency.title")}
        </h2>
        <p>{t("pages:urgent.emergency.body")}</p>
        <p className="phone">
          <a href={telHref("999")}>{t("pages:urgent.emergency.call", { number: isolated("999") })}</a>
        </p>
      </section>

      <section className="urgent-card" aria-labelledby="crisis-line">
        <h2 className="heading-l" id="crisis-line">
          {crisisName}
        </h2>
        <p>{t("pages:urgent.crisisLine.body")}</p>
        <p className="phone">
          <a href={telHref(crisisLine.number)}>{t("pages:urgent.crisisLine.call", { number: isolated(crisisLine.number) })}</a>
        </p>
      </section>

      <section className="urgent-card" aria-labelledby="nhs111">
        <h2 className="heading-l" id="nhs111">
          {t("pages:urgent.nhs111.title")}
        </h2>
        <p>{t("pages:urgent.nhs111.body")}</p>
        <p className="phone">
          <a href={telHref("111")}>{t("pages:urgent.nhs111.call", { number: isolated("111") })}</a>
        </p>
      </section>

      <section className="urgent-card" aria-labelledby="samaritans">
        <h2 className="heading-l" id="samaritans">
          {t("pages:urgent.samaritans.title")}
        </h2>
        <p>{t("pages:urgent.samaritans.body")}</p>
        <p className="phone">
          <a href={telHref("116123")}>{t("pages:urgent.samaritans.call", { number: isolated("116 123") })}</a>
        </p>
      </section>

      <h2 className="heading-m">{t("pages:urgent.deaf.title")}</h2>
      <p>{t("pages:urgent.deaf.body")}</p>
    </>
  );
}

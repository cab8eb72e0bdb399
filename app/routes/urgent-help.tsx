import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { config } from "~/config.server";
import { can } from "~/models/access.server";
import { getSignedIn, SESSION_COOKIE } from "~/web/auth.server";
import { readCookie } from "~/web/cookies.server";
import { telHref } from "~/utils/phone";
import type { RouteHandle } from "~/root";

// No JavaScript: the page does everything without it, and it must load fast on a poor connection.
export const handle: RouteHandle = { titleKey: "pages:urgent.title", hydrate: false };

/** However slow the database is, this page does not wait longer than this for the crisis plan link. */
const SIGNED_IN_WAIT_MS = 1500;

/**
 * The person's own crisis plan, when they are signed in and it can be found quickly. Signed out
 * (no session cookie) the database is never touched; when it is down or slow, there is no link.
 */
async function ownCrisisPlanHref(request: Request): Promise<string | null> {
  if (!readCookie(request, SESSION_COOKIE)) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const signedIn = await Promise.race([
      getSignedIn(request),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), SIGNED_IN_WAIT_MS);
      }),
    ]);
    const own = signedIn?.actor.relationships.find(
      (r) => r.kind === "service_user" && can(signedIn.actor, "plan.crisis.read", { serviceUserId: r.serviceUserId }),
    );
    return own ? `/people/${own.serviceUserId}/plan/crisis` : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** No sign-in and no database needed: this page must work when everything else is down. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { crisisLine } = config();
  return json({ crisisLine, ownCrisisPlan: await ownCrisisPlanHref(request) });
}

/**
 * A phone number set apart from the words around it (Unicode left-to-right isolate), so that in
 * Arabic "116 123" is not shown as "123 116".
 */
function isolated(number: string): string {
  return `\u2066${number}\u2069`;
}

export default function UrgentHelp() {
  const { t } = useTranslation(["pages", "common", "plan", "home"]);
  const { crisisLine, ownCrisisPlan } = useLoaderData<typeof loader>();
  const crisisName = crisisLine.name ?? t("pages:urgent.crisisLineDefaultName");
  return (
    <>
      <h1 className="heading-xl">{t("pages:urgent.title")}</h1>
      <p className="lead">{t("pages:urgent.intro")}</p>

      <section className="urgent-card urgent-card--emergency" aria-labelledby="emergency">
        <h2 className="heading-l" id="emergency">
          {t("pages:urgent.emergency.title")}
        </h2>
        {/* The call first: on a small phone it is in view without scrolling. */}
        <p className="phone">
          <a href={telHref("999")}>{t("pages:urgent.emergency.call", { number: isolated("999") })}</a>
        </p>
        <p>{t("pages:urgent.emergency.body")}</p>
      </section>

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

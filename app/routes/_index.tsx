import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Link } from "~/components/ui/Link";
import { config } from "~/config.server";
import { attentionCounts } from "~/models/attention.server";
import { getMyCommunicationNeeds } from "~/models/communication.server";
import { listVisibleRecords } from "~/models/people.server";
import type { RouteHandle } from "~/root";
import { requireSignedIn } from "~/web/auth.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";

export const handle: RouteHandle = { titleKey: "home:title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requireSignedIn(request);
  const records = await listVisibleRecords(getDb(), signedIn.actor);
  // A carer who signed up on their own and is linked to no one yet: their carer page is their home (decision 060).
  if (!records.length && signedIn.actor.carerSignedUp && !signedIn.account.isStaff) throw redirect("/carer");
  // Ask service users and carers about communication needs, and to check them again in time (AIS identify, review).
  const asked = records.some((r) => r.capacity === "service_user" || r.capacity === "carer_of");
  const needs = asked ? await getMyCommunicationNeeds(getDb(), signedIn.actor, config().reviewIntervalMonths) : null;
  const communicationPrompt = !asked ? null : !needs ? ("identify" as const) : needs.reviewDue ? ("review" as const) : null;
  // Staff: how many things wait for them across their caseload (issue 12: a carer's worry must not sit unseen).
  const attention = signedIn.account.isStaff ? Object.values(await attentionCounts(getDb(), signedIn.actor)).reduce((a, b) => a + b, 0) : null;
  return json({
    attention,
    communicationPrompt,
    displayName: signedIn.account.displayName,
    isStaff: signedIn.account.isStaff,
    isAdmin: signedIn.account.isAdmin,
    records: records.map((r) => ({
      id: r.serviceUserId,
      displayName: r.displayName,
      capacity: r.capacity,
      // Something of the plan is shared (not only the right to make requests).
      sharesPlan: r.scopes.some((s) => s.startsWith("plan.") || s === "goals.read" || s === "goals.write" || s === "recovery.read"),
      sharesCrisis: r.scopes.includes("plan.crisis") || r.scopes.includes("plan.full"),
    })),
  });
}

export default function Home() {
  const { t } = useTranslation(["home", "common", "attention", "admin"]);
  const { displayName, isStaff, isAdmin, records, communicationPrompt, attention } = useLoaderData<typeof loader>();
  const own = records.find((r) => r.capacity === "service_user");
  const supporting = records.filter((r) => r.capacity === "carer_of" || r.capacity === "advocate_for" || r.capacity === "attorney_for");
  const caseload = records.filter((r) => r.capacity === "care_team_member_of");
  return (
    <>
      <h1 className="heading-xl">{t("home:greeting", { name: isolate(displayName) })}</h1>
      <p className="lead">{t("home:intro")}</p>

      {communicationPrompt ? (
        <div className="notification" role="region" aria-labelledby="communication-prompt">
          <h2 className="notification__title" id="communication-prompt">
            {t(`communication:prompt.${communicationPrompt}.title`)}
          </h2>
          <p>{t(`communication:prompt.${communicationPrompt}.body`)}</p>
          <p>
            <Link href="/communication-needs">{t(`communication:prompt.${communicationPrompt}.link`)}</Link>
          </p>
        </div>
      ) : null}

      {own ? (
        <section aria-labelledby="own-heading" className="section">
          <h2 className="heading-l" id="own-heading">
            {t("home:own.title")}
          </h2>
          <p>{t("home:own.body")}</p>
          <ul className="list">
            <li>
              <Link href={`/people/${own.id}/plan`}>{t("home:own.planLink")}</Link>
            </li>
            <li>
              <Link href={`/people/${own.id}/plan/crisis`}>{t("home:own.crisisLink")}</Link>
            </li>
            <li>
              <Link href={`/people/${own.id}/sharing`}>{t("home:own.sharingLink")}</Link>
            </li>
            <li>
              <Link href={`/people/${own.id}/family`}>{t("home:own.familyLink")}</Link>
            </li>
            <li>
              <Link href={`/people/${own.id}`}>{t("home:own.link")}</Link>
            </li>
          </ul>
        </section>
      ) : null}

      {supporting.length ? (
        <section aria-labelledby="supporting-heading" className="section">
          <h2 className="heading-l" id="supporting-heading">
            {t("home:supporting.title")}
          </h2>
          <p>{t("home:supporting.body")}</p>
          <ul className="list">
            {supporting.map((r) => (
              <li key={r.id}>
                <Link href={`/people/${r.id}`}>{r.displayName}</Link>
                {" – "}
                {t(`common:capacity.${r.capacity}`)}
                {r.sharesPlan ? (
                  <>
                    <br />
                    <Link href={`/people/${r.id}/plan`}>{t("home:supporting.planLink", { name: r.displayName })}</Link>
                  </>
                ) : null}
                {r.sharesCrisis ? (
                  <>
                    <br />
                    <Link href={`/people/${r.id}/plan/crisis`}>{t("home:supporting.crisisLink", { name: isolate(r.displayName) })}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {supporting.some((r) => r.capacity === "carer_of") ? (
            <p>
              <Link href="/carer">{t("home:supporting.carerLink")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {attention !== null ? (
        <section aria-labelledby="attention-heading" className={attention ? "notification" : "section"}>
          <h2 className={attention ? "notification__title" : "heading-l"} id="attention-heading">
            {t("attention:title")}
          </h2>
          <p>{attention ? t("attention:homeCount", { count: attention }) : t("attention:homeNone")}</p>
          <p>
            <Link href="/staff/attention">{t("attention:homeLink")}</Link>
          </p>
        </section>
      ) : null}

      {isStaff ? (
        <section aria-labelledby="caseload-heading" className="section">
          <h2 className="heading-l" id="caseload-heading">
            {t("home:caseload.title")}
          </h2>
          {caseload.length ? (
            <ul className="list">
              {caseload.map((r) => (
                <li key={r.id}>
                  <Link href={`/people/${r.id}/plan`}>{r.displayName}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("home:caseload.empty")}</p>
          )}
          <ul className="list">
            <li>
              <Link href="/staff">{t("home:caseload.link")}</Link>
            </li>
            <li>
              <Link href="/staff/invitations/new">{t("home:caseload.invite")}</Link>
            </li>
          </ul>
        </section>
      ) : null}

      {isAdmin ? (
        <section aria-labelledby="admin-heading" className="section">
          <h2 className="heading-l" id="admin-heading">
            {t("admin:home.title")}
          </h2>
          <p>{t("admin:home.body")}</p>
          <p>
            <Link href="/admin/accounts">{t("admin:home.link")}</Link>
          </p>
          <p>
            <Link href="/admin/imports">{t("admin:imports.link")}</Link>
          </p>
        </section>
      ) : null}

      {own || supporting.some((r) => r.capacity === "carer_of") ? (
        <ul className="list">
          <li>
            <Link href="/communication-needs">{t("communication:homeLink")}</Link>
          </li>
          <li>
            <Link href="/advocacy">{t("advocacy:title")}</Link>
          </li>
        </ul>
      ) : null}

      {!records.length && !isStaff && !isAdmin ? <p>{t("home:nothingYet")}</p> : null}

      <section aria-labelledby="help-heading" className="section">
        <h2 className="heading-m" id="help-heading">
          {t("home:help.title")}
        </h2>
        <p>{t("home:help.body")}</p>
      </section>
    </>
  );
}

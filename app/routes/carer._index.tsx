import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Link } from "~/components/ui/Link";
import { config } from "~/config.server";
import { listCaredFor } from "~/models/carers.server";
import type { RouteHandle } from "~/root";
import { requireRole } from "~/web/guards.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";

export const handle: RouteHandle = { titleKey: "carers:home.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, "carer");
  const caredFor = await listCaredFor(getDb(), actor);
  const { carers, crisisLine } = config();
  return json({ caredFor, carers, crisisLine });
}

/** Which plan links each shared scope opens, in the order the carer reads them. */
const planLinks = [
  { scope: "plan.crisis", path: "plan/crisis", key: "crisis" },
  { scope: "plan.full", path: "plan", key: "plan" },
  { scope: "plan.summary", path: "plan", key: "plan" },
  { scope: "plan.care_team", path: "plan#team", key: "team" },
  { scope: "goals.read", path: "plan#goals", key: "goals" },
  { scope: "recovery.read", path: "recovery", key: "recovery" },
  { scope: "appointments.read", path: "appointments", key: "appointments" },
  { scope: "messages", path: "messages", key: "messages" },
] as const;

/**
 * A carer's own page: whose carer they are and what each person shares; and, whatever is
 * shared, how to get help, how the service works, the named carer lead, and carer support (CR-02…CR-05).
 */
export default function CarerHome() {
  const { t } = useTranslation(["carers", "common"]);
  const { caredFor, carers, crisisLine } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-xl">{t("carers:home.title")}</h1>
      <p className="lead">{t("carers:home.intro")}</p>
      {caredFor.length ? null : (
        <section aria-labelledby="not-linked-heading" className="section">
          <h2 className="heading-l" id="not-linked-heading">
            {t("carers:homeNotLinked.title")}
          </h2>
          <p>{t("carers:homeNotLinked.body")}</p>
          <p>{t("carers:homeNotLinked.next")}</p>
        </section>
      )}
      <p>
        <Link href="/carer/tell-the-team">{t("carers:note.link")}</Link>
      </p>
      {caredFor.map((p) => {
        const links = planLinks.filter((l) => p.scopes.includes(l.scope));
        const unique = links.filter((l, i) => links.findIndex((o) => o.key === l.key) === i);
        return (
          <section key={p.serviceUserId} aria-labelledby={`person-${p.serviceUserId}`} className="section">
            <h2 className="heading-l" id={`person-${p.serviceUserId}`}>
              <bdi>{p.displayName}</bdi>
            </h2>
            {unique.length ? (
              <>
                <p>{t("carers:home.shared", { name: isolate(p.displayName) })}</p>
                <ul className="list">
                  {unique.map((l) => (
                    <li key={l.key}>
                      <Link href={`/people/${p.serviceUserId}/${l.path}`}>{t(`carers:home.link.${l.key}`)}</Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t("carers:home.nothingShared", { name: isolate(p.displayName) })}</p>
            )}
            <p>
              <Link href={`/people/${p.serviceUserId}/tell-the-team`}>{t("carers:home.tell", { name: isolate(p.displayName) })}</Link>
            </p>
          </section>
        );
      })}

      <section aria-labelledby="needs-heading" className="section">
        <h2 className="heading-l" id="needs-heading">
          {t("carers:home.needs.title")}
        </h2>
        <p>{t("carers:home.needs.body")}</p>
        <ul className="list">
          <li>
            <Link href="/carer/needs">{t("carers:home.needs.link")}</Link>
          </li>
          <li>
            <Link href="/carer/assessment">{t("carers:assessment.link")}</Link>
          </li>
          <li>
            <Link href="/young-carers">{t("carers:youngCarers.link")}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="help-heading" className="section">
        <h2 className="heading-l" id="help-heading">
          {t("carers:home.help.title")}
        </h2>
        <p>{t("carers:home.help.body")}</p>
        <p>
          {t("carers:home.help.line", { name: crisisLine.name ?? t("pages:urgent.crisisLineDefaultName") })}{" "}
          <a href={`tel:${crisisLine.number.replace(/\s/g, "")}`} dir="ltr">
            {crisisLine.number}
          </a>
        </p>
        <p>
          <Link href="/urgent-help">{t("carers:home.help.link")}</Link>
        </p>
      </section>

      <section aria-labelledby="service-heading" className="section">
        <h2 className="heading-l" id="service-heading">
          {t("carers:home.service.title")}
        </h2>
        <p>{t("carers:home.service.team")}</p>
        <p>{t("carers:home.service.confidential")}</p>
        <p>{t("carers:home.service.stages")}</p>
      </section>

      <section aria-labelledby="lead-heading" className="section">
        <h2 className="heading-l" id="lead-heading">
          {t("carers:home.lead.title")}
        </h2>
        <p>{t("carers:home.lead.body", { name: isolate(carers.leadName) })}</p>
        <p>
          {t("carers:home.lead.contact")} <bdi dir="ltr">{carers.leadContact}</bdi>
        </p>
      </section>

      <section aria-labelledby="support-heading" className="section">
        <h2 className="heading-l" id="support-heading">
          {t("carers:home.support.title")}
        </h2>
        <ul className="list list--bullet">
          <li>
            {t("carers:home.support.centre", { name: carers.centreName ? isolate(carers.centreName) : t("carers:home.support.centreDefault") })}{" "}
            <bdi dir="ltr">{carers.centreContact}</bdi>
          </li>
          <li>{t("carers:home.support.national")}</li>
          <li>{t("carers:home.support.assessment")}</li>
        </ul>
      </section>
    </>
  );
}

import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TheirWords } from "~/components/display/DisplayParts";
import { EasyReadPage, EasyReadSection, FromThePlan, Idea, PaperAndPrint, type EasyReadPicture } from "~/components/easy-read/EasyRead";
import { DependantsList } from "~/components/plan/PlanParts";
import { Link } from "~/components/ui/Link";
import { listDependants } from "~/models/family.server";
import { getPlanView } from "~/models/plan.server";
import { crisisFields } from "~/models/vocabulary/plan-sections";
import { getDb } from "~/utils/db.server";
import { isolate } from "~/utils/bidi";
import { standardVersionOf } from "~/web/easy-read.server";
import { requireRecord } from "~/web/guards.server";

/** The picture beside each part of the crisis plan. */
const pictures: Record<(typeof crisisFields)[number], EasyReadPicture> = {
  earlyWarningSigns: "warning",
  whatHelps: "thumbs-up",
  whatHasNotHelped: "thumbs-down",
  mostResponsiveTo: "ear",
  howToReachThem: "mobile",
  dayContact: "sun",
  nightContact: "moon",
  treatmentPreferences: "pill",
  treatmentRefusals: "prohibited",
  dependants: "family",
  ifSupportFails: "sos",
};

/** Through the same guard, access check and audit ("crisis") as the standard crisis plan page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "record.view");
  const plan = await getPlanView(getDb(), actor, serviceUserId, undefined, "crisis");
  if (!plan?.crisis) throw new Response("Not found", { status: 404 });
  const own = plan.capacity === "service_user";
  const path = `/people/${plan.serviceUserId}/plan/crisis`;
  return json({
    serviceUserId: plan.serviceUserId,
    displayName: plan.displayName,
    own,
    crisis: plan.crisis,
    versionDate: plan.versionDate,
    dependants: await listDependants(getDb(), actor, plan.serviceUserId),
    standardHref: standardVersionOf(path),
    pageTitle: own ? t("easyread:crisis.titleOwn") : t("easyread:crisis.titleOther", { name: isolate(plan.displayName) }),
  });
}

/** The crisis plan in Easy Read (CT-05): each part with a picture and a short heading, then what the plan says. */
export default function CrisisPlanEasyRead() {
  const { t } = useTranslation(["easyread", "common"]);
  const data = useLoaderData<typeof loader>();
  const them = data.own ? {} : { context: "them" };
  return (
    <EasyReadPage title={data.pageTitle} standardHref={data.standardHref}>
      <Idea picture="clipboard">
        <p>{t("easyread:crisis.intro")}</p>
      </Idea>
      <Idea picture="handshake">
        <p>{t("easyread:crisis.team", data.own ? {} : { context: "them", name: isolate(data.displayName) })}</p>
      </Idea>
      <FromThePlan versionDate={data.versionDate} />

      {crisisFields.map((field) => (
        <EasyReadSection key={field} id={`crisis-${field}`} title={t(`easyread:crisis.fields.${field}`, them)}>
          <Idea picture={pictures[field]}>
            {data.crisis[field] ? <TheirWords text={data.crisis[field]} phones /> : <p>{t("easyread:crisis.nothing")}</p>}
            {field === "dependants" && data.dependants.length ? <DependantsList dependants={data.dependants} /> : null}
          </Idea>
        </EasyReadSection>
      ))}

      <EasyReadSection id="crisis-urgent" title={t("easyread:crisis.urgent.title")}>
        <Idea picture="ambulance">
          <p>{t("easyread:crisis.urgent.danger")}</p>
        </Idea>
        <Idea picture="hospital">
          <p>{t("easyread:crisis.urgent.nhs111")}</p>
          <p className="no-print">
            <Link href="/urgent-help/easy-read">{t("easyread:crisis.urgent.link")}</Link>
          </p>
        </Idea>
      </EasyReadSection>

      <PaperAndPrint formatHref={data.own ? `/people/${data.serviceUserId}/requests/format` : null} />
    </EasyReadPage>
  );
}

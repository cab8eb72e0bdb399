import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdvanceSection } from "~/components/decisions/DecisionParts";
import { Explain, FormattedDate, TheirWords } from "~/components/display/DisplayParts";
import { crisisFields } from "~/models/vocabulary/plan-sections";
import { DependantsList } from "~/components/plan/PlanParts";
import { EasyReadLink } from "~/components/easy-read/EasyRead";
import { Link } from "~/components/ui/Link";
import { planDecisionsSummary } from "~/models/decisions.server";
import { listDependants } from "~/models/family.server";
import { getPlanView } from "~/models/plan.server";
import { getDb } from "~/utils/db.server";
import { isolate } from "~/utils/bidi";
import { easyReadFirst } from "~/web/easy-read.server";
import { requireRecord } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "record.view");
  // A reader who needs Easy Read gets that version first, with a link back here.
  await easyReadFirst(request, `/people/${serviceUserId}/plan/crisis/easy-read`);
  const plan = await getPlanView(getDb(), actor, serviceUserId, undefined, "crisis");
  if (!plan?.crisis) throw new Response("Not found", { status: 404 });
  const own = plan.capacity === "service_user";
  return json({
    serviceUserId: plan.serviceUserId,
    displayName: plan.displayName,
    own,
    crisis: plan.crisis,
    versionDate: plan.versionDate,
    canSeePlan: plan.needs !== null,
    dependants: await listDependants(getDb(), actor, plan.serviceUserId),
    decisions: await planDecisionsSummary(getDb(), actor, plan.serviceUserId),
    // The plan's older advance statement part, for readers of the whole plan: merged with the above.
    wishes: plan.wishes,
    pageTitle: own ? t("plan:crisis.titleOwn") : t("plan:crisis.titleOther", { name: isolate(plan.displayName) }),
  });
}

/** The crisis and contingency plan: one step from every plan page, and prints on one or two pages. */
export default function CrisisPlan() {
  const { t } = useTranslation(["plan", "common", "carers"]);
  const data = useLoaderData<typeof loader>();
  return (
    <div className="crisis-plan">
      <p className="no-print">
        {data.canSeePlan ? (
          <Link href={`/people/${data.serviceUserId}/plan`}>{t("plan:crisis.back")}</Link>
        ) : (
          <Link href="/">{t("common:errors.home")}</Link>
        )}
      </p>
      <h1 className="heading-xl">{data.pageTitle}</h1>
      <p className="lead">{t("plan:crisis.intro")}</p>
      <EasyReadLink href={`/people/${data.serviceUserId}/plan/crisis/easy-read`} />
      <div className="no-print">
        <Explain term="contingency" own={data.own} />
      </div>
      {data.versionDate ? (
        <p className="hint">
          {t("plan:crisis.updated")} <FormattedDate iso={data.versionDate} />
        </p>
      ) : null}
      {crisisFields.map((field) => (
        <section key={field} aria-labelledby={`crisis-${field}`} className="crisis-plan__part">
          <h2 className="heading-m" id={`crisis-${field}`}>
            {t(`plan:crisis.fields.${field}`, data.own ? {} : { context: "them" })}
          </h2>
          {data.crisis[field] ? <TheirWords text={data.crisis[field]} phones /> : <p>{t("plan:nothingRecorded")}</p>}
          {field === "dependants" && data.dependants.length ? (
            <DependantsList dependants={data.dependants} />
          ) : null}
        </section>
      ))}
      <AdvanceSection
        wishes={data.wishes}
        decisions={data.decisions}
        own={data.own}
        name={data.displayName}
        decisionsHref={`/people/${data.serviceUserId}/decisions#advance`}
        editHref={null}
        variant="crisis"
      />
      <section aria-labelledby="crisis-urgent" className="crisis-plan__part">
        <h2 className="heading-m" id="crisis-urgent">
          {t("plan:crisis.urgentTitle")}
        </h2>
        <p>{t("plan:crisis.urgentBody")}</p>
        <p className="no-print">
          <a href="/urgent-help">{t("common:urgentHelp.link")}</a>
        </p>
      </section>
      <p className="no-print">{t("plan:crisis.print")}</p>
    </div>
  );
}

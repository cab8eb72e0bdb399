import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TheirWords, useFormatDate } from "~/components/display/DisplayParts";
import { EasyReadPage, EasyReadSection, FromThePlan, Idea, PaperAndPrint } from "~/components/easy-read/EasyRead";
import { Link } from "~/components/ui/Link";
import { config } from "~/config.server";
import { can } from "~/models/access.server";
import { planDecisionsSummary } from "~/models/decisions.server";
import { getPlanView } from "~/models/plan.server";
import { advanceParts } from "~/models/vocabulary/decisions";
import { getDb } from "~/utils/db.server";
import { isolate } from "~/utils/bidi";
import { standardVersionOf } from "~/web/easy-read.server";
import { requireRecord } from "~/web/guards.server";

/** Through the same guard, plan view (its access checks and its audit row) as the standard plan page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "record.view");
  const plan = await getPlanView(getDb(), actor, serviceUserId);
  if (!plan) throw new Response("Not found", { status: 404 });
  const own = plan.capacity === "service_user";
  const coordinator = plan.careTeam?.find((m) => m.isCoordinator) ?? null;
  return json({
    serviceUserId: plan.serviceUserId,
    displayName: plan.displayName,
    own,
    versionDate: plan.versionDate,
    recovery: plan.recovery ? plan.recovery.body : plan.recovery,
    goals: plan.goals?.map((g) => ({ id: g.id, what: g.what, status: g.status })) ?? null,
    hasCrisis: plan.crisis !== null,
    coordinator: coordinator ? { name: coordinator.name, contact: coordinator.contact } : null,
    team: plan.careTeam?.filter((m) => !m.isCoordinator).map((m) => ({ id: m.id, name: m.name, role: m.role })) ?? null,
    reviews: plan.reviews ? { nextReviewOn: plan.reviews.nextReviewOn, overdue: plan.reviews.overdue } : null,
    // What the person wrote about what they want if they become unwell: their words, as written.
    wishes: plan.wishes,
    decisions: await planDecisionsSummary(getDb(), actor, serviceUserId),
    canAskFormat: can(actor, "requests.create", { serviceUserId }),
    coordinatorWording: config().coordinatorWording === "key_worker" ? ("keyWorker" as const) : ("careCoordinator" as const),
    standardHref: standardVersionOf(`/people/${plan.serviceUserId}/plan`),
    pageTitle: own ? t("easyread:plan.titleOwn") : t("easyread:plan.titleOther", { name: isolate(plan.displayName) }),
  });
}

/** The care plan summary in Easy Read (CT-05): each part with a picture and a short heading, then what the plan says. */
export default function PlanEasyRead() {
  const { t } = useTranslation(["easyread"]);
  const data = useLoaderData<typeof loader>();
  const formatDate = useFormatDate();
  const them = data.own ? {} : { context: "them", name: isolate(data.displayName) };
  const base = `/people/${data.serviceUserId}`;
  const advance = data.decisions?.advance ?? null;
  const planText = data.wishes?.advanceStatement.trim() ? data.wishes.advanceStatement : "";
  const nothing = <p>{t("easyread:crisis.nothing")}</p>;
  return (
    <EasyReadPage title={data.pageTitle} standardHref={data.standardHref}>
      <Idea picture="clipboard">
        <p>{t("easyread:plan.intro", them)}</p>
      </Idea>
      <FromThePlan versionDate={data.versionDate} />

      {data.recovery !== null ? (
        <EasyReadSection id="plan-recovery" title={t("easyread:plan.recovery.title", them)}>
          <Idea picture="sun">{data.recovery ? <TheirWords text={data.recovery} /> : nothing}</Idea>
        </EasyReadSection>
      ) : null}

      {data.goals ? (
        <EasyReadSection id="plan-goals" title={t("easyread:plan.goals.title", them)}>
          {data.goals.length
            ? data.goals.map((g) => (
                <Idea key={g.id} picture="thumbs-up">
                  <TheirWords text={g.what} />
                  <p>{t(`easyread:plan.goals.status.${g.status}`, { defaultValue: "" })}</p>
                </Idea>
              ))
            : <Idea picture="thumbs-up">{nothing}</Idea>}
        </EasyReadSection>
      ) : null}

      {data.hasCrisis ? (
        <EasyReadSection id="plan-crisis" title={t("easyread:plan.crisis.title")}>
          <Idea picture="sos">
            <p>{t("easyread:plan.crisis.body", them)}</p>
            <p>
              <Link href={`${base}/plan/crisis/easy-read`}>{t("easyread:plan.crisis.link")}</Link>
            </p>
          </Idea>
        </EasyReadSection>
      ) : null}

      {data.team ? (
        <EasyReadSection id="plan-team" title={t("easyread:plan.team.title", them)}>
          {data.coordinator ? (
            <Idea picture="handshake">
              <p>{t(`easyread:plan.team.${data.coordinatorWording}`, { ...them, coordinator: isolate(data.coordinator.name) })}</p>
              <TheirWords text={data.coordinator.contact} phones />
            </Idea>
          ) : null}
          {data.team.length ? (
            <Idea picture="family">
              <p>{t("easyread:plan.team.others", them)}</p>
              <ul className="list easy-read__list">
                {data.team.map((m) => (
                  <li key={m.id} dir="auto">
                    {m.name}, {m.role}
                  </li>
                ))}
              </ul>
            </Idea>
          ) : null}
        </EasyReadSection>
      ) : null}

      {data.reviews ? (
        <EasyReadSection id="plan-review" title={t("easyread:plan.review.title")}>
          <Idea picture="calendar">
            <p>{t("easyread:plan.review.why", them)}</p>
            <p>
              {data.reviews.nextReviewOn
                ? t("easyread:plan.review.next", { date: formatDate(data.reviews.nextReviewOn) })
                : t("easyread:plan.review.notSet")}
            </p>
          </Idea>
          {data.reviews.overdue ? (
            <Idea picture="warning">
              <p>{t("easyread:plan.review.late")}</p>
            </Idea>
          ) : null}
        </EasyReadSection>
      ) : null}

      {data.wishes || data.decisions ? (
        <EasyReadSection id="plan-advance" title={t("easyread:plan.advance.title", them)}>
          <Idea picture="memo">
            <p>{t("easyread:plan.advance.what", them)}</p>
            {advance || planText ? <p>{t("easyread:plan.advance.inTheirWords", them)}</p> : null}
          </Idea>
          {advance
            ? advanceParts
                .filter((p) => advance.parts[p])
                .map((p) => (
                  <Idea key={p} picture={p === "notWanted" ? "thumbs-down" : p === "contact" ? "phone" : p === "practical" ? "family" : "thumbs-up"}>
                    <p>{t(`easyread:plan.advance.parts.${p}`, them)}</p>
                    <TheirWords text={advance.parts[p]!} />
                  </Idea>
                ))
            : null}
          {planText ? (
            <Idea picture="page">
              <TheirWords text={planText} />
            </Idea>
          ) : null}
          {!advance && !planText ? <Idea picture="page">{nothing}</Idea> : null}
        </EasyReadSection>
      ) : null}

      <PaperAndPrint formatHref={data.own && data.canAskFormat ? `${base}/requests/format?document=plan` : null} />
    </EasyReadPage>
  );
}

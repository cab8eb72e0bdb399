import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommunicationFlag } from "~/components/communication/CommunicationFlag";
import { AdvanceSection } from "~/components/decisions/DecisionParts";
import { EnteredByNote, Explain, FormattedDate, PhoneText, SummaryList, TheirWords } from "~/components/display/DisplayParts";
import { needsFields } from "~/models/vocabulary/plan-sections";
import { SupportTable, TransitionList } from "~/components/plan/PlanParts";
import { EasyReadLink } from "~/components/easy-read/EasyRead";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { config } from "~/config.server";
import { can } from "~/models/access.server";
import { communicationFlags } from "~/models/communication.server";
import { planDecisionsSummary } from "~/models/decisions.server";
import { getPlanView, listTransitions } from "~/models/plan.server";
import { getDb } from "~/utils/db.server";
import { isolate } from "~/utils/bidi";
import { useReaderT } from "~/utils/use-reader";
import { easyReadFirst } from "~/web/easy-read.server";
import { requireRecord } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "record.view");
  // A reader who needs Easy Read gets that version first, with a link back here (decision 061).
  await easyReadFirst(request, `/people/${serviceUserId}/plan/easy-read`);
  const plan = await getPlanView(getDb(), actor, serviceUserId);
  if (!plan) throw new Response("Not found", { status: 404 });
  const own = plan.capacity === "service_user";
  const cfg = config();
  const transitions = plan.needs ? await listTransitions(getDb(), actor, serviceUserId) : [];
  // The team sees the person's communication needs wherever the person appears (AIS flag).
  const flag = can(actor, "carers.support", { serviceUserId })
    ? ((await communicationFlags(getDb(), actor, [serviceUserId], cfg.reviewIntervalMonths))[serviceUserId] ?? null)
    : null;
  return json({
    plan,
    own,
    transitions,
    flag,
    // The advance statement and ADRT fact, for readers who may see decisions (MC-07).
    decisions: await planDecisionsSummary(getDb(), actor, serviceUserId),
    canWriteGoals: can(actor, "goals.write", { serviceUserId }),
    canWriteRecovery: can(actor, "recovery.write", { serviceUserId }),
    canAskFormat: can(actor, "requests.create", { serviceUserId }),
    canWritePlan: can(actor, "plan.write", { serviceUserId }),
    canSuggestGoals: can(actor, "goals.suggest", { serviceUserId }),
    canSupportCarers: can(actor, "carers.support", { serviceUserId }),
    // "How I am doing" before a review (CP-14): the person says it; the team reads it.
    howIAmDoing: { read: can(actor, "howIAmDoing.read", { serviceUserId }), write: can(actor, "howIAmDoing.write", { serviceUserId }) },
    wording: {
      coordinator: cfg.coordinatorWording === "key_worker" ? ("keyWorker" as const) : ("careCoordinator" as const),
      plan: cfg.planWording,
    },
    pageTitle: own ? t("plan:title.own") : t("plan:title.other", { name: isolate(plan.displayName) }),
  });
}

export default function PlanPage() {
  const { t } = useTranslation(["plan", "common", "decisions"]);
  const { tw } = useReaderT();
  const { plan, own, transitions, flag, decisions, canAskFormat, canWriteGoals, canWriteRecovery, canWritePlan, canSuggestGoals, canSupportCarers, howIAmDoing, wording, pageTitle } =
    useLoaderData<typeof loader>();
  const editLink = (section: "crisis" | "needs" | "support") =>
    canWritePlan ? (
      <p>
        <Link href={`${base}/plan/edit/${section}`}>{t(`plan:edit.link.${section}`)}</Link>
      </p>
    ) : null;
  const base = `/people/${plan.serviceUserId}`;
  const coordinator = plan.careTeam?.find((m) => m.isCoordinator);
  return (
    <>
      <h1 className="heading-xl">{pageTitle}</h1>
      {flag ? <CommunicationFlag needs={flag} href={`${base}/communication-needs`} /> : null}
      <p className="lead">
        {t(`plan:level.${plan.planLevel}.${wording.plan}`)}
      </p>
      <Explain term={plan.planLevel === "cpa" ? "cpa" : "lpc"} own={own} />
      <EasyReadLink href={`${base}/plan/easy-read`} />
      {canAskFormat ? (
        <p>
          <Link href={`${base}/requests/format?document=plan`}>{t("requests:format.linkPlan")}</Link>
        </p>
      ) : null}
      {plan.needs && plan.version ? (
        <p>
          <Link href={`${base}/plan/versions`}>{tw("plan:versions.link", { version: plan.version })}</Link>
        </p>
      ) : null}
      {canSupportCarers ? (
        <p>
          <Link href={`${base}/carers`}>{t("plan:carersLink")}</Link>
        </p>
      ) : null}

      {plan.changedSinceLastLooked.length ? (
        <div className="notification" role="region" aria-labelledby="changed-heading">
          <h2 className="notification__title" id="changed-heading">
            {t("plan:changed.title")}
          </h2>
          <p>{tw("plan:changed.body")}</p>
          <ul className="list list--bullet">
            {plan.changedSinceLastLooked.map((s) => (
              <li key={s}>
                <a href={`#${s}`}>{t(`plan:section.${s}`)}</a>
              </li>
            ))}
          </ul>
          {/* A POST: opening the plan never marks it seen; the notice stays until the person says so. */}
          <Form action={`${base}/plan/seen`}>
            <input type="hidden" name="version" value={plan.version ?? 0} />
            <Button type="submit" variant="secondary">
              {t("plan:changed.dismiss")}
            </Button>
          </Form>
        </div>
      ) : null}

      {plan.crisis ? (
        <p className="crisis-link">
          <Link href={`${base}/plan/crisis`}>{t("plan:crisis.link")}</Link>
        </p>
      ) : null}

      <nav aria-labelledby="contents-heading" className="contents">
        <h2 className="heading-s" id="contents-heading">
          {t("plan:contents")}
        </h2>
        <ol className="list">
          {plan.recovery !== null || canWriteRecovery ? (
            <li>
              <a href="#recovery">{t("plan:section.recovery")}</a>
            </li>
          ) : null}
          {plan.goals ? (
            <li>
              <a href="#goals">{t("plan:section.goals")}</a>
            </li>
          ) : null}
          {plan.crisis ? (
            <li>
              <a href="#crisis">{t("plan:section.crisis")}</a>
            </li>
          ) : null}
          {plan.careTeam ? (
            <li>
              <a href="#team">{t("plan:section.team")}</a>
            </li>
          ) : null}
          {plan.needs ? (
            <li>
              <a href="#needs">{t("plan:section.needs")}</a>
            </li>
          ) : null}
          {plan.support ? (
            <li>
              <a href="#support">{t("plan:section.support")}</a>
            </li>
          ) : null}
          {plan.reviews ? (
            <li>
              <a href="#reviews">{t("plan:section.reviews")}</a>
            </li>
          ) : null}
          {plan.wishes || decisions ? (
            <li>
              <a href="#advance">{t("decisions:planSection.heading")}</a>
            </li>
          ) : null}
        </ol>
      </nav>

      {plan.recovery !== null || canWriteRecovery ? (
        <section aria-labelledby="recovery" className="section">
          <h2 className="heading-l" id="recovery">
            {own ? t("plan:recovery.titleOwn") : t("plan:recovery.titleOther", { name: plan.displayName })}
          </h2>
          {plan.recovery ? (
            <>
              <TheirWords text={plan.recovery.body} />
              <EnteredByNote enteredBy={plan.recovery.enteredBy} forName={plan.displayName} />
              <p className="hint">
                {t("plan:recovery.written")} <FormattedDate iso={plan.recovery.writtenAt} />
              </p>
            </>
          ) : (
            <p>{t("plan:recovery.none")}</p>
          )}
          <p>
            <Link href={`${base}/recovery`}>{canWriteRecovery ? tw("plan:recovery.change") : t("plan:recovery.history")}</Link>
          </p>
        </section>
      ) : null}

      {plan.goals ? (
        <section aria-labelledby="goals" className="section">
          <h2 className="heading-l" id="goals">
            {own ? t("plan:goals.titleOwn") : t("plan:goals.titleOther", { name: plan.displayName })}
          </h2>
          {plan.goals.length ? (
            <ul className="list goal-list">
              {plan.goals.map((g) => (
                <li key={g.id}>
                  <Link href={`${base}/goals/${g.id}`}>
                    <bdi>{g.what}</bdi>
                  </Link>
                  <span className="goal-list__status"> – {t(`plan:goalStatus.${g.status}`)}</span>
                  {g.latestRating !== null ? (
                    <span className="goal-list__rating"> {t("plan:goals.latest", { rating: g.latestRating })}</span>
                  ) : null}
                  <EnteredByNote enteredBy={g.enteredBy} forName={plan.displayName} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("plan:goals.none")}</p>
          )}
          {canWriteGoals ? (
            <p>
              <Link href={`${base}/goals/new`} className="button-link">
                {t("plan:goals.add")}
              </Link>
            </p>
          ) : null}
          {canSuggestGoals ? (
            <p>
              <Link href={`${base}/goals/suggest`}>{t("plan:suggest.link")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {plan.crisis ? (
        <section aria-labelledby="crisis" className="section">
          <h2 className="heading-l" id="crisis">
            {t("plan:section.crisis")}
          </h2>
          <Explain term="contingency" own={own} />
          <h3 className="heading-m">{t("plan:crisis.fields.earlyWarningSigns")}</h3>
          <TheirWords text={plan.crisis.earlyWarningSigns} />
          <p>
            <Link href={`${base}/plan/crisis`}>{t("plan:crisis.linkFull")}</Link>
          </p>
          {editLink("crisis")}
        </section>
      ) : null}

      {plan.careTeam ? (
        <section aria-labelledby="team" className="section">
          <h2 className="heading-l" id="team">
            {t("plan:section.team")}
          </h2>
          {coordinator ? (
            <div className="coordinator">
              <h3 className="heading-m">{tw(`plan:team.${wording.coordinator}`)}</h3>
              <p className="coordinator__name">{coordinator.name}</p>
              <SummaryList
                rows={[
                  { key: "role", label: t("plan:team.role"), value: coordinator.role },
                  { key: "team", label: t("plan:team.organisation"), value: coordinator.organisation },
                  { key: "contact", label: t("plan:team.contact"), value: <PhoneText text={coordinator.contact} /> },
                  { key: "when", label: t("plan:team.when"), value: coordinator.whenToContact },
                ]}
              />
              <Explain term={wording.coordinator} own={own} />
              {canWritePlan ? (
                <ul className="list">
                  <li>
                    <Link href={`${base}/team/${coordinator.id}`}>{t("plan:teamForm.changeDetails", { name: isolate(coordinator.name) })}</Link>
                  </li>
                  <li>
                    <Link href={`${base}/plan/coordinator`}>{t(`plan:coordinatorForm.link.${wording.coordinator}`)}</Link>
                  </li>
                </ul>
              ) : null}
            </div>
          ) : canWritePlan ? (
            <p>
              <Link href={`${base}/plan/coordinator`}>{t(`plan:coordinatorForm.link.${wording.coordinator}`)}</Link>
            </p>
          ) : null}
          <h3 className="heading-m">{t("plan:team.everyone")}</h3>
          <ul className="list team-list">
            {plan.careTeam
              .filter((m) => !m.isCoordinator)
              .map((m) => (
                <li key={m.id} className="team-list__item" dir="auto">
                  <p className="team-list__name">{m.name}</p>
                  <p>
                    {m.role}, {m.organisation} ({t(`plan:team.agency.${m.agency}`)})
                  </p>
                  <p>
                    {t("plan:team.contact")}
                    {t("common:colon")}
                    <PhoneText text={m.contact} />
                    {t("common:sentenceBreak")}
                    {m.whenToContact}
                  </p>
                  {canWritePlan ? (
                    <p>
                      <Link href={`${base}/team/${m.id}`}>{t("plan:teamForm.changeDetails", { name: isolate(m.name) })}</Link>
                    </p>
                  ) : null}
                </li>
              ))}
          </ul>
          {canWritePlan ? (
            <p>
              <Link href={`${base}/team/new`}>{t("plan:teamForm.addLink")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {plan.needs ? (
        <section aria-labelledby="needs" className="section">
          <h2 className="heading-l" id="needs">
            {t("plan:section.needs")}
          </h2>
          <SummaryList
            rows={needsFields.map((k) => ({
              key: k,
              label: t(`plan:needs.${k}`),
              value: plan.needs![k] || t("plan:nothingRecorded"),
            }))}
          />
          {editLink("needs")}
        </section>
      ) : null}

      {plan.support ? (
        <section aria-labelledby="support" className="section">
          <h2 className="heading-l" id="support">
            {t("plan:section.support")}
          </h2>
          {plan.support.length ? (
            <SupportTable support={plan.support} />
          ) : (
            <p>{t("plan:nothingRecorded")}</p>
          )}
          {editLink("support")}
        </section>
      ) : null}

      {plan.reviews ? (
        <section aria-labelledby="reviews" className="section">
          <h2 className="heading-l" id="reviews">
            {t("plan:section.reviews")}
          </h2>
          <Explain term="review" own={own} />
          {plan.reviews.overdue ? (
            <p className="warning-text">
              <strong>{tw("plan:reviews.overdue")}</strong>
            </p>
          ) : null}
          <SummaryList
            rows={[
              {
                key: "last",
                label: t("plan:reviews.last"),
                value: plan.reviews.last ? <FormattedDate iso={plan.reviews.last.heldOn} /> : t("plan:reviews.noneYet"),
              },
              ...(plan.reviews.last
                ? [
                    { key: "who", label: t("plan:reviews.whoCame"), value: plan.reviews.last.attendees },
                    { key: "summary", label: t("plan:reviews.summary"), value: plan.reviews.last.summary },
                  ]
                : []),
              {
                key: "next",
                label: t("plan:reviews.next"),
                value: plan.reviews.nextReviewOn ? <FormattedDate iso={plan.reviews.nextReviewOn} /> : t("plan:reviews.notSet"),
              },
            ]}
          />
          {howIAmDoing.write ? (
            <p>
              <Link href={`${base}/how-i-am-doing/new`}>{tw("plan:howIAmDoing.reviewLink")}</Link>
            </p>
          ) : null}
          {howIAmDoing.read ? (
            <p>
              <Link href={`${base}/how-i-am-doing`}>{tw("plan:howIAmDoing.reviewSee")}</Link>
            </p>
          ) : null}
          {plan.reviews.nextReviewOn ? (
            <p>
              <a href={`${base}/plan/next-review.ics`} download>
                {tw("plan:reviews.calendar")}
              </a>
            </p>
          ) : null}
          {canWritePlan ? (
            <p>
              <Link href={`${base}/reviews/new`}>{t("plan:reviews.record")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {plan.needs && (transitions.length || canWritePlan) ? (
        <section aria-labelledby="changes" className="section">
          <h2 className="heading-l" id="changes">
            {t("plan:changes.title")}
          </h2>
          {transitions.length ? (
            <TransitionList transitions={transitions} coordinator={wording.coordinator} />
          ) : (
            <p>{t("plan:changes.none")}</p>
          )}
          {canWritePlan ? (
            <p>
              <Link href={`${base}/plan/level`}>{t("plan:changes.link")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <AdvanceSection
        wishes={plan.wishes}
        decisions={decisions}
        own={own}
        name={plan.displayName}
        decisionsHref={`${base}/decisions#advance`}
        editHref={canWritePlan ? `${base}/plan/edit/wishes` : null}
        variant="plan"
      />
    </>
  );
}

import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdvanceDecisionFact } from "~/components/decisions/DecisionParts";
import { AccessLogEntries } from "~/components/display/AccessLogEntries";
import { FormattedDate, Items, PhoneText, SummaryList, TheirWords } from "~/components/display/DisplayParts";
import { NeedsSummary } from "~/components/communication/NeedsSummary";
import { DependantsList, ProgressTable, SupportTable, TransitionList } from "~/components/plan/PlanParts";
import { useRequestSummary, useStatusLabel } from "~/components/requests/RequestParts";
import { DialogOverTime } from "~/components/how-i-am-doing/HowIAmDoingParts";
import { Link } from "~/components/ui/Link";
import { config } from "~/config.server";
import { makeRecordCopy } from "~/models/my-data.server";
import { readableCopy, type ReadableCopy } from "~/models/readable-copy.server";
import { advanceParts } from "~/models/vocabulary/decisions";
import { crisisFields, needsFields } from "~/models/vocabulary/plan-sections";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { useFormat } from "~/utils/use-format";
import { orNotFound, requireRecord } from "~/web/guards.server";
import { AppointmentCard } from "~/components/appointments/AppointmentParts";

/**
 * The readable copy (SE-16, decision 052): everything in the JSON file, in plain words, on one page
 * that prints. One read of the record, audited once as a copy; the loader sends only what is shown.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "record.copy");
  const copy = await orNotFound(makeRecordCopy(getDb(), actor, serviceUserId));
  // The trust's word for the coordinator, as the plan page uses it.
  const coordinator = config().coordinatorWording === "key_worker" ? ("keyWorker" as const) : ("careCoordinator" as const);
  return json({ serviceUserId, copy: readableCopy(copy), coordinator, pageTitle: t("home:copy.readable.title") });
}

type Copy = ReadableCopy;
type Coordinator = "careCoordinator" | "keyWorker";

/** Each part of the copy: an h2, then its content or "Nothing recorded". */
function Part({ id, heading, empty, children }: { id: string; heading: string; empty: boolean; children: React.ReactNode }) {
  const { t } = useTranslation("home");
  return (
    <section aria-labelledby={`copy-${id}`} className="section copy-part">
      <h2 className="heading-l" id={`copy-${id}`}>
        {heading}
      </h2>
      {empty ? <p>{t("home:copy.readable.nothing")}</p> : children}
    </section>
  );
}

/** Text someone wrote, or "Nothing recorded" when it is empty. */
function Words({ text }: { text: string }) {
  const { t } = useTranslation("home");
  return text.trim() ? <span className="their-words">{text}</span> : <>{t("home:copy.readable.nothing")}</>;
}

export default function ReadableCopyPage() {
  const { t } = useTranslation(["home", "plan", "common", "decisions", "requests", "communication", "carers"]);
  const { serviceUserId, copy, coordinator, pageTitle } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="readable-copy">
      <p className="no-print">
        <Link href={`/people/${serviceUserId}/copy`}>{t("home:copy.readable.back")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <p className="lead">{t("home:copy.readable.intro")}</p>
      <p className="copy-made">{t("home:copy.readable.madeOn", { date: format.date(copy.madeAt), time: format.time(copy.madeAt) })}</p>
      <p className="no-print">{t("home:copy.readable.printHint")}</p>

      <Part id="about" heading={t("home:copy.readable.about")} empty={false}>
        <SummaryList
          rows={[
            { key: "name", label: t("plan:teamForm.name"), value: <bdi>{copy.name}</bdi> },
            ...(copy.nhsNumber ? [{ key: "nhsNumber", label: t("home:copy.readable.nhsNumber"), value: <bdi dir="ltr">{copy.nhsNumber}</bdi> }] : []),
            { key: "level", label: t("plan:caseload.level"), value: t(`common:planLevel.${copy.planLevel}`) },
          ]}
        />
      </Part>

      <PlanNow copy={copy} />
      <Versions copy={copy} />
      <CareTeam copy={copy} coordinator={coordinator} />
      <Reviews copy={copy} />
      <Changes copy={copy} coordinator={coordinator} />

      <Part id="recovery" heading={t("plan:recovery.titleOwn")} empty={!copy.recovery.length}>
        {copy.recovery.map((r) => (
          <div key={r.version}>
            <h3 className="heading-m">
              {t("plan:recovery.versionHeading", { version: r.version })}{t("common:comma")}<FormattedDate iso={r.writtenAt} />
            </h3>
            <TheirWords text={r.body} />
            {r.by && r.by !== copy.name ? <p className="hint">{t("requests:by", { name: isolate(r.by) })}</p> : null}
          </div>
        ))}
      </Part>

      <Goals copy={copy} />
      <Appointments copy={copy} />
      <HowIAmDoing copy={copy} />
      <Requests copy={copy} />
      <Messages copy={copy} />
      <Communication copy={copy} />
      <Notifications copy={copy} />
      <Decisions copy={copy} />
      <Sharing copy={copy} />
      <AccessLog copy={copy} />
    </div>
  );
}

function PlanNow({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["home", "plan", "carers", "common"]);
  const plan = copy.plan;
  return (
    <Part id="plan" heading={t("plan:title.own")} empty={!plan}>
      {plan ? (
        <>
          <p>
            {t("plan:versions.heading", { version: plan.version })}
            {t("common:sentenceBreak")}
            {t("plan:crisis.updated")} <FormattedDate iso={plan.changedAt} />
            {t("common:fullStop")}
          </p>
          <h3 className="heading-m">{t("plan:section.needs")}</h3>
          <SummaryList rows={needsFields.map((k) => ({ key: k, label: t(`plan:needs.${k}`), value: <Words text={plan.needs[k]} /> }))} />
          <h3 className="heading-m">{t("plan:section.support")}</h3>
          {plan.support.length ? (
            <SupportTable support={plan.support} />
          ) : (
            <p>{t("home:copy.readable.nothing")}</p>
          )}
          <h3 className="heading-m">{t("plan:section.crisis")}</h3>
          <SummaryList
            rows={crisisFields.map((k) => ({
              key: k,
              label: t(`plan:crisis.fields.${k}`),
              value:
                k === "dependants" && copy.dependants.length ? (
                  <>
                    <Words text={plan.crisis[k]} />
                    <DependantsList dependants={copy.dependants} />
                  </>
                ) : (
                  <Words text={plan.crisis[k]} />
                ),
            }))}
          />
          <h3 className="heading-m">{t("plan:section.wishes")}</h3>
          {plan.advanceStatement.trim() ? <TheirWords text={plan.advanceStatement} /> : <p>{t("home:copy.readable.nothing")}</p>}
        </>
      ) : null}
    </Part>
  );
}

function Versions({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["home", "plan", "requests", "common"]);
  return (
    <Part id="versions" heading={t("plan:versions.title")} empty={!copy.versions.length}>
      {copy.versions.map((v) => (
        <div key={v.version}>
          <h3 className="heading-m">
            {t("plan:versions.heading", { version: v.version })}{t("common:comma")}<FormattedDate iso={v.createdAt} />
          </h3>
          {v.changed.length ? (
            <>
              <p>{t("plan:versions.changedIntro")}</p>
              <Items items={v.changed.map((s) => t(`plan:section.${s}`))} />
            </>
          ) : (
            <p>{t("plan:versions.first")}</p>
          )}
          {v.by ? <p className="hint">{t("requests:by", { name: isolate(v.by) })}</p> : null}
          <p>
            <strong>{t("plan:versions.commentsTitle")}</strong>
          </p>
          {v.comments.length ? (
            <ul className="list">
              {v.comments.map((c, i) => (
                <li key={i}>
                  <p>
                    <FormattedDate iso={c.at} />
                    {t("common:colon")}
                    {t(`plan:versions.agreement.${c.agreement}`)}
                  </p>
                  {c.comment ? <TheirWords text={c.comment} /> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("plan:versions.noComments")}</p>
          )}
        </div>
      ))}
    </Part>
  );
}

function CareTeam({ copy, coordinator }: { copy: Copy; coordinator: Coordinator }) {
  const { t } = useTranslation(["plan"]);
  return (
    <Part id="team" heading={t("plan:section.team")} empty={!copy.careTeam.length}>
      {copy.careTeam.map((m, i) => (
        <div key={i}>
          <h3 className="heading-m">
            <bdi>{m.name}</bdi>
          </h3>
          <SummaryList
            rows={[
              ...(m.isCoordinator ? [{ key: "coordinator", label: t(`plan:team.${coordinator}`), value: <bdi>{m.name}</bdi> }] : []),
              { key: "role", label: t("plan:team.role"), value: m.role },
              { key: "team", label: t("plan:team.organisation"), value: `${m.organisation} (${t(`plan:team.agency.${m.agency}`)})` },
              { key: "contact", label: t("plan:team.contact"), value: <PhoneText text={m.contact} /> },
              { key: "when", label: t("plan:team.when"), value: m.whenToContact },
            ]}
          />
        </div>
      ))}
    </Part>
  );
}

function Reviews({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["plan"]);
  return (
    <Part id="reviews" heading={t("plan:section.reviews")} empty={!copy.reviews.length}>
      {copy.reviews.map((r, i) => (
        <div key={i}>
          <h3 className="heading-m">
            <FormattedDate iso={r.heldOn} />
          </h3>
          <SummaryList
            rows={[
              { key: "who", label: t("plan:reviews.whoCame"), value: r.attendees },
              { key: "summary", label: t("plan:reviews.summary"), value: <Words text={r.summary} /> },
              { key: "next", label: t("plan:reviews.next"), value: <FormattedDate iso={r.nextReviewOn} /> },
            ]}
          />
        </div>
      ))}
    </Part>
  );
}

function Changes({ copy, coordinator }: { copy: Copy; coordinator: Coordinator }) {
  const { t } = useTranslation(["plan", "common"]);
  return (
    <Part id="changes" heading={t("plan:changes.title")} empty={!copy.changes.length}>
      <TransitionList transitions={copy.changes} coordinator={coordinator} />
    </Part>
  );
}

function Goals({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["plan", "home", "common"]);
  return (
    <Part id="goals" heading={t("plan:goals.titleOwn")} empty={!copy.goals.length}>
      {copy.goals.map((g, i) => (
        <div key={i}>
          <h3 className="heading-m">
            <bdi>{g.what}</bdi>
          </h3>
          <SummaryList
            rows={[
              { key: "status", label: t("plan:goal.statusLabel"), value: t(`plan:goalStatus.${g.status}`) },
              { key: "why", label: t("plan:goalForm.why"), value: <Words text={g.why} /> },
              { key: "step", label: t("plan:goalForm.firstStep"), value: <Words text={g.firstStep} /> },
              { key: "help", label: t("plan:goalForm.whoCanHelp"), value: <Words text={g.whoCanHelp} /> },
              { key: "date", label: t("plan:goalForm.targetDate"), value: g.targetDate ? <FormattedDate iso={g.targetDate} /> : t("plan:goal.noTarget") },
            ]}
          />
          {g.progress.length ? (
            <ProgressTable rows={g.progress.map((p) => ({ at: p.at, rating: p.rating, note: <span dir="auto">{p.note}</span> }))} />
          ) : (
            <p>
              {t("plan:progress.title")}
              {t("common:colon")}
              {t("plan:progress.none")}
            </p>
          )}
        </div>
      ))}
    </Part>
  );
}

function Appointments({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["appointments"]);
  return (
    <Part id="appointments" heading={t("appointments:titleOwn")} empty={!copy.appointments.length}>
      <ul className="list">
        {copy.appointments.map((a, i) => (
          <AppointmentCard key={i} appointment={{ ...a, id: String(i) }} />
        ))}
      </ul>
    </Part>
  );
}

/** Messages with the care team (decision 055): each thread with every message, who wrote it and when. */
function Messages({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["messages"]);
  return (
    <Part id="messages" heading={t("messages:titleOwn")} empty={!copy.messages.length}>
      {copy.messages.map((thread, i) => (
        <div key={i}>
          <h3 className="heading-m">
            <bdi>{thread.subject}</bdi>
          </h3>
          <ol className="list">
            {thread.messages.map((m, j) => (
              <li key={j}>
                <p className="hint">
                  <FormattedDate iso={m.at} />
                  {m.by ? <> ({t("messages:writtenBy", { name: isolate(m.by) })})</> : null}
                </p>
                <TheirWords text={m.body} />
              </li>
            ))}
          </ol>
        </div>
      ))}
    </Part>
  );
}

function HowIAmDoing({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["plan"]);
  return (
    <Part id="how-i-am-doing" heading={t("plan:howIAmDoing.title")} empty={!copy.howIAmDoing.length}>
      <DialogOverTime sets={copy.howIAmDoing} forName={copy.name} idPrefix="copy-dialog" charts={false} />
    </Part>
  );
}

function Requests({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["requests", "common"]);
  const summary = useRequestSummary();
  const statusLabel = useStatusLabel();
  return (
    <Part id="requests" heading={t("requests:titleOwn")} empty={!copy.requests.length}>
      {copy.requests.map((r, i) => (
        <div key={i}>
          <h3 className="heading-m">{summary(r)}</h3>
          <p>
            {t("requests:statusRow")}
            {t("common:colon")}
            <strong>{statusLabel(r.kind, r.status)}</strong>
          </p>
          <p>
            <strong>{t("requests:history")}</strong>
          </p>
          <ol className="list">
            {r.history.map((e, j) => (
              <li key={j}>
                <p>
                  <FormattedDate iso={e.at} />
                  {t("common:colon")}
                  {statusLabel(r.kind, e.status)}
                  {e.by ? <> ({t("requests:by", { name: isolate(e.by) })})</> : null}
                </p>
                {e.note ? <TheirWords text={e.note} /> : null}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </Part>
  );
}

function Communication({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["communication"]);
  const needs = copy.communication;
  return (
    <Part id="communication" heading={t("communication:title")} empty={!needs}>
      {needs ? (
        <>
          <p>
            {t("communication:lastReviewed")} <FormattedDate iso={needs.reviewedAt} />
          </p>
          <NeedsSummary needs={needs} />
        </>
      ) : null}
    </Part>
  );
}

/** How the person chose to hear about changes, and what was sent to them (decision 057). */
function Notifications({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["auth", "home"]);
  const n = copy.notifications;
  const choice = (enabled: boolean, address: string | null) =>
    enabled && address ? t("home:copy.readable.yesTo", { address: isolate(address) }) : t("home:copy.readable.no");
  return (
    <Part id="notifications" heading={t("auth:notifications.title")} empty={!n}>
      {n ? (
        <>
          {n.settings && (n.settings.emailEnabled || n.settings.smsEnabled) ? (
            <SummaryList
              rows={[
                { key: "email", label: t("auth:notifications.byEmail"), value: choice(n.settings.emailEnabled, n.settings.email) },
                { key: "sms", label: t("auth:notifications.byText"), value: choice(n.settings.smsEnabled, n.settings.mobile) },
              ]}
            />
          ) : (
            <p>{t("home:copy.readable.notificationsNone")}</p>
          )}
          <h3 className="heading-m">{t("home:copy.readable.notificationsSent")}</h3>
          {n.sent.length ? (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("auth:outbox.message")}</th>
                  <th scope="col">{t("auth:outbox.how")}</th>
                  <th scope="col">{t("home:copy.readable.when")}</th>
                  <th scope="col">{t("auth:outbox.status")}</th>
                </tr>
              </thead>
              <tbody>
                {n.sent.map((s, i) => (
                  <tr key={i}>
                    <td className="table__first">{t(`auth:outbox.event.${s.event}`)}</td>
                    <td data-label={t("auth:outbox.how")}>{t(`auth:outbox.channel.${s.channel}`)}</td>
                    <td data-label={t("home:copy.readable.when")}>
                      <FormattedDate iso={s.at} />
                    </td>
                    <td data-label={t("auth:outbox.status")}>{t(`auth:outbox.state.${s.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t("home:copy.readable.nothing")}</p>
          )}
        </>
      ) : null}
    </Part>
  );
}

function Decisions({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["decisions", "home", "common"]);
  const d = copy.decisions;
  const nothing = <p>{t("home:copy.readable.nothing")}</p>;
  return (
    <Part id="decisions" heading={t("decisions:titleOwn")} empty={false}>
      <h3 className="heading-m">{t("decisions:wishes.heading")}</h3>
      {d.wishes.length
        ? d.wishes.map((w) => (
            <div key={w.version}>
              <p className="hint">
                {t("decisions:versionHeading", { version: w.version })}{t("common:comma")}{t("decisions:written")} <FormattedDate iso={w.writtenAt} />
              </p>
              <TheirWords text={w.parts.body ?? ""} />
            </div>
          ))
        : nothing}
      <h3 className="heading-m">{t("decisions:advance.heading")}</h3>
      {d.advance.length
        ? d.advance.map((a) => (
            <div key={a.version}>
              <p className="hint">
                {t("decisions:versionHeading", { version: a.version })}{t("common:comma")}{t("decisions:written")} <FormattedDate iso={a.writtenAt} />
              </p>
              <SummaryList
                rows={advanceParts.filter((p) => a.parts[p]).map((p) => ({ key: p, label: t(`decisions:advance.parts.${p}`), value: <span className="their-words">{a.parts[p]}</span> }))}
              />
            </div>
          ))
        : nothing}
      <h3 className="heading-m">{t("decisions:adrt.heading")}</h3>
      <AdvanceDecisionFact fact={d.adrt} />
      <h3 className="heading-m">{t("decisions:consult.heading")}</h3>
      {d.consult.length ? (
        <ul className="list">
          {d.consult.map((c, i) => (
            <li key={i}>
              <p>
                <strong>
                  <bdi>{c.name}</bdi>
                </strong>
              </p>
              <SummaryList
                rows={[
                  { key: "how", label: t("decisions:consult.howTheyKnow"), value: c.relationship },
                  ...(c.contact ? [{ key: "contact", label: t("decisions:consult.contactRow"), value: <PhoneText text={c.contact} /> }] : []),
                  {
                    key: "decisions",
                    label: t("decisions:consult.decisions"),
                    value: <Items items={[...c.scopes.map((s) => t(`decisions:consult.scope.${s}`)), ...(c.scopeOther ? [c.scopeOther] : [])]} />,
                  },
                ]}
              />
            </li>
          ))}
        </ul>
      ) : (
        nothing
      )}
      <h3 className="heading-m">{t("decisions:attorney.heading")}</h3>
      {d.attorneys.length
        ? d.attorneys.map((a, i) => (
            <div key={i}>
              <SummaryList
                rows={[
                  { key: "kind", label: t("decisions:attorney.kindRow"), value: t(`decisions:attorney.kinds.${a.kind}`) },
                  { key: "names", label: t("decisions:attorney.namesRow"), value: <span className="their-words">{a.names}</span> },
                  { key: "covers", label: t("decisions:attorney.coversRow"), value: <Words text={a.covers} /> },
                  { key: "life", label: t("decisions:attorney.lifeRow"), value: t(`decisions:attorney.life.${a.lifeSustaining}`) },
                  ...(a.opgReference ? [{ key: "ref", label: t("decisions:attorney.referenceRow"), value: a.opgReference }] : []),
                ]}
              />
              <p>{a.checkedOn ? <CheckedOn iso={a.checkedOn} /> : t("decisions:attorney.notUsable")}</p>
            </div>
          ))
        : nothing}
      <h3 className="heading-m">{t("decisions:nominated.heading")}</h3>
      {d.nominated.length ? (
        d.nominated.map((n, i) => (
          <SummaryList
            key={i}
            rows={[
              { key: "name", label: t("decisions:nominated.nameRow"), value: <bdi>{n.name}</bdi> },
              { key: "contact", label: t("decisions:nominated.contactRow"), value: <Words text={n.contact} /> },
            ]}
          />
        ))
      ) : (
        nothing
      )}
      <h3 className="heading-m">{t("decisions:bestInterests.heading")}</h3>
      {d.bestInterests.length
        ? d.bestInterests.map((b, i) => (
            <div key={i}>
              <p>
                <FormattedDate iso={b.decidedOn} />
                {t("common:colon")}
                <span dir="auto">{b.decision}</span>
              </p>
              <SummaryList
                rows={[
                  { key: "consulted", label: t("decisions:bestInterests.consulted"), value: <Words text={b.consulted} /> },
                  { key: "less", label: t("decisions:bestInterests.lessRestrictive"), value: <Words text={b.lessRestrictive} /> },
                  { key: "outcome", label: t("decisions:bestInterests.outcome"), value: <Words text={b.outcome} /> },
                ]}
              />
            </div>
          ))
        : nothing}
    </Part>
  );
}

function CheckedOn({ iso }: { iso: string }) {
  const { t } = useTranslation("decisions");
  const { date } = useFormat();
  return <>{t("decisions:attorney.checked", { date: date(iso) })}</>;
}

function Sharing({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["carers", "home", "common"]);
  return (
    <Part id="sharing" heading={t("carers:sharing.title")} empty={!copy.sharing.length}>
      {copy.sharing.map((c, i) => (
        <div key={i}>
          <h3 className="heading-m">
            <bdi>{c.name}</bdi> ({t(`carers:kind.${c.kind}`)})
          </h3>
          <p>
            {t("carers:sharing.since")} <FormattedDate iso={c.startedAt} />
            {c.endedAt ? (
              <>
                {t("common:sentenceBreak")}
                {t("carers:sharing.until")} <FormattedDate iso={c.endedAt} />
              </>
            ) : null}
            {t("common:fullStop")}
          </p>
          {c.grants.length ? (
            <ul className="list list--bullet">
              {c.grants.map((g, j) => (
                <li key={j}>
                  {t(`carers:scope.${g.scope}`)}
                  {t("common:sentenceBreak")}
                  {t("carers:sharing.since")} <FormattedDate iso={g.startsAt} />
                  {t("common:sentenceBreak")}
                  {g.withdrawnAt ? (
                    <>
                      {t("home:copy.readable.stopped")} <FormattedDate iso={g.withdrawnAt} />
                      {t("common:fullStop")}
                    </>
                  ) : g.endsAt ? (
                    <>
                      {t("carers:sharing.until")} <FormattedDate iso={g.endsAt} />
                      {t("common:fullStop")}
                    </>
                  ) : (
                    t("carers:sharing.noEnd")
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("carers:sharing.nothing", { name: isolate(c.name) })}</p>
          )}
        </div>
      ))}
    </Part>
  );
}

function AccessLog({ copy }: { copy: Copy }) {
  const { t } = useTranslation(["home"]);
  return (
    <Part id="access" heading={t("home:copy.readable.accessLog")} empty={!copy.accessLog.length}>
      <p>{t("home:copy.readable.accessIntro")}</p>
      <AccessLogEntries entries={copy.accessLog} />
    </Part>
  );
}

import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdvanceDecisionFact, BestInterestsDate, useDecisionsT } from "~/components/decisions/DecisionParts";
import { EnteredByNote, FormattedDate, Items, SummaryList, TheirWords, useFormatDate } from "~/components/display/DisplayParts";
import { EasyReadLink } from "~/components/easy-read/EasyRead";
import { Link } from "~/components/ui/Link";
import { can } from "~/models/access.server";
import { getDecisionsOverview } from "~/models/decisions.server";
import { advanceParts } from "~/models/vocabulary/decisions";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { easyReadFirst } from "~/web/easy-read.server";
import { orNotFound, requireRecord } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, own, t } = await requireRecord(request, params, "decisions.read");
  await easyReadFirst(request, `/people/${serviceUserId}/decisions/easy-read`);
  const overview = await orNotFound(getDecisionsOverview(getDb(), actor, serviceUserId));
  return json({
    ...overview,
    own,
    canWrite: can(actor, "decisions.write", { serviceUserId }),
    canManage: can(actor, "decisions.manage", { serviceUserId }),
    canAskInterpreter: can(actor, "requests.create", { serviceUserId }),
    pageTitle: own ? t("decisions:titleOwn") : t("decisions:titleOther", { name: isolate(overview.displayName) }),
  });
}

/**
 * Decisions about me (MC-02…MC-08): the person's own words for anyone deciding for them, the
 * people to ask, an attorney or deputy, a nominated person, and decisions made in their best interests.
 */
export default function DecisionsOverview() {
  const { t } = useTranslation(["decisions", "common"]);
  const data = useLoaderData<typeof loader>();
  const tt = useDecisionsT(data.own);
  const formatDate = useFormatDate();
  const base = `/people/${data.serviceUserId}/decisions`;
  const name = data.displayName;
  return (
    <div className="grid-two-thirds">
      <p>
        <Link href={`/people/${data.serviceUserId}`}>{t("decisions:backToRecord")}</Link>
      </p>
      <h1 className="heading-xl">{data.pageTitle}</h1>
      <EasyReadLink href={`${base}/easy-read`} />
      {data.own ? (
        <>
          <p className="lead">{t("decisions:introOwn")}</p>
          <p>{t("decisions:introOwn2")}</p>
        </>
      ) : (
        <p className="lead">{t("decisions:introOther", { name: isolate(name) })}</p>
      )}

      <section aria-labelledby="support" className="section">
        <h2 className="heading-l" id="support">
          {tt("decisions:support.heading")}
        </h2>
        <p>{tt("decisions:support.intro")}</p>
        <ul className="list list--bullet">
          <li>
            {tt("decisions:support.information")}{" "}
            {data.own ? <Link href="/communication-needs">{t("decisions:support.informationLink")}</Link> : null}
            {data.canManage ? <Link href={`/people/${data.serviceUserId}/communication-needs`}>{tt("decisions:support.informationLink")}</Link> : null}
          </li>
          <li>{tt("decisions:support.time")}</li>
          <li>
            {tt("decisions:support.supporter")} <Link href="/advocacy">{t("decisions:support.advocacyLink")}</Link>
            {data.canAskInterpreter ? (
              <>
                {" · "}
                <Link href={`/people/${data.serviceUserId}/requests`}>{t("decisions:support.requestsLink")}</Link>
              </>
            ) : null}
          </li>
          <li>{tt("decisions:support.questions")}</li>
          <li>
            {tt("decisions:support.matters")} <Link href="#wishes">{tt("decisions:support.mattersLink")}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="wishes" className="section">
        <h2 className="heading-l" id="wishes">
          {tt("decisions:wishes.heading")}
        </h2>
        <p>{tt("decisions:wishes.explain")}</p>
        <p>{tt("decisions:wishes.explain2")}</p>
        {data.wishes ? (
          <>
            <TheirWords text={data.wishes.parts.body ?? ""} />
            <p className="hint">
              {t("decisions:written")} <FormattedDate iso={data.wishes.writtenAt} />
            </p>
            <EnteredByNote enteredBy={data.wishes.enteredBy} forName={name} />
          </>
        ) : (
          <p>{t("decisions:notYet")}</p>
        )}
        <p>
          <Link href={`${base}/wishes`}>{data.canWrite ? (data.wishes ? t("decisions:change") : tt("decisions:wishes.write")) : t("decisions:earlierVersions")}</Link>
        </p>
      </section>

      <section aria-labelledby="advance" className="section">
        <h2 className="heading-l" id="advance">
          {tt("decisions:advance.heading")}
        </h2>
        <p>{tt("decisions:advance.explain")}</p>
        {data.advance ? (
          <>
            <SummaryList
              rows={advanceParts
                .filter((part) => data.advance?.parts[part])
                .map((part) => ({ key: part, label: t(`decisions:advance.parts.${part}`), value: <span className="their-words">{data.advance?.parts[part]}</span> }))}
            />
            <p className="hint">
              {t("decisions:written")} <FormattedDate iso={data.advance.writtenAt} />
            </p>
            <EnteredByNote enteredBy={data.advance.enteredBy} forName={name} />
          </>
        ) : (
          <p>{t("decisions:notYet")}</p>
        )}
        <p>
          <Link href={`${base}/advance`}>{data.canWrite ? (data.advance ? t("decisions:change") : data.own ? t("decisions:advance.write") : t("decisions:advance.writeOther")) : t("decisions:earlierVersions")}</Link>
        </p>
        <h3 className="heading-m" id="adrt">
          {t("decisions:adrt.heading")}
        </h3>
        <p>{t("decisions:adrt.explain")}</p>
        <AdvanceDecisionFact fact={data.advanceDecision} />
        {data.canManage ? (
          <p>
            <Link href={`${base}/adrt`}>{t("decisions:adrt.record")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="consult" className="section">
        <h2 className="heading-l" id="consult">
          {tt("decisions:consult.heading")}
        </h2>
        <p>{tt("decisions:consult.explain")}</p>
        {data.consultees.length ? (
          <ul className="list">
            {data.consultees.map((c) => (
              <li key={c.id}>
                <h3 className="heading-s" dir="auto">
                  {c.name}
                </h3>
                <SummaryList
                  rows={[
                    { key: "relationship", label: t("decisions:consult.howTheyKnow"), value: c.relationship },
                    ...(c.contact ? [{ key: "contact", label: t("decisions:consult.contactRow"), value: c.contact }] : []),
                    {
                      key: "scopes",
                      label: t("decisions:consult.decisions"),
                      value: <Items items={[...c.scopes.map((s) => t(`decisions:consult.scope.${s}`)), ...(c.scopeOther ? [c.scopeOther] : [])]} />,
                    },
                  ]}
                />
                <EnteredByNote enteredBy={c.enteredBy} forName={name} />
                {data.canWrite ? (
                  <p>
                    <Link href={`${base}/consult/${c.id}/remove`}>{t("decisions:consult.remove", { name: isolate(c.name) })}</Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("decisions:consult.none")}</p>
        )}
        {data.canWrite ? (
          <p>
            <Link href={`${base}/consult/new`}>{t("decisions:consult.add")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="attorney" className="section">
        <h2 className="heading-l" id="attorney">
          {tt("decisions:attorney.heading")}
        </h2>
        <p>{tt("decisions:attorney.explainLpa")}</p>
        <p>{t("decisions:attorney.explainDeputy")}</p>
        <p>{tt("decisions:attorney.explainWhen")}</p>
        <p>{t("decisions:attorney.opgExplain")}</p>
        {data.attorney ? (
          <>
            {data.attorney.registrationChecked ? (
              <p>
                {t("decisions:attorney.checked", { date: formatDate(data.attorney.registrationChecked.on), name: isolate(data.attorney.registrationChecked.by ?? "") })}
              </p>
            ) : (
              <p className="warning-text">
                <strong>{t("decisions:attorney.notUsable")}</strong>
              </p>
            )}
            <SummaryList
              rows={[
                { key: "kind", label: t("decisions:attorney.kindRow"), value: t(`decisions:attorney.kinds.${data.attorney.kind}`) },
                { key: "names", label: t("decisions:attorney.namesRow"), value: <span className="their-words">{data.attorney.names}</span> },
                ...(data.attorney.covers ? [{ key: "covers", label: t("decisions:attorney.coversRow"), value: <span className="their-words">{data.attorney.covers}</span> }] : []),
                { key: "life", label: t("decisions:attorney.lifeRow"), value: t(`decisions:attorney.life.${data.attorney.lifeSustaining}`) },
                ...(data.attorney.opgReference ? [{ key: "reference", label: t("decisions:attorney.referenceRow"), value: data.attorney.opgReference }] : []),
              ]}
            />
            <EnteredByNote enteredBy={data.attorney.enteredBy} forName={name} />
          </>
        ) : (
          <p>{t("decisions:attorney.none")}</p>
        )}
        {data.canWrite ? (
          <p>
            <Link href={`${base}/attorney`}>{data.attorney ? t("decisions:attorney.change") : t("decisions:attorney.add")}</Link>
          </p>
        ) : null}
        {data.canWrite && data.attorney ? (
          <p>
            <Link href={`${base}/attorney-remove`}>{t("decisions:attorney.remove")}</Link>
          </p>
        ) : null}
        {data.canManage && data.attorney && !data.attorney.registrationChecked ? (
          <p>
            <Link href={`${base}/attorney-registered`}>{t("decisions:attorney.markChecked")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="nominated" className="section">
        <h2 className="heading-l" id="nominated">
          {tt("decisions:nominated.heading")}
        </h2>
        <p>{tt("decisions:nominated.explain")}</p>
        <p>{tt("decisions:nominated.explain2")}</p>
        {data.nominatedPerson ? (
          <>
            <SummaryList
              rows={[
                { key: "name", label: t("decisions:nominated.nameRow"), value: data.nominatedPerson.name },
                ...(data.nominatedPerson.contact ? [{ key: "contact", label: t("decisions:nominated.contactRow"), value: data.nominatedPerson.contact }] : []),
              ]}
            />
            <EnteredByNote enteredBy={data.nominatedPerson.enteredBy} forName={name} />
          </>
        ) : (
          <p>{t("decisions:nominated.none")}</p>
        )}
        {data.canWrite ? (
          <p>
            <Link href={`${base}/nominated-person`}>{data.nominatedPerson ? t("decisions:nominated.change") : t("decisions:nominated.add")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="best-interests" className="section">
        <h2 className="heading-l" id="best-interests">
          {tt("decisions:bestInterests.heading")}
        </h2>
        <p>{tt("decisions:bestInterests.explain")}</p>
        <p>{tt("decisions:bestInterests.explain2")}</p>
        {data.bestInterests.length ? (
          <ol className="list version-list">
            {data.bestInterests.map((b) => (
              <li key={b.id} className="best-interests">
                <h3 className="heading-s" dir="auto">
                  {b.decision}
                </h3>
                <BestInterestsDate iso={b.decidedOn} own={data.own} name={name} />
                <SummaryList
                  rows={[
                    { key: "consulted", label: t("decisions:bestInterests.consulted"), value: <span className="their-words">{b.consulted}</span> },
                    { key: "less", label: t("decisions:bestInterests.lessRestrictive"), value: <span className="their-words">{b.lessRestrictive}</span> },
                    { key: "outcome", label: t("decisions:bestInterests.outcome"), value: <span className="their-words">{b.outcome}</span> },
                    ...(b.recordedBy ? [{ key: "by", label: t("decisions:bestInterests.recordedBy"), value: b.recordedBy }] : []),
                  ]}
                />
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("decisions:bestInterests.none")}</p>
        )}
        {data.canManage ? (
          <p>
            <Link href={`${base}/best-interests/new`}>{t("decisions:bestInterests.add")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}

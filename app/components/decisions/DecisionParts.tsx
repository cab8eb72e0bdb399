import { useTranslation } from "react-i18next";
import { EnteredByNote, Explain, FormattedDate, SummaryList, TheirWords, useFormatDate } from "~/components/display/DisplayParts";
import { Link } from "~/components/ui/Link";
import { advanceParts } from "~/models/vocabulary/decisions";
import type { EnteredBy } from "~/models/entered-by.server";
import { isolate } from "~/utils/bidi";

/** Own-record wording ("you") or wording about the person ("them"): i18next context `_them`. */
export function useDecisionsT(own: boolean) {
  const { t } = useTranslation(["decisions", "common"]);
  return (key: string, values: Record<string, unknown> = {}) => t(key, own ? values : { ...values, context: "them" });
}

/** "On 3 March 2026 the team made this decision for you …": always one decision, at one time (MC-01). */
export function BestInterestsDate({ iso, own, name }: { iso: string; own: boolean; name: string }) {
  const { t } = useTranslation("decisions");
  const date = useFormatDate()(iso);
  return <p>{t(own ? "decisions:bestInterests.onDate" : "decisions:bestInterests.onDate_them", { date, name: isolate(name) })}</p>;
}

/** Whether staff have seen an advance decision to refuse treatment (MC-07). */
export function AdvanceDecisionFact({ fact }: { fact: { exists: boolean; whereKept: string; seenOn: string | null } | null }) {
  const { t } = useTranslation("decisions");
  if (!fact) return <p>{t("decisions:adrt.unknown")}</p>;
  if (!fact.exists) return <p>{t("decisions:adrt.none")}</p>;
  const rows = [
    ...(fact.whereKept ? [{ key: "where", label: t("decisions:adrt.whereKept"), value: fact.whereKept }] : []),
    ...(fact.seenOn ? [{ key: "seen", label: t("decisions:adrt.seenOn"), value: <FormattedDate iso={fact.seenOn} /> }] : []),
  ];
  return (
    <>
      <p>
        <strong>{t("decisions:adrt.exists")}</strong>
      </p>
      {rows.length ? <SummaryList rows={rows} /> : null}
    </>
  );
}

/** What the plan's older "wishes" part holds: written by staff in the plan. */
export interface PlanWishes {
  advanceStatement: string;
  advanceDecisionExists: boolean;
}

/** The person's own advance statement and the team's ADRT record, from "decisions about me". */
export interface DecisionsSummary {
  advance: { parts: Record<string, string>; writtenAt: string; enteredBy: EnteredBy } | null;
  advanceDecision: { exists: boolean; whereKept: string; seenOn: string | null } | null;
}

/**
 * One truth about advance statements on the plan and the crisis plan (MC-07, CP-09). It merges the
 * plan's older staff-written part with the person's own advance statement and the team's ADRT record:
 * the person's own statement comes first; the plan's text is shown (and said to be from the plan)
 * only alongside it or when there is nothing else. The ADRT record on "decisions about me" wins over
 * the plan's older yes or no, which is used only when the team has recorded nothing there.
 */
export function AdvanceSection({
  wishes,
  decisions,
  own,
  name,
  decisionsHref,
  editHref,
  variant,
}: {
  wishes: PlanWishes | null;
  decisions: DecisionsSummary | null;
  own: boolean;
  name: string;
  decisionsHref: string;
  editHref: string | null;
  variant: "plan" | "crisis";
}) {
  const { t } = useTranslation(["decisions", "plan"]);
  const tt = useDecisionsT(own);
  if (!wishes && !decisions) return null;
  const advance = decisions?.advance ?? null;
  const planText = wishes?.advanceStatement.trim() ? wishes.advanceStatement : "";
  const fact = decisions?.advanceDecision ?? (wishes ? { exists: wishes.advanceDecisionExists, whereKept: "", seenOn: null } : null);
  const subHeading = variant === "plan" ? "heading-m" : "heading-s";
  return (
    <section aria-labelledby="advance" className={variant === "plan" ? "section" : "crisis-plan__part"}>
      <h2 className={variant === "plan" ? "heading-l" : "heading-m"} id="advance">
        {t("decisions:planSection.heading")}
      </h2>
      <div className="no-print">
        <Explain term="advanceStatement" own={own} />
      </div>
      <h3 className={subHeading}>{tt("decisions:advance.heading")}</h3>
      {advance ? (
        <>
          <SummaryList
            rows={advanceParts
              .filter((p) => advance.parts[p])
              .map((p) => ({ key: p, label: t(`decisions:advance.parts.${p}`), value: <span className="their-words">{advance.parts[p]}</span> }))}
          />
          <p className="hint">
            {t("decisions:planSection.advanceWritten")} <FormattedDate iso={advance.writtenAt} />
          </p>
          <EnteredByNote enteredBy={advance.enteredBy} forName={name} />
          {planText ? (
            <>
              <p>{tt("decisions:planSection.alsoInPlan")}</p>
              <TheirWords text={planText} />
            </>
          ) : null}
        </>
      ) : planText ? (
        <>
          <TheirWords text={planText} />
          <p className="hint">{tt("decisions:planSection.fromPlan")}</p>
        </>
      ) : (
        <p>{tt("decisions:planSection.noAdvance")}</p>
      )}
      <h3 className={subHeading}>{t("decisions:adrt.heading")}</h3>
      <AdvanceDecisionFact fact={fact} />
      {decisions || editHref ? (
        <ul className="list no-print">
          {decisions ? (
            <li>
              <Link href={decisionsHref}>{t("decisions:planSection.link")}</Link>
            </li>
          ) : null}
          {editHref ? (
            <li>
              <Link href={editHref}>{t("plan:edit.link.wishes")}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}

interface ShownVersion {
  version: number;
  parts: Record<string, string>;
  writtenAt: string;
  enteredBy: EnteredBy;
}

/**
 * Under a statement (wishes, advance statement): when the current version was written and by whom,
 * then every earlier version, newest first, each shown by `show`.
 */
export function StatementHistory({
  versions,
  name,
  show,
}: {
  versions: ShownVersion[];
  name: string;
  show: (parts: Record<string, string>) => React.ReactNode;
}) {
  const { t } = useTranslation(["decisions"]);
  const [current, ...earlier] = versions;
  if (!current) return null;
  return (
    <>
      <p className="hint">
        {t("decisions:written")} <FormattedDate iso={current.writtenAt} />
      </p>
      <EnteredByNote enteredBy={current.enteredBy} forName={name} />
      {earlier.length ? (
        <section aria-labelledby="earlier" className="section">
          <h2 className="heading-l" id="earlier">
            {t("decisions:earlier")}
          </h2>
          <ol className="list version-list">
            {earlier.map((v) => (
              <li key={v.version}>
                <h3 className="heading-s">
                  {t("decisions:versionHeading", { version: v.version })}{t("common:comma")}<FormattedDate iso={v.writtenAt} />
                </h3>
                {show(v.parts)}
                <EnteredByNote enteredBy={v.enteredBy} forName={name} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

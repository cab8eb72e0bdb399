import { useTranslation } from "react-i18next";
import { EnteredByNote, FormattedDate, SummaryList } from "~/components/display/DisplayParts";
import { ProgressChart, type ChartScale } from "~/components/plan/ProgressChart";
import { ProgressTable } from "~/components/plan/PlanParts";
import type { EnteredBy } from "~/models/entered-by.server";
import { DIALOG_MAX, DIALOG_MIN, dialogAreas, type DialogArea } from "~/models/vocabulary/how-i-am-doing";

/** One time the person said how they were doing, as the pages get it. */
export interface DialogSetView {
  recordedAt: string;
  enteredBy: EnteredBy;
  answers: Partial<Record<DialogArea, { rating: number; moreHelp: boolean }>>;
}

const dialogScale: ChartScale = { min: DIALOG_MIN, max: DIALOG_MAX, ticks: [1, 4, 7] };

/** A point of the scale in words: "6 – Very happy with it". */
export function usePointText() {
  const { t } = useTranslation(["plan"]);
  return (rating: number) => t("plan:howIAmDoing.pointText", { rating, label: t(`plan:howIAmDoing.point.${rating}`) });
}

/** The answers of one time, area by area: for the check answers step and the latest. */
export function dialogRows(
  answers: DialogSetView["answers"],
  t: (key: string, values?: Record<string, unknown>) => string,
  pointText: (rating: number) => string,
) {
  return dialogAreas.map((area) => {
    const answer = answers[area];
    return {
      key: area,
      label: t(`plan:howIAmDoing.area.${area}`),
      value: answer ? (
        <>
          {pointText(answer.rating)}
          {answer.moreHelp ? (
            <>
              <br />
              <strong>{t("plan:howIAmDoing.wantsHelp")}</strong>
            </>
          ) : null}
        </>
      ) : (
        t("plan:howIAmDoing.notAnswered")
      ),
    };
  });
}

/** The latest time, with who entered it if it was not the person. */
export function DialogLatest({ set, forName }: { set: DialogSetView; forName: string }) {
  const { t } = useTranslation(["plan"]);
  const pointText = usePointText();
  return (
    <>
      <p>
        {t("plan:howIAmDoing.latestOn")} <FormattedDate iso={set.recordedAt} />
      </p>
      <EnteredByNote enteredBy={set.enteredBy} forName={forName} />
      <SummaryList rows={dialogRows(set.answers, t, pointText)} />
    </>
  );
}

/**
 * Each area over time: a chart drawn on the server (from two answers on) and the table of every
 * answer, newest first, which holds all the data. `headingLevel` fits the page it is on.
 */
export function DialogOverTime({ sets, forName, idPrefix = "dialog", charts = true }: { sets: readonly DialogSetView[]; forName: string; idPrefix?: string; charts?: boolean }) {
  const { t } = useTranslation(["plan"]);
  const pointText = usePointText();
  const latestFirst = [...sets].reverse();
  return (
    <>
      {dialogAreas.map((area) => {
        const name = t(`plan:howIAmDoing.area.${area}`);
        const points = sets.flatMap((s) => (s.answers[area] ? [{ rating: s.answers[area].rating, recordedAt: s.recordedAt }] : []));
        return (
          <section key={area} aria-labelledby={`${idPrefix}-${area}`} className="section">
            <h3 className="heading-m" id={`${idPrefix}-${area}`}>
              {name}
            </h3>
            {charts ? (
              <ProgressChart
                points={points}
                id={`${idPrefix}-${area}-chart`}
                scale={dialogScale}
                title={t("plan:howIAmDoing.chartTitle", { area: name })}
                summaryKey="plan:howIAmDoing.chartSummary"
              />
            ) : null}
            <ProgressTable
              caption={t("plan:howIAmDoing.tableCaption", { area: name })}
              ratingText={pointText}
              noteHeading={t("plan:howIAmDoing.helpHeading")}
              rows={latestFirst.flatMap((s) => {
                const answer = s.answers[area];
                if (!answer) return [];
                return [
                  {
                    at: s.recordedAt,
                    rating: answer.rating,
                    note: (
                      <>
                        {answer.moreHelp ? t("plan:howIAmDoing.wantsHelp") : t("plan:howIAmDoing.noHelp")}
                        <EnteredByNote enteredBy={s.enteredBy} forName={forName} />
                      </>
                    ),
                  },
                ];
              })}
            />
          </section>
        );
      })}
    </>
  );
}

import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/display/DisplayParts";
import { isolate } from "~/utils/bidi";
import { useReaderT } from "~/utils/use-reader";

/** "How the team will help": who, what and how often, one row each (the plan page and the readable copy). */
export function SupportTable({ support }: { support: readonly { who: string; what: string; howOften: string }[] }) {
  const { t } = useTranslation(["plan"]);
  return (
    <table className="table">
      <caption className="visually-hidden">{t("plan:section.support")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("plan:support.who")}</th>
          <th scope="col">{t("plan:support.what")}</th>
          <th scope="col">{t("plan:support.howOften")}</th>
        </tr>
      </thead>
      <tbody>
        {support.map((s, i) => (
          <tr key={i}>
            <td dir="auto">{s.who}</td>
            <td dir="auto">{s.what}</td>
            <td dir="auto">{s.howOften}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every rating (of a goal, or of one area of how the person is doing), newest first, as given: the note cell may carry who entered it. */
export function ProgressTable({
  rows,
  caption,
  ratingText,
  noteHeading,
}: {
  rows: readonly { at: string; rating: number; note: React.ReactNode }[];
  /** What the table is of; a goal's progress unless given. */
  caption?: string;
  /** A rating in words; "7 out of 10" unless given. */
  ratingText?: (rating: number) => string;
  noteHeading?: string;
}) {
  const { t } = useTranslation(["plan"]);
  return (
    <table className="table">
      <caption className="table__caption">{caption ?? t("plan:progress.tableCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("plan:progress.date")}</th>
          <th scope="col">{t("plan:progress.rating")}</th>
          <th scope="col">{noteHeading ?? t("plan:progress.note")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p, i) => (
          <tr key={i}>
            <td>
              <FormattedDate iso={p.at} />
            </td>
            <td>{ratingText ? ratingText(p.rating) : t("plan:progress.outOfTen", { rating: p.rating })}</td>
            <td>{p.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The children, dependants or pets named in the crisis plan, with who looks after them. */
export function DependantsList({ dependants }: { dependants: readonly { name: string; age: number | null; whoLooksAfter: string }[] }) {
  const { t } = useTranslation(["carers", "common"]);
  return (
    <ul className="list list--bullet">
      {dependants.map((d, i) => (
        <li key={i}>
          <bdi>{d.name}</bdi>
          {d.age !== null ? ` (${t("carers:family.age", { count: d.age })})` : null}
          {d.whoLooksAfter ? (
            <>
              {t("common:colon")}
              <bdi>{d.whoLooksAfter}</bdi>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export interface Transition {
  effectiveOn: string;
  kind: string;
  fromValue: string;
  toValue: string;
  reason: string;
}

/** Changes to the level of care and to the coordinator: when, what, and why, in the trust's word for the coordinator. */
export function TransitionList({ transitions, coordinator }: { transitions: readonly Transition[]; coordinator: "careCoordinator" | "keyWorker" }) {
  const { t } = useTranslation(["plan", "common"]);
  const { tw } = useReaderT();
  return (
    <ul className="list">
      {transitions.map((c, i) => (
        <li key={i}>
          <p>
            <FormattedDate iso={c.effectiveOn} />
            {t("common:colon")}
            {c.kind === "coordinator"
              ? c.fromValue
                ? tw(`plan:changes.coordinator.${coordinator}`, { from: isolate(c.fromValue), to: isolate(c.toValue) })
                : tw(`plan:changes.coordinatorFirst.${coordinator}`, { to: isolate(c.toValue) })
              : t("plan:changes.level", {
                  from: t(`common:planLevel.${c.fromValue}`),
                  to: t(`common:planLevel.${c.toValue}`),
                })}
          </p>
          <p className="hint">
            {t("plan:changes.why")} <span dir="auto">{c.reason}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}

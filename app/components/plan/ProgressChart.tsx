import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";
import { useFormatDate } from "~/components/display/DisplayParts";

export interface ProgressPoint {
  rating: number;
  recordedAt: string;
}

/** The rating scale: its lowest and highest values and the lines drawn across. */
export interface ChartScale {
  min: number;
  max: number;
  ticks: readonly number[];
}

/** A goal's progress: 0 to 10. */
const goalScale: ChartScale = { min: 0, max: 10, ticks: [0, 5, 10] };

/*
 * Drawn small, for a phone: 360 units wide with 16-unit labels, so at 320 px the labels are about
 * 13 px, and on a wide screen (the chart at most 30rem) about the size of the text around it.
 */
const WIDTH = 360;
const HEIGHT = 220;
const PAD = { top: 16, right: 12, bottom: 40, left: 36 };

/**
 * A rating over time (how a goal is going, 0 to 10; how happy the person is with one area of their
 * life, 1 to 7), drawn on the server as SVG (no chart library, nothing to download). The same data
 * is in the table beside it, which is the accessible alternative; the chart has a short text summary
 * for screen readers. Dates and numbers are in the page's language. `title` and `summaryKey` name
 * what is rated; the summary key is given count, from, to, first and latest.
 */
export function ProgressChart({
  points,
  id,
  scale = goalScale,
  title,
  summaryKey = "plan:progress.chartSummary",
}: {
  points: ProgressPoint[];
  id: string;
  scale?: ChartScale;
  title?: string;
  summaryKey?: string;
}) {
  const { t, i18n } = useTranslation("plan");
  const format = useFormatDate();
  const { number } = useFormat();
  // In a right-to-left language time runs from right to left, as the reader reads.
  const rtl = i18n.dir(i18n.language) === "rtl";
  if (points.length < 2) return null;
  const times = points.map((p) => new Date(p.recordedAt).getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, 1);
  const forwards = (time: number) => PAD.left + ((time - first) / span) * (WIDTH - PAD.left - PAD.right);
  const x = (time: number) => (rtl ? WIDTH - forwards(time) : forwards(time));
  // The rating scale sits on the side the reader starts from.
  const scaleX = rtl ? WIDTH - PAD.left + 8 : PAD.left - 8;
  const y = (rating: number) => PAD.top + (1 - (rating - scale.min) / (scale.max - scale.min)) * (HEIGHT - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i ? "L" : "M"}${x(times[i]!).toFixed(1)},${y(p.rating).toFixed(1)}`).join(" ");
  const latest = points[points.length - 1]!;
  const summary = t(summaryKey, {
    count: points.length,
    from: format(points[0]!.recordedAt),
    to: format(latest.recordedAt),
    first: points[0]!.rating,
    latest: latest.rating,
  });
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart__svg"
        // Positions are worked out here for either direction, so the SVG text itself stays left to right.
        direction="ltr"
        data-direction={rtl ? "rtl" : "ltr"}
      >
        <title id={`${id}-title`}>{title ?? t("plan:progress.chartTitle")}</title>
        <desc id={`${id}-desc`}>
          {summary}
        </desc>
        {scale.ticks.map((r) => (
          <g key={r}>
            <line x1={x(first)} x2={x(last)} y1={y(r)} y2={y(r)} className="chart__grid" />
            <text x={scaleX} y={y(r) + 5} textAnchor={rtl ? "start" : "end"} className="chart__label">
              {number(r)}
            </text>
          </g>
        ))}
        <text x={x(first)} y={HEIGHT - 10} textAnchor={rtl ? "end" : "start"} className="chart__label" data-edge="first">
          {format(points[0]!.recordedAt)}
        </text>
        <text x={x(last)} y={HEIGHT - 10} textAnchor={rtl ? "start" : "end"} className="chart__label" data-edge="last">
          {format(latest.recordedAt)}
        </text>
        <path d={path} className="chart__line" />
        {points.map((p, i) => (
          <circle key={i} cx={x(times[i]!)} cy={y(p.rating)} r={4} className="chart__point" />
        ))}
      </svg>
      <figcaption className="hint">
        {summary}
      </figcaption>
    </figure>
  );
}

import { useTranslation } from "react-i18next";
import { formatDate, formatList, formatNumber, formatTime } from "./locale-format";

/**
 * A date with its time, in the language's order and words (common:dateAtTime): "24 November 2026 at 10:00",
 * "24 نوفمبر 2026 الساعة 10:00 ص". Never a date and a time put side by side with an English comma.
 */
export function formatDateTime(t: (key: string, values: Record<string, string>) => string, iso: string, lng: string): string {
  return t("common:dateAtTime", { date: formatDate(iso, lng), time: formatTime(iso, lng) });
}

/** Numbers, dates, times and lists in the page's language, the same on the server and in the browser. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return {
    date: (iso: string) => formatDate(iso, lng),
    time: (iso: string) => formatTime(iso, lng),
    dateTime: (iso: string) => formatDateTime(t, iso, lng),
    number: (value: number) => formatNumber(value, lng),
    list: (items: readonly string[]) => formatList(items, lng),
  };
}

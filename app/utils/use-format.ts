import { useTranslation } from "react-i18next";
import { formatDate, formatList, formatNumber, formatTime } from "./locale-format";

/** Numbers, dates, times and lists in the page's language, the same on the server and in the browser. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return {
    date: (iso: string) => formatDate(iso, lng),
    time: (iso: string) => formatTime(iso, lng),
    number: (value: number) => formatNumber(value, lng),
    list: (items: readonly string[]) => formatList(items, lng),
  };
}

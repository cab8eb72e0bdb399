import { formatDate, londonParts } from "./locale-format";

/**
 * Days of the week, Monday first, and where the day goes beside the date, from CLDR as in Node's ICU
 * (app/utils/locale-format.test.ts checks them against Intl). Kept apart from locale-format, which
 * every page's JavaScript carries: only the pages that say a day (who looked at a record) load this.
 * Welsh and Polish are left out on purpose: in the sentences these dates sit in, the day's name needs a
 * mutation ("ar ddydd Iau") or a case ("w czwartek") that a pattern cannot give, so they get the date alone.
 */
const weekdays: Record<string, { days: readonly string[]; pattern: string }> = {
  "en-GB": {
    days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    pattern: "{weekday} {date}",
  },
  ro: {
    days: ["luni", "marți", "miercuri", "joi", "vineri", "sâmbătă", "duminică"],
    pattern: "{weekday}, {date}",
  },
  ar: {
    days: ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    pattern: "{weekday}، {date}",
  },
  ur: {
    days: ["پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار"],
    pattern: "{weekday}، {date}",
  },
  bn: {
    days: ["সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার"],
    pattern: "{weekday}, {date}",
  },
  pa: {
    days: ["ਸੋਮਵਾਰ", "ਮੰਗਲਵਾਰ", "ਬੁੱਧਵਾਰ", "ਵੀਰਵਾਰ", "ਸ਼ੁੱਕਰਵਾਰ", "ਸ਼ਨੀਵਾਰ", "ਐਤਵਾਰ"],
    pattern: "{weekday}, {date}",
  },
  so: {
    days: ["Isniin", "Talaado", "Arbaco", "Khamiis", "Jimco", "Sabti", "Axad"],
    pattern: "{weekday}, {date}",
  },
  "zh-Hans": {
    days: ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"],
    pattern: "{date}{weekday}",
  },
};

/**
 * A date with its day of the week ("Thursday 3 December 2026"), on England's calendar: where knowing the
 * day helps. British English leaves out CLDR's comma, as GOV.UK writes it.
 */
export function formatDateWithWeekday(iso: string, lng: string): string {
  const date = formatDate(iso, lng);
  const entry = weekdays[lng];
  if (!entry) return date;
  const { year, month, day } = londonParts(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
  // Monday is 0: the day of the week of that date on England's calendar.
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return entry.pattern.replace("{weekday}", entry.days[weekday]!).replace("{date}", date);
}

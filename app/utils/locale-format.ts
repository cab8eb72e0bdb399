/**
 * How each language writes numbers, dates, times and lists, taken from the Unicode CLDR data in
 * Node's ICU (tests/unit/locale-format.test.ts checks every entry still agrees with it).
 *
 * Why not call Intl in the page? Browsers ship only part of CLDR: Chromium has no Welsh, Punjabi or
 * Somali dates or lists, so the browser wrote "November 24, 2026" where the server wrote
 * "24 Tachwedd 2026", and React threw the server's page away. One table, used on both sides,
 * writes the same words everywhere, and works in old browsers without Intl.ListFormat.
 */
export interface LocaleFormat {
  /** The ten digits, 0 to 9. */
  digits: string;
  group: string;
  decimal: string;
  months: readonly string[];
  /** {day} {month} {year} in the language's order. */
  date: string;
  /** {hour}:{minute}, with {dayPeriod} where the language uses a 12-hour clock. */
  time: string;
  dayPeriods?: readonly string[];
  /** "a and b"; longer lists join all but the last with separator, then "{rest} and {last}". */
  list: { two: string; separator: string; last: string };
}

export const localeFormats: Record<string, LocaleFormat> = {
  "en-GB": {
    digits: "0123456789",
    group: ",",
    decimal: ".",
    months: [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ],
    date: "{day} {month} {year}",
    time: "{hour}:{minute}",
    list: {
      two: "{first} and {last}",
      separator: ", ",
      last: "{rest} and {last}",
    },
  },
  cy: {
    digits: "0123456789",
    group: ",",
    decimal: ".",
    months: [
      "Ionawr",
      "Chwefror",
      "Mawrth",
      "Ebrill",
      "Mai",
      "Mehefin",
      "Gorffennaf",
      "Awst",
      "Medi",
      "Hydref",
      "Tachwedd",
      "Rhagfyr",
    ],
    date: "{day} {month} {year}",
    time: "{hour}:{minute}",
    list: {
      two: "{first} a(c) {last}",
      separator: ", ",
      last: "{rest}, a(c) {last}",
    },
  },
  pl: {
    digits: "0123456789",
    group: " ",
    decimal: ",",
    months: [
      "stycznia",
      "lutego",
      "marca",
      "kwietnia",
      "maja",
      "czerwca",
      "lipca",
      "sierpnia",
      "września",
      "października",
      "listopada",
      "grudnia",
    ],
    date: "{day} {month} {year}",
    time: "{hour}:{minute}",
    list: {
      two: "{first} i {last}",
      separator: ", ",
      last: "{rest} i {last}",
    },
  },
  ro: {
    digits: "0123456789",
    group: ".",
    decimal: ",",
    months: [
      "ianuarie",
      "februarie",
      "martie",
      "aprilie",
      "mai",
      "iunie",
      "iulie",
      "august",
      "septembrie",
      "octombrie",
      "noiembrie",
      "decembrie",
    ],
    date: "{day} {month} {year}",
    time: "{hour}:{minute}",
    list: {
      two: "{first} și {last}",
      separator: ", ",
      last: "{rest} și {last}",
    },
  },
  pa: {
    digits: "0123456789",
    group: ",",
    decimal: ".",
    months: [
      "ਜਨਵਰੀ",
      "ਫ਼ਰਵਰੀ",
      "ਮਾਰਚ",
      "ਅਪ੍ਰੈਲ",
      "ਮਈ",
      "ਜੂਨ",
      "ਜੁਲਾਈ",
      "ਅਗਸਤ",
      "ਸਤੰਬਰ",
      "ਅਕਤੂਬਰ",
      "ਨਵੰਬਰ",
      "ਦਸੰਬਰ",
    ],
    date: "{day} {month} {year}",
    time: "{hour}:{minute} {dayPeriod}",
    dayPeriods: ["AM", "PM"],
    list: {
      two: "{first} ਅਤੇ {last}",
      separator: ", ",
      last: "{rest} ਅਤੇ {last}",
    },
  },
  ur: {
    digits: "0123456789",
    group: ",",
    decimal: ".",
    months: [
      "جنوری",
      "فروری",
      "مارچ",
      "اپریل",
      "مئی",
      "جون",
      "جولائی",
      "اگست",
      "ستمبر",
      "اکتوبر",
      "نومبر",
      "دسمبر",
    ],
    date: "{day} {month}، {year}",
    time: "{hour}:{minute} {dayPeriod}",
    dayPeriods: ["AM", "PM"],
    list: {
      two: "{first} اور {last}",
      separator: "، ",
      last: "{rest}، اور {last}",
    },
  },
  bn: {
    digits: "০১২৩৪৫৬৭৮৯",
    group: ",",
    decimal: ".",
    months: [
      "জানুয়ারি",
      "ফেব্রুয়ারি",
      "মার্চ",
      "এপ্রিল",
      "মে",
      "জুন",
      "জুলাই",
      "আগস্ট",
      "সেপ্টেম্বর",
      "অক্টোবর",
      "নভেম্বর",
      "ডিসেম্বর",
    ],
    date: "{day} {month}, {year}",
    time: "{hour}:{minute} {dayPeriod}",
    dayPeriods: ["AM", "PM"],
    list: {
      two: "{first} এবং {last}",
      separator: ", ",
      last: "{rest} এবং {last}",
    },
  },
  ar: {
    digits: "0123456789",
    group: ",",
    decimal: ".",
    months: [
      "يناير",
      "فبراير",
      "مارس",
      "أبريل",
      "مايو",
      "يونيو",
      "يوليو",
      "أغسطس",
      "سبتمبر",
      "أكتوبر",
      "نوفمبر",
      "ديسمبر",
    ],
    date: "{day} {month} {year}",
    time: "{hour}:{minute} {dayPeriod}",
    dayPeriods: ["ص", "م"],
    list: {
      two: "{first} و{last}",
      separator: " و",
      last: "{rest} و{last}",
    },
  },
  so: {
    digits: "0123456789",
    group: ",",
    decimal: ".",
    months: [
      "Janaayo",
      "Febraayo",
      "Maarso",
      "Abriil",
      "Maayo",
      "Juun",
      "Luulyo",
      "Agosto",
      "Sebtembar",
      "Oktoobar",
      "Noofeembar",
      "Diseembar",
    ],
    date: "{month} {day}, {year}",
    time: "{hour}:{minute} {dayPeriod}",
    dayPeriods: ["GH", "GD"],
    list: {
      two: "{first} iyo {last}",
      separator: ", ",
      last: "{rest} iyo {last}",
    },
  },
  "zh-Hans": {
    digits: "0123456789",
    group: ",",
    decimal: ".",
    months: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
    date: "{year}年{month}月{day}日",
    time: "{hour}:{minute}",
    list: {
      two: "{first}和{last}",
      separator: "、",
      last: "{rest}和{last}",
    },
  },
};

export function localeFormat(lng: string): LocaleFormat {
  return localeFormats[lng] ?? localeFormats["en-GB"]!;
}

function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function digitsOf(text: string, f: LocaleFormat): string {
  return f.digits === "0123456789" ? text : text.replace(/[0-9]/g, (d) => f.digits[Number(d)]!);
}

/** A number in the language's digits and separators: 7, ৭, 2,5. Whole numbers and tenths, not below zero. */
export function formatNumber(value: number, lng: string, { grouping = true }: { grouping?: boolean } = {}): string {
  const f = localeFormat(lng);
  const [whole = "0", fraction] = Math.abs(Math.round(value * 10) / 10).toString().split(".");
  // CLDR does not group four-digit numbers in Polish (1234, 12 345): only group from five digits there.
  const minimumGrouping = lng === "pl" ? 5 : 4;
  const grouped =
    grouping && f.group && whole.length >= minimumGrouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u0000") : whole;
  const text = (value < 0 ? "-" : "") + grouped + (fraction ? `\u0001${fraction}` : "");
  return digitsOf(text, f).replace(/\u0000/g, f.group).replace(/\u0001/g, f.decimal);
}

let londonClock: Intl.DateTimeFormat | undefined;

/** Year, month and day of a moment on the clocks in England. */
export function londonParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  // Made once: a new DateTimeFormat costs far more than a format (a plan page formats dozens of dates).
  londonClock ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  });
  const parts = londonClock.formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

/** The instant a UK calendar date ("2026-03-29") begins, summer time or not. */
export function londonDayStart(isoDay: string): Date {
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // London is on UTC or an hour ahead: at UTC midnight it is already 01:00 there in summer.
  return new Date(utcMidnight - londonParts(new Date(utcMidnight)).hour * 60 * 60 * 1000);
}

/** The UK calendar date ("2026-03-29") `days` after the UK date of `at`. */
export function londonDate(at: Date, days = 0): string {
  const { year, month, day } = londonParts(at);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** A date in words ("24 November 2026", "24 Tachwedd 2026"), never as numbers alone. */
export function formatDate(iso: string, lng: string): string {
  const f = localeFormat(lng);
  // A date alone ("2026-11-24") is that day in England whatever the reader's clock says.
  const { year, month, day } = londonParts(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
  return fill(f.date, {
    day: formatNumber(day, lng),
    month: f.months[month - 1]!,
    year: formatNumber(year, lng, { grouping: false }),
  });
}

/** A time on the clocks in England, in the language's clock (10:00, 09:05 AM). */
export function formatTime(iso: string, lng: string): string {
  const f = localeFormat(lng);
  const { hour, minute } = londonParts(new Date(iso));
  const twelve = f.dayPeriods ? ((hour + 11) % 12) + 1 : hour;
  const two = (n: number) => formatNumber(n, lng).padStart(2, formatNumber(0, lng));
  return fill(f.time, {
    hour: two(twelve),
    minute: two(minute),
    dayPeriod: f.dayPeriods ? f.dayPeriods[hour < 12 ? 0 : 1]! : "",
  });
}

/** "a, b and c" in the language's own way of joining a list. */
export function formatList(items: readonly string[], lng: string): string {
  const f = localeFormat(lng);
  if (items.length === 0) return "";
  if (items.length === 1) return items[0]!;
  if (items.length === 2) return fill(f.list.two, { first: items[0]!, last: items[1]! });
  return fill(f.list.last, { rest: items.slice(0, -1).join(f.list.separator), last: items[items.length - 1]! });
}

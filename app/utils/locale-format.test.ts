import { describe, expect, it } from "vitest";
import { formatDateWithWeekday } from "./locale-weekdays";
import { languages } from "~/i18n";
import { formatDate, formatList, formatNumber, formatTime, localeFormats, londonDate, londonDayStart } from "./locale-format";

// Node carries the whole of CLDR; our table must say what CLDR says, so the browser, which may not
// carry a language, still writes it the same way. (In times, a narrow no-break space reads as a space: CLDR uses both in Somali.)
const codes = languages.map((l) => l.code);

describe("the locale table agrees with CLDR", () => {
  it("has an entry for every language we offer, and no others", () => {
    expect(Object.keys(localeFormats).sort()).toEqual([...codes].sort());
  });

  describe.each(codes)("%s", (lng) => {
    it("writes numbers as Intl does", () => {
      const intl = new Intl.NumberFormat(lng, { maximumFractionDigits: 1 });
      for (const n of [0, 1, 2, 7, 10, 12, 99, 100, 365, 1234, 12345, 2.5, 7.3]) {
        expect(formatNumber(n, lng), String(n)).toBe(intl.format(n));
      }
    });

    it("writes every month's dates as Intl does, on England's calendar", () => {
      const intl = new Intl.DateTimeFormat(lng, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 9, 28]) {
          const iso = `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          expect(formatDate(iso, lng), iso).toBe(intl.format(new Date(`${iso}T12:00:00Z`)));
        }
      }
      // Just after midnight in British Summer Time is still the same day in England, not the day before.
      expect(formatDate("2026-06-30T23:30:00Z", lng)).toBe(intl.format(new Date("2026-07-01T09:00:00Z")));
    });

    it("writes dates with the day of the week as Intl does (British English without CLDR's comma, as GOV.UK does; none in Welsh and Polish)", () => {
      const intl = new Intl.DateTimeFormat(lng, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
      // Every day of one week, a day in summer time, and 23:30 on 30 June in UTC, already 1 July in England.
      const moments = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06", "2026-07-15T10:00:00Z", "2026-06-30T23:30:00Z"];
      for (const iso of moments) {
        const expected = intl.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
        // Welsh and Polish leave the day's name out (its grammar depends on the sentence): the date as formatDate writes it.
        const want = lng === "en-GB" ? expected.replace(", ", " ") : lng === "cy" || lng === "pl" ? formatDate(iso, lng) : expected;
        expect(formatDateWithWeekday(iso, lng), iso).toBe(want);
      }
    });

    it("writes times as Intl does, on England's clocks", () => {
      const intl = new Intl.DateTimeFormat(lng, { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
      for (const iso of ["2026-11-24T00:05:00Z", "2026-11-24T09:05:00Z", "2026-11-24T12:00:00Z", "2026-11-24T15:45:00Z", "2026-07-01T22:30:00Z"]) {
        expect(formatTime(iso, lng), iso).toBe(intl.format(new Date(iso)).replace(/\u202f/g, " "));
      }
    });

    it("joins lists as Intl does", () => {
      const intl = new Intl.ListFormat(lng, { type: "conjunction" });
      for (const items of [[], ["un"], ["un", "dau"], ["un", "dau", "tri"], ["un", "dau", "tri", "pedwar", "pump"]]) {
        expect(formatList(items, lng), items.join("|")).toBe(intl.format(items));
      }
    });
  });
});

describe("formatting", () => {
  it("uses Bengali digits in Bengali and Western digits in Arabic, as CLDR does", () => {
    expect(formatNumber(7, "bn")).toBe("৭");
    expect(formatDate("2026-11-24", "bn")).toBe("২৪ নভেম্বর, ২০২৬");
    expect(formatNumber(7, "ar")).toBe("7");
  });

  it("falls back to British English for a language it does not know", () => {
    expect(formatDate("2026-11-24", "xx")).toBe("24 November 2026");
  });

  it("never reads a value as part of the pattern", () => {
    expect(formatList(["{rest}", "{last}", "b"], "en-GB")).toBe("{rest}, {last} and b");
  });
});

describe("UK calendar dates", () => {
  it("a UK day begins at midnight in London, in winter, in summer and on the days the clocks change", () => {
    expect(londonDayStart("2026-01-15").toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(londonDayStart("2026-06-15").toISOString()).toBe("2026-06-14T23:00:00.000Z");
    expect(londonDayStart("2026-03-29").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(londonDayStart("2026-10-25").toISOString()).toBe("2026-10-24T23:00:00.000Z");
  });

  it("tomorrow is counted from the date in London, not in UTC", () => {
    // 23:30 UTC on 14 June is 00:30 on 15 June in London.
    expect(londonDate(new Date("2026-06-14T23:30:00Z"), 1)).toBe("2026-06-16");
    expect(londonDate(new Date("2026-01-14T23:30:00Z"), 1)).toBe("2026-01-15");
    expect(londonDate(new Date("2026-12-31T12:00:00Z"), 1)).toBe("2027-01-01");
  });
});

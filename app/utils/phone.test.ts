import { describe, expect, it } from "vitest";
import { splitPhoneNumbers, telHref, ukMobile } from "./phone";

const phones = (text: string) => splitPhoneNumbers(text).filter((p) => p.kind === "phone");

describe("phone numbers in someone's own words", () => {
  it("finds each number, shown as typed, with a normalised tel: address", () => {
    expect(phones("Community mental health team, 9am to 5pm, Monday to Friday: 01632 960000")).toEqual([
      { kind: "phone", text: "01632 960000", href: "tel:01632960000" },
    ]);
    expect(phones("Ring +44 (0)1632 960-000 or 0800 123 4567.")).toEqual([
      { kind: "phone", text: "+44 (0)1632 960-000", href: "tel:+441632960000" },
      { kind: "phone", text: "0800 123 4567", href: "tel:08001234567" },
    ]);
    expect(phones("If it is an emergency, call 999. Samaritans: 116 123")).toEqual([
      { kind: "phone", text: "999", href: "tel:999" },
      { kind: "phone", text: "116 123", href: "tel:116123" },
    ]);
  });

  it("reads digits typed in other scripts", () => {
    expect(telHref("٠١٦٣٢ ٩٦٠٠٠٠")).toBe("tel:01632960000");
    expect(phones("رقم الفريق: ٠١٦٣٢ ٩٦٠٠٠٠")).toEqual([{ kind: "phone", text: "٠١٦٣٢ ٩٦٠٠٠٠", href: "tel:01632960000" }]);
  });

  it("leaves times, years, dates and codes alone, and keeps every character", () => {
    const text = "Since 2026, on Thursdays 10am to 4pm (room 12), ref AB1234567. Through Jo or the team office";
    expect(phones(text)).toEqual([]);
    const mixed = "Jo (01632 960000), or the office.";
    expect(splitPhoneNumbers(mixed).map((p) => p.text).join("")).toBe(mixed);
    expect(phones(mixed)).toEqual([{ kind: "phone", text: "01632 960000", href: "tel:01632960000" }]);
  });
});

describe("ukMobile", () => {
  it.each([
    ["07700 900123", "+447700900123"],
    ["+44 7700 900123", "+447700900123"],
    ["0044 7700-900123", "+447700900123"],
    ["+44 (0)7700 900123", "+447700900123"],
    ["447700900123", "+447700900123"],
    ["٠٧٧٠٠٩٠٠١٢٣", "+447700900123"],
    ["07624 123456", "+447624123456"],
  ])("reads %s as %s", (typed, e164) => {
    expect(ukMobile(typed)).toBe(e164);
  });

  it.each(["01632 960000", "0800 123 4567", "07700 90012", "07700 9001234", "07000 123456", "07600 123456", "+33 6 12 34 56 78", "call 07700 900123", ""])(
    "refuses %s",
    (typed) => {
      expect(ukMobile(typed)).toBeNull();
    },
  );
});

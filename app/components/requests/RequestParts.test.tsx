import { describe, expect, it } from "vitest";
import { serverHtml } from "../../../tests/support/server-html";
import type { LanguageCode } from "~/i18n";
import { AppointmentTime, useInterpreterRows, useRequestSummary, type AskedRequest } from "./RequestParts";

const html = (...args: Parameters<typeof serverHtml>) => serverHtml(...args).replace(/<!-- -->/g, "");
const words = (markup: string) => markup.replace(/<[^>]+>/g, "");

function Summary({ request }: { request: AskedRequest }) {
  return <>{useRequestSummary()(request)}</>;
}

function ModeRow({ details }: { details: Parameters<ReturnType<typeof useInterpreterRows>>[0] }) {
  return <>{useInterpreterRows()(details, null).find((r) => r.key === "mode")?.value}</>;
}

// 14:30 on 3 February 2099 in London (winter: UTC).
const at = "2099-02-03T14:30:00.000Z";

describe("an appointment's date and time", () => {
  it("reads as a date at a time, in one <time> with the whole moment", () => {
    const markup = html(<AppointmentTime iso={at} />);
    expect(words(markup)).toBe("3 February 2099 at 14:30");
    expect(markup).toBe(`<time dateTime="${at}">3 February 2099 at 14:30</time>`);
  });

  it("in Arabic and Chinese, in each language's words and order, with no English comma", () => {
    expect(words(html(<AppointmentTime iso={at} />, "ar"))).toBe("3 فبراير 2099 الساعة 02:30 م");
    expect(words(html(<AppointmentTime iso={at} />, "zh-Hans"))).toBe("2099年2月3日 14:30");
    expect(words(html(<AppointmentTime iso={at} />, "cy"))).toBe("3 Chwefror 2099 am 14:30");
  });
});

describe("what was asked, in words", () => {
  const bsl = { kind: "interpreter", details: { need: "bsl", language: null, mode: "face_to_face" } };

  it("says the interpreter and how they come, joined by the language's own comma", () => {
    expect(words(html(<Summary request={bsl} />))).toBe("British Sign Language interpreter, face to face");
    expect(words(html(<Summary request={bsl} />, "ar"))).toBe("مترجم لغة الإشارة البريطانية، وجهًا لوجه");
    expect(words(html(<Summary request={bsl} />, "zh-Hans"))).toBe("英国手语（BSL）口译员，面对面");
  });

  it("has no comma at all when how they come is on a line of its own", () => {
    expect(words(html(<Summary request={{ ...bsl, details: { ...bsl.details, mode: null } }} />, "ar"))).toBe("مترجم لغة الإشارة البريطانية");
  });
});

describe("how the interpreter comes, said after the interpreter", () => {
  const by = (mode: string, lng: LanguageCode = "en-GB") =>
    words(html(<Summary request={{ kind: "interpreter", details: { need: "bsl", language: null, mode } }} />, lng));

  it("is in small letters mid-phrase, in English and in other languages with capitals", () => {
    expect(by("video")).toBe("British Sign Language interpreter, video call");
    expect(by("phone")).toBe("British Sign Language interpreter, phone call");
    expect(by("face_to_face", "cy")).toMatch(/, wyneb yn wyneb$/);
    expect(by("face_to_face", "pl")).toMatch(/, osobiście$/);
  });

  it("keeps its capital as the answer on its own in the request's details", () => {
    const details = { need: "bsl", language: null, mode: "face_to_face", gender: null, dialect: "", notSomeoneIKnow: false, appointment: "Review" };
    expect(words(html(<ModeRow details={details} />))).toBe("Face to face");
  });
});

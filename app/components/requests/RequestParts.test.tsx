import { describe, expect, it } from "vitest";
import { serverHtml } from "../../../tests/support/server-html";
import { AppointmentTime, useRequestSummary, type AskedRequest } from "./RequestParts";

const html = (...args: Parameters<typeof serverHtml>) => serverHtml(...args).replace(/<!-- -->/g, "");
const words = (markup: string) => markup.replace(/<[^>]+>/g, "");

function Summary({ request }: { request: AskedRequest }) {
  return <>{useRequestSummary()(request)}</>;
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
    expect(words(html(<Summary request={bsl} />))).toBe("British Sign Language interpreter, Face to face");
    expect(words(html(<Summary request={bsl} />, "ar"))).toBe("مترجم لغة الإشارة البريطانية، وجهًا لوجه");
    expect(words(html(<Summary request={bsl} />, "zh-Hans"))).toBe("英国手语（BSL）口译员，面对面");
  });

  it("has no comma at all when how they come is on a line of its own", () => {
    expect(words(html(<Summary request={{ ...bsl, details: { ...bsl.details, mode: null } }} />, "ar"))).toBe("مترجم لغة الإشارة البريطانية");
  });
});

import { describe, expect, it } from "vitest";
import type { LanguageCode } from "~/i18n";
import { serverHtml, words } from "../../../tests/support/server-html";
import { AppointmentSummary, type AppointmentShown } from "./AppointmentParts";


const appointment: AppointmentShown = {
  id: "a1",
  kind: "review",
  startsAt: "2099-02-03T14:30:00.000Z",
  mode: "in_person",
  place: "Riverside Clinic",
  withWhom: "Dr Patel",
  purpose: "Review",
  cancelledAt: null,
  cancelledReason: "",
};

/** The "How" row: the way they meet and, in person, where. */
const how = (lng: LanguageCode) => words(/<dd[^>]*>((?:(?!<\/dd>).)*Riverside Clinic(?:(?!<\/dd>).)*)<\/dd>/.exec(serverHtml(<AppointmentSummary appointment={appointment} />, lng))?.[1] ?? "");

describe("where an in-person appointment is", () => {
  it("in English, after an English colon", () => {
    expect(how("en-GB")).toBe("In person: Riverside Clinic");
  });

  it("in Chinese, after the full-width colon", () => {
    expect(how("zh-Hans")).toBe("当面：Riverside Clinic");
  });
});

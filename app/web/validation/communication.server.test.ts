import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { communicationNeedsSchema } from "./communication.server";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
  return data;
}

describe("communication needs form", () => {
  it("nothing ticked is a fine answer: no needs", () => {
    const result = parseWithZod(form({}), { schema: communicationNeedsSchema });
    expect(result.status === "success" && result.value).toMatchObject({ noNeeds: true, languages: [], support: [] });
  });

  it("keeps needs and languages, the first language preferred", () => {
    const result = parseWithZod(
      form({
        support: ["bsl_interpreter", "more_time"],
        formats: "large_print",
        "languages[0].code": "bfi",
        "languages[0].modes": "signed",
        "languages[0].interpreterNeeded": "yes",
        "languages[1].code": "en",
        "languages[1].modes": ["written"],
        "languages[1].interpreterNeeded": "no",
      }),
      { schema: communicationNeedsSchema },
    );
    expect(result.status === "success" && result.value).toMatchObject({
      noNeeds: false,
      support: ["bsl_interpreter", "more_time"],
      formats: ["large_print"],
      languages: [
        { code: "bfi", preferred: true, modes: ["signed"], interpreterNeeded: true },
        { code: "en", preferred: false, modes: ["written"], interpreterNeeded: false },
      ],
    });
  });

  it("records how well the person knows each language, when they say (AD-04, issue 12); not said stays not said", () => {
    const result = parseWithZod(
      form({ "languages[0].code": "pl", "languages[0].proficiency": "good", "languages[1].code": "en" }),
      { schema: communicationNeedsSchema },
    );
    expect(result.status === "success" && result.value.languages).toEqual([
      { code: "pl", preferred: true, modes: [], interpreterNeeded: false, proficiency: "good" },
      { code: "en", preferred: false, modes: [], interpreterNeeded: false, proficiency: null },
    ]);
    expect(parseWithZod(form({ "languages[0].code": "pl", "languages[0].proficiency": "fluent-ish" }), { schema: communicationNeedsSchema }).reply().error).toEqual({
      "languages[0].proficiency": ["validation:communication.choose"],
    });
    expect(parseWithZod(form({ "languages[0].proficiency": "poor" }), { schema: communicationNeedsSchema }).reply().error).toEqual({
      "languages[0].code": ['validation:communication.whichLanguage|{"number":1}'],
    });
  });

  it("refuses an unknown language code, and asks which language when only the details are given", () => {
    const error = parseWithZod(
      form({ "languages[0].code": "xx-Fake", "languages[1].modes": "spoken" }),
      { schema: communicationNeedsSchema },
    ).reply().error;
    expect(error).toEqual({
      "languages[0].code": ['validation:communication.unknownLanguage|{"number":1}'],
      "languages[1].code": ['validation:communication.whichLanguage|{"number":2}'],
    });
  });

  it("refuses a need that is not on the list, and text that is far too long", () => {
    const error = parseWithZod(form({ support: "telepathy", other: "x".repeat(10_000) }), { schema: communicationNeedsSchema }).reply().error;
    expect(error?.["support[0]"]).toEqual(["validation:communication.choose"]);
    expect(error?.other).toEqual(["validation:communication.tooLong2000"]);
  });
});

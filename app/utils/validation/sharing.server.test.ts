import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { carerMessageSchema, dependantSchema, inviteCarerSchema, needsPartSchema, sharingSchema } from "./sharing.server";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
  return data;
}

describe("what a person shares", () => {
  it("nothing ticked is allowed: it means share nothing", () => {
    const result = parseWithZod(form({}), { schema: sharingSchema });
    expect(result.status === "success" && result.value).toEqual({ scopes: [], endsOn: null });
  });

  it("keeps the chosen parts and an end date", () => {
    const result = parseWithZod(
      form({ scopes: ["plan.crisis", "goals.read"], "endsOn.day": "31", "endsOn.month": "3", "endsOn.year": "2099" }),
      { schema: sharingSchema },
    );
    expect(result.status === "success" && result.value).toEqual({ scopes: ["plan.crisis", "goals.read"], endsOn: "2099-03-31" });
  });

  it("refuses an end date in the past, and a part that is not on the list", () => {
    const error = parseWithZod(form({ scopes: ["audit.read"], "endsOn.day": "1", "endsOn.month": "1", "endsOn.year": "2020" }), {
      schema: sharingSchema,
    }).reply().error;
    expect(error?.endsOn).toEqual(["validation:sharing.endsOn.past"]);
    expect(error?.["scopes[0]"]).toEqual(["validation:sharing.scopes"]);
  });

  it("an invitation needs a name and a real email address", () => {
    const error = parseWithZod(form({ displayName: "", email: "not-an-email" }), { schema: inviteCarerSchema }).reply().error;
    expect(error).toMatchObject({ displayName: ["validation:name.required"], email: ["validation:email.invalid"] });
  });
});

describe("what carers write", () => {
  it("a 50,000-character message is refused with a clear message", () => {
    const error = parseWithZod(form({ body: "x".repeat(50_000) }), { schema: carerMessageSchema }).reply().error;
    expect(error?.body).toEqual(["validation:carerMessage.tooLong"]);
    expect(parseWithZod(form({ body: "   " }), { schema: carerMessageSchema }).reply().error?.body).toEqual(["validation:carerMessage.required"]);
  });

  it("a needs part takes only its own questions and answers from the list", () => {
    const ok = parseWithZod(form({ whatIDo: "Cooking", hours: "20_to_34", other: "ignored" }), { schema: needsPartSchema("caring") });
    expect(ok.status === "success" && ok.value).toEqual({ whatIDo: "Cooking", hours: "20_to_34", liveTogether: "" });
    const bad = parseWithZod(form({ hours: "a lot" }), { schema: needsPartSchema("caring") }).reply().error;
    expect(bad?.hours).toEqual(["validation:carerNeeds.choose"]);
  });

  it("a dependant needs a name; the age is a number if given", () => {
    const error = parseWithZod(form({ name: "", age: "seven", livesWithMe: "yes" }), { schema: dependantSchema }).reply().error;
    expect(error).toMatchObject({ name: ["validation:dependant.name"], age: ["validation:dependant.age"] });
    const ok = parseWithZod(form({ name: "J", age: "7", livesWithMe: "no" }), { schema: dependantSchema });
    expect(ok.status === "success" && ok.value).toEqual({ name: "J", age: 7, livesWithMe: false, whoLooksAfter: "" });
  });
});

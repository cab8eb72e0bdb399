import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { carerMessageSchema, dependantSchema, inviteCarerSchema, needsPartSchema, sharingSchema, actingConsentSchema, actingOnBehalfSchema } from "./sharing.server";

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

describe("acting on behalf", () => {
  const today = () => new Date("2026-11-24T12:00:00Z");
  const fd = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    return data;
  };
  const good = {
    relationshipId: "7d1a3c4e-2b5f-4a6d-8e9f-0a1b2c3d4e5f",
    basis: "best_interests",
    decision: "Asking for an IMHA",
    "endsOn.day": "31",
    "endsOn.month": "3",
    "endsOn.year": "2027",
  };

  it("takes who, the legal basis, the decision and an end date", () => {
    const result = parseWithZod(fd(good), { schema: actingOnBehalfSchema(today) });
    expect(result.status === "success" && result.value).toEqual({ ...{ relationshipId: good.relationshipId, basis: "best_interests", decision: "Asking for an IMHA" }, endsOn: "2027-03-31" });
  });

  it("never open-ended, never in the past, never without a decision or a basis from the list", () => {
    const result = parseWithZod(fd({ ...good, basis: "because", decision: " ", "endsOn.year": "2025" }), { schema: actingOnBehalfSchema(today) });
    expect(result.status === "error" && result.reply().error).toMatchObject({
      basis: ["validation:acting.basis"],
      decision: ["validation:acting.decision"],
      endsOn: ["validation:acting.endsOn.past"],
    });
    const none = parseWithZod(fd({ relationshipId: "x" }), { schema: actingOnBehalfSchema(today) });
    expect(none.status === "error" && none.reply().error).toMatchObject({ relationshipId: ["validation:acting.who"], endsOn: ["validation:acting.endsOn.required"] });
  });

  it("the person's own choice is yes or no", () => {
    expect(parseWithZod(fd({ act: "maybe" }), { schema: actingConsentSchema }).status).toBe("error");
    expect(parseWithZod(fd({ act: "no" }), { schema: actingConsentSchema }).status).toBe("success");
  });
});

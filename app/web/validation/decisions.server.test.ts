import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import {
  advanceDecisionSchema,
  advanceStatementSchema,
  attorneyRegisteredSchema,
  attorneySchema,
  bestInterestsSchema,
  consulteeSchema,
  nominatedPersonSchema,
  wishesSchema,
} from "./decisions.server";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}
const today = () => new Date("2026-11-24T12:00:00Z");
const errors = (fields: Record<string, string | string[]>, schema: Parameters<typeof parseWithZod>[1]["schema"]) => parseWithZod(form(fields), { schema }).reply().error;

describe("my wishes and advance statement", () => {
  it("needs some words, and no more than 5,000 characters", () => {
    expect(errors({ body: "  " }, wishesSchema)?.body).toEqual(["validation:decisions.wishes.required"]);
    expect(errors({ body: "x".repeat(5001) }, wishesSchema)?.body).toEqual(["validation:decisions.tooLong5000"]);
    const ok = parseWithZod(form({ body: " Music and my faith matter to me. " }), { schema: wishesSchema });
    expect(ok.status === "success" && ok.value).toEqual({ body: "Music and my faith matter to me." });
  });

  it("an advance statement needs at least one part filled in", () => {
    expect(errors({}, advanceStatementSchema)?.wanted).toEqual(["validation:decisions.advance.empty"]);
    expect(errors({ practical: "x".repeat(3001) }, advanceStatementSchema)?.practical).toEqual(["validation:decisions.tooLong3000"]);
    const ok = parseWithZod(form({ practical: "Ask Alex to feed the cat" }), { schema: advanceStatementSchema });
    expect(ok.status === "success" && ok.value).toEqual({ wanted: "", notWanted: "", contact: "", practical: "Ask Alex to feed the cat" });
  });
});

describe("people to consult", () => {
  it("needs a name, how they know me and which decisions; refuses a choice not on the list", () => {
    const e = errors({ name: "", relationship: "", scopes: [] }, consulteeSchema);
    expect(e?.name).toEqual(["validation:decisions.consultee.name"]);
    expect(e?.relationship).toEqual(["validation:decisions.consultee.relationship"]);
    expect(errors({ name: "Alex", relationship: "Brother" }, consulteeSchema)?.scopes).toEqual(["validation:decisions.consultee.scopeRequired"]);
    expect(errors({ name: "Alex", relationship: "Brother", scopes: ["anything_goes"] }, consulteeSchema)?.["scopes[0]"]).toEqual(["validation:decisions.consultee.scope"]);
    expect(errors({ name: "A".repeat(201), relationship: "Brother", scopes: "money" }, consulteeSchema)?.name).toEqual(["validation:decisions.tooLong200"]);
  });

  it("own words alone are enough for which decisions", () => {
    const ok = parseWithZod(form({ name: "Alex", relationship: "Brother", scopeOther: "Anything about my cat" }), { schema: consulteeSchema });
    expect(ok.status === "success" && ok.value).toEqual({ name: "Alex", relationship: "Brother", contact: "", scopes: [], scopeOther: "Anything about my cat" });
  });
});

describe("attorney or deputy", () => {
  it("needs the kind, the names and an answer about life-sustaining treatment", () => {
    const e = errors({ kind: "friend", names: "", lifeSustaining: "maybe" }, attorneySchema);
    expect(e?.kind).toEqual(["validation:decisions.attorney.kind"]);
    expect(e?.names).toEqual(["validation:decisions.attorney.names"]);
    expect(e?.lifeSustaining).toEqual(["validation:decisions.attorney.lifeSustaining"]);
    expect(errors({ kind: "lpa", names: "Alex", lifeSustaining: "yes", opgReference: "7".repeat(51) }, attorneySchema)?.opgReference).toEqual(["validation:decisions.tooLong50"]);
  });

  it("the registration check needs a date that is not in the future", () => {
    const schema = attorneyRegisteredSchema(today);
    expect(errors({}, schema)?.checkedOn).toEqual(["validation:decisions.checkedOn.required"]);
    expect(errors({ "checkedOn.day": "1", "checkedOn.month": "1", "checkedOn.year": "2027" }, schema)?.checkedOn).toEqual(["validation:decisions.checkedOn.future"]);
    const ok = parseWithZod(form({ "checkedOn.day": "3", "checkedOn.month": "3", "checkedOn.year": "2026" }), { schema });
    expect(ok.status === "success" && ok.value).toEqual({ checkedOn: "2026-03-03" });
  });
});

describe("advance decision to refuse treatment (staff)", () => {
  it("yes needs where it is kept; no clears the rest", () => {
    const schema = advanceDecisionSchema(today);
    expect(errors({}, schema)?.exists).toEqual(["validation:decisions.adrt.exists"]);
    expect(errors({ exists: "yes" }, schema)?.whereKept).toEqual(["validation:decisions.adrt.whereKept"]);
    const no = parseWithZod(form({ exists: "no", whereKept: "GP" }), { schema });
    expect(no.status === "success" && no.value).toEqual({ exists: false, whereKept: "", seenOn: null });
  });
});

describe("nominated person", () => {
  it("both empty takes it away; contact without a name is refused", () => {
    const none = parseWithZod(form({ name: "", contact: "" }), { schema: nominatedPersonSchema });
    expect(none.status === "success" && none.value).toBeNull();
    expect(errors({ contact: "07700 900123" }, nominatedPersonSchema)?.name).toEqual(["validation:decisions.nominated.name"]);
  });
});

describe("best-interests decision (staff)", () => {
  const good = {
    decision: "Whether to move to supported housing",
    "decidedOn.day": "3",
    "decidedOn.month": "3",
    "decidedOn.year": "2026",
    oneDecision: "yes",
    consulted: "Alex (brother), Priya (advocate)",
    lessRestrictive: "Staying at home with more visits",
    outcome: "A four-week trial stay",
  };

  it("takes one decision at one time", () => {
    const ok = parseWithZod(form(good), { schema: bestInterestsSchema(today) });
    expect(ok.status === "success" && ok.value).toEqual({
      decision: good.decision,
      decidedOn: "2026-03-03",
      consulted: good.consulted,
      lessRestrictive: good.lessRestrictive,
      outcome: good.outcome,
    });
  });

  it("must say it is about this one decision, who was consulted and the less restrictive options", () => {
    const e = errors({ ...good, oneDecision: "", consulted: "", lessRestrictive: "" }, bestInterestsSchema(today));
    expect(e?.oneDecision).toEqual(["validation:decisions.bestInterests.oneDecision"]);
    expect(e?.consulted).toEqual(["validation:decisions.bestInterests.consulted"]);
    expect(e?.lessRestrictive).toEqual(["validation:decisions.bestInterests.lessRestrictive"]);
    expect(errors({ ...good, outcome: "x".repeat(2001) }, bestInterestsSchema(today))?.outcome).toEqual(["validation:decisions.tooLong2000"]);
    expect(errors({ ...good, "decidedOn.year": "2027" }, bestInterestsSchema(today))?.decidedOn).toEqual(["validation:decisions.decidedOn.future"]);
  });
});

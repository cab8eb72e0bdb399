import { describe, expect, it } from "vitest";
import { suggestAdvocates, type EligibilityAnswers } from "./advocacy";

const none: EligibilityAnswers = { mha: "none", seriousDecision: "no", someoneToHelp: "yes", substantialDifficulty: "no", over16: "yes" };
const kinds = (a: Partial<EligibilityAnswers>) => suggestAdvocates({ ...none, ...a }).map((s) => `${s.kind}:${s.strength}`);

describe("which advocate might help (AD-01)", () => {
  it.each([
    [{ mha: "detained" }, ["imha:likely", "community:maybe"]],
    [{ mha: "cto" }, ["imha:likely", "community:maybe"]],
    [{ mha: "guardianship" }, ["imha:likely", "community:maybe"]],
    [{ mha: "conditional" }, ["imha:likely", "community:maybe"]],
    [{ mha: "s57" }, ["imha:likely", "community:maybe"]],
    // Held only under s4, 5(2), 5(4), 135 or 136: not an IMHA, but never a dead end.
    [{ mha: "short_hold" }, ["community:likely"]],
    [{ mha: "not_sure" }, ["imha:maybe", "community:maybe"]],
    [{ seriousDecision: "yes", someoneToHelp: "no", over16: "yes" }, ["imca:likely", "community:maybe"]],
    [{ seriousDecision: "yes", someoneToHelp: "no", over16: "no" }, ["community:likely"]],
    [{ seriousDecision: "yes", someoneToHelp: "yes" }, ["community:likely"]],
    [{ seriousDecision: "not_sure", someoneToHelp: "no" }, ["imca:maybe", "community:maybe"]],
    [{ substantialDifficulty: "yes", someoneToHelp: "no" }, ["care_act:likely", "community:maybe"]],
    [{ substantialDifficulty: "yes", someoneToHelp: "not_sure" }, ["care_act:maybe", "community:maybe"]],
    [{ substantialDifficulty: "yes", someoneToHelp: "yes" }, ["community:likely"]],
    [{}, ["community:likely"]],
  ] as const)("%o → %o", (answers, expected) => {
    expect(kinds(answers as Partial<EligibilityAnswers>)).toEqual(expected);
  });

  it("always ends in a suggestion, never a refusal", () => {
    const values = {
      mha: ["detained", "cto", "guardianship", "conditional", "short_hold", "s57", "none", "not_sure"],
      seriousDecision: ["yes", "no", "not_sure"],
      someoneToHelp: ["yes", "no", "not_sure"],
      substantialDifficulty: ["yes", "no", "not_sure"],
      over16: ["yes", "no", "not_sure"],
    } as const;
    for (const mha of values.mha)
      for (const seriousDecision of values.seriousDecision)
        for (const someoneToHelp of values.someoneToHelp)
          for (const substantialDifficulty of values.substantialDifficulty)
            for (const over16 of values.over16) {
              expect(suggestAdvocates({ mha, seriousDecision, someoneToHelp, substantialDifficulty, over16 }).length).toBeGreaterThan(0);
            }
  });
});

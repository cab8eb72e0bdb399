import { describe, expect, it } from "vitest";
import { needsPartStatus } from "./carer-needs";

describe("the status of a part of 'my needs as a carer' (AX-13)", () => {
  it("is not started when nothing is saved or every answer is blank", () => {
    expect(needsPartStatus("caring", undefined)).toBe("notStarted");
    expect(needsPartStatus("caring", { whatIDo: "  ", hours: "" })).toBe("notStarted");
  });

  it("is in progress, never completed, when only some questions are answered", () => {
    expect(needsPartStatus("caring", { whatIDo: "Cooking, medicines, lifts.", hours: "20_to_34" })).toBe("inProgress");
  });

  it("is completed when every question in it is answered", () => {
    expect(needsPartStatus("caring", { whatIDo: "Cooking", hours: "20_to_34", liveTogether: "yes" })).toBe("completed");
    expect(needsPartStatus("breaks", { breaks: "I never get a weekend off." })).toBe("completed");
  });
});

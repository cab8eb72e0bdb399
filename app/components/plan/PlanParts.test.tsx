import { describe, expect, it } from "vitest";
import type { LanguageCode } from "~/i18n";
import { serverHtml, words } from "../../../tests/support/server-html";
import { DependantsList } from "./PlanParts";


const dependants = [{ name: "Milo", age: null, whoLooksAfter: "My sister Jo" }];
const line = (lng: LanguageCode) => words(serverHtml(<DependantsList dependants={dependants} />, lng));

describe("who looks after a dependant in a crisis", () => {
  it("in English, after an English colon", () => {
    expect(line("en-GB")).toBe("Milo: My sister Jo");
  });

  it("in Chinese, after the full-width colon", () => {
    expect(line("zh-Hans")).toBe("Milo：My sister Jo");
  });
});

// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInRoute } from "../../../tests/support/render";
import { AdvanceSection, StatementHistory } from "./DecisionParts";

const planWishes = { advanceStatement: "If I am unwell, please talk to Alex.", advanceDecisionExists: false };

/** Text without the bidirectional isolates put around names. */
const plain = (text: string | null) => (text ?? "").replace(/[\u2066-\u2069]/g, "");

function section(props: Partial<Parameters<typeof AdvanceSection>[0]>) {
  renderInRoute(
    <main>
      <AdvanceSection wishes={null} decisions={null} own name="Sam Taylor" decisionsHref="/d" editHref={null} variant="plan" {...props} />
    </main>,
  );
}

describe("the plan's advance statement section: one section, one truth", () => {
  it("shows the plan's statement, says it is from the plan, and never also says there is none", async () => {
    section({ wishes: planWishes, decisions: { advance: null, advanceDecision: null } });
    const text = plain((await screen.findByRole("region", { name: "Advance statement and advance decision" })).textContent);
    expect(screen.getAllByRole("heading", { level: 2 })).toHaveLength(1);
    expect(text).toContain("If I am unwell, please talk to Alex.");
    expect(text).toContain("Your care team wrote this in your plan.");
    expect(text).not.toMatch(/not written an advance statement|No advance statement/);
    // The plan's "no" is the only record: said once, not contradicted by "not recorded".
    expect(text).toContain("The team has recorded that there is no advance decision to refuse treatment.");
    expect(text).not.toContain("The team has not recorded whether there is one.");
  });

  it("puts the person's own statement first and the team's record of an ADRT over the plan's older answer", async () => {
    section({
      wishes: planWishes,
      decisions: {
        advance: { parts: { contact: "Call my brother Alex" }, writtenAt: "2026-11-01T10:00:00.000Z", enteredBy: { name: "Priya Shah", as: "advocate_for" } },
        advanceDecision: { exists: true, whereKept: "With my GP", seenOn: "2026-01-10" },
      },
      own: false,
    });
    const text = plain((await screen.findByRole("region", { name: "Advance statement and advance decision" })).textContent);
    expect(text.indexOf("Call my brother Alex")).toBeLessThan(text.indexOf("If I am unwell"));
    expect(text).toContain("Before that, the care team wrote this in the plan:");
    expect(text).toContain("Entered by Priya Shah (advocate) on behalf of Sam Taylor.");
    expect(text).toContain("The team has seen an advance decision to refuse treatment.");
    expect(text).not.toContain("there is no advance decision");
  });

  it("says once that nothing is written or recorded when there is nothing", async () => {
    section({ wishes: null, decisions: { advance: null, advanceDecision: null }, own: false });
    const text = plain((await screen.findByRole("region", { name: "Advance statement and advance decision" })).textContent);
    expect(text).toContain("No advance statement has been written yet.");
    expect(text).toContain("The team has not recorded whether there is one.");
  });
});

describe("earlier versions of a statement", () => {
  const versions = [
    { version: 2, parts: { wish: "Call Alex" }, writtenAt: "2026-11-24T10:00:00.000Z", enteredBy: null },
    { version: 1, parts: { wish: "Call my GP" }, writtenAt: "2026-03-03T10:00:00.000Z", enteredBy: null },
  ];
  const headings = async (lng: "en-GB" | "ar" | "zh-Hans") => {
    renderInRoute(<StatementHistory versions={versions} name="Sam Taylor" show={(parts) => <p>{parts.wish}</p>} />, lng);
    return (await screen.findAllByRole("heading", { level: 3 })).map((h) => h.textContent);
  };

  it("heads each with its number and date, joined by the language's own comma", async () => {
    expect(await headings("en-GB")).toEqual(["Version 1, 3 March 2026"]);
  });

  it("in Arabic, with the Arabic comma", async () => {
    expect(await headings("ar")).toEqual(["النسخة 1، 3 مارس 2026"]);
  });

  it("in Chinese, with the full-width comma", async () => {
    expect(await headings("zh-Hans")).toEqual(["第 1 版，2026年3月3日"]);
  });
});

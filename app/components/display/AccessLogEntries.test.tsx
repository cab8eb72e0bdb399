// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInRoute } from "../../../tests/support/render";
import { AccessLogEntries } from "./AccessLogEntries";

const at = "2026-12-03T14:10:00Z";

describe("the access log's sentences (decisions 050 and 053)", () => {
  it("names the trust's record system, not a person or a role, for what an import changed", async () => {
    renderInRoute(
      <AccessLogEntries
        entries={[
          { at, name: "", role: "recordSystem", kind: "change", phrase: "plan", basis: null },
          { at, name: "", role: "recordSystem", kind: "change", phrase: "careTeam", basis: null },
          { at, name: "Jo Okafor", role: "coordinator", kind: "read", phrase: "crisis", basis: "care_team" },
        ]}
      />,
    );
    const items = (await screen.findAllByRole("listitem")).map((li) => li.textContent ?? "");
    expect(items[0]).toMatch(/^The trust’s record system changed your care and support plan on /);
    expect(items[1]).toMatch(/^The trust’s record system changed your care team on /);
    expect(items[0]).not.toContain("()");
    expect(items[2]).toMatch(/^\u2068Jo Okafor\u2069 \(your care coordinator\) looked at your crisis plan/);
  }, 30_000);
});

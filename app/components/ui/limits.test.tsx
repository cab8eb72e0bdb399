// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInRoute } from "../../../tests/support/render";
import { TextArea } from "./TextArea";

const app = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === "ui" ? [] : sources(p);
    return /\.tsx$/.test(name) && !/\.test\.tsx$/.test(name) ? [p] : [];
  });
}

describe("length limits are said before they are broken (issue 12, item 9)", () => {
  it("puts the limit in the hint, after the field's own hint, in the page's language", async () => {
    renderInRoute(<TextArea name="note" label="Anything you want to add?" hint="For example, how you felt." maxLength={1000} optional />);
    const field = await screen.findByRole("textbox", { name: "Anything you want to add? (optional)" });
    // What a screen reader reads as the description: every element aria-describedby names (the
    // hint, and the error's place, empty while there is no error), and none of those ids missing.
    const described = (field.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id));
    expect(described).not.toContain(null);
    expect(described.map((el) => el!.textContent).join(" ").trim()).toBe("For example, how you felt. You can write up to 1,000 characters.");
    // The browser must not cut what the person types: the limit is explained, never enforced silently.
    expect(field.hasAttribute("maxlength")).toBe(false);
  });

  it("every free-text field in the app states its limit", () => {
    const missing: string[] = [];
    for (const file of sources(app)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/<(TextArea|TextField)\b[\s\S]*?\/>/g)) {
        const element = m[0];
        // Email addresses, phone numbers, passwords, numbers and sign-in codes are not written in someone's words.
        if (/type="(email|tel|password)"|inputMode="numeric"|name="code"/.test(element)) continue;
        if (!/maxLength=\{\d+\}/.test(element)) missing.push(`${path.relative(app, file)}: ${element.match(/name=(\S+)/)?.[1] ?? "?"}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

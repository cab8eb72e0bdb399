import { describe, expect, it } from "vitest";
import { serverHtml } from "../../../tests/support/server-html";
import { CheckboxGroup } from "./CheckboxGroup";
import { RadioGroup } from "./RadioGroup";
import { TextArea } from "./TextArea";
import { TextField } from "./TextField";

/*
 * What the server sends, before any JavaScript runs (and all a person without it ever gets): every
 * id that aria-describedby or aria-labelledby names is on the page, and a textarea has no type.
 */

/** Each `<tag … aria-describedby|aria-labelledby="…">` id that no element on the page has. */
function missingReferences(html: string, tags: string[]): string[] {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  return [...html.matchAll(/<([a-z]+)\s[^>]*>/g)]
    .filter((m) => tags.includes(m[1]!))
    .flatMap((m) =>
      [...m[0].matchAll(/(aria-describedby|aria-labelledby)="([^"]*)"/g)].flatMap(([, attr, value]) =>
        value!
          .split(" ")
          .filter((id) => id && !ids.has(id))
          .map((id) => `${m[1]} ${attr} → ${id}`),
      ),
    );
}

describe("fields as the server renders them", () => {
  const cases: [string, React.ReactNode][] = [
    ["a text field without a hint", <TextField key="a" name="name" label="Your name" />],
    ["a text field with a hint and an error", <TextField key="b" name="email" label="Email" hint="We send nothing else." error="Enter an email address" />],
    ["a textarea without a hint", <TextArea key="c" name="what" label="What happened?" />],
    ["a textarea with a limit", <TextArea key="d" name="note" label="Note" maxLength={1000} error="Too long" />],
  ];
  it.each(cases)("%s names only ids that are on the page", (_label, ui) => {
    const html = serverHtml(ui);
    expect(html).toMatch(/<(input|textarea) /);
    expect(missingReferences(html, ["input", "textarea", "div"])).toEqual([]);
  });

  it("a textarea has no type attribute", () => {
    const html = serverHtml(<TextArea name="what" label="What happened?" />);
    expect(html.match(/<textarea [^>]*>/)?.[0]).not.toMatch(/\stype=/);
  });

  it("a radio group's own description and error are on the page", () => {
    const html = serverHtml(<RadioGroup name="kind" label="Which kind?" choices={[{ value: "a", label: "A" }, { value: "b", label: "B" }]} />);
    expect(html).toContain('role="radiogroup"');
    expect(missingReferences(html, ["div"])).toEqual([]);
  });

  // Each option names its own description (and a checkbox its own error) before JavaScript runs.
  const groups: [string, React.ReactNode][] = [
    ["radio options without hints", <RadioGroup key="a" name="kind" label="Which kind?" choices={[{ value: "a", label: "A" }, { value: "b", label: "B" }]} />],
    ["radio options, one with a hint, in an invalid group", <RadioGroup key="b" name="kind" label="Which kind?" error="Choose one" choices={[{ value: "a", label: "A", hint: "The first" }, { value: "b", label: "B" }]} />],
    ["checkbox options without hints", <CheckboxGroup key="c" name="ways" label="Which ways?" choices={[{ value: "a", label: "A" }, { value: "b", label: "B" }]} />],
    ["checkbox options, one with a hint, in an invalid group", <CheckboxGroup key="d" name="ways" label="Which ways?" error="Choose one" choices={[{ value: "a", label: "A", hint: "The first" }, { value: "b", label: "B" }]} />],
  ];
  it.each(groups)("%s name only ids that are on the page", (_label, ui) => {
    const html = serverHtml(ui);
    expect(html.match(/<input /g)?.length).toBe(2);
    expect(missingReferences(html, ["input", "div"])).toEqual([]);
  });

  it("an option's hint describes it and is not part of its name", () => {
    const html = serverHtml(<RadioGroup name="kind" label="Which kind?" choices={[{ value: "a", label: "A", hint: "The first" }]} />);
    const hintId = html.match(/<span [^>]*class="choice__hint"[^>]*>/)?.[0].match(/ id="([^"]+)"/)?.[1];
    expect(hintId).toBeTruthy();
    expect(html.match(/<input [^>]*>/)?.[0]).toContain(hintId);
    expect(html.match(/<label[^>]*>.*?<\/label>/s)?.[0]).not.toContain("The first");
  });
});

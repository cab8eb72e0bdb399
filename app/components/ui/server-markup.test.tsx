import { createInstance } from "i18next";
import { JSDOM } from "jsdom";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { localeFormatter, sharedI18nOptions } from "~/utils/i18n-format";
import { resourcesFor } from "~/web/i18n.server";
import { RadioGroup } from "./RadioGroup";
import { TextArea } from "./TextArea";
import { TextField } from "./TextField";

/**
 * What the server sends, before any JavaScript runs (and all a person without it ever gets): every
* id that aria-describedby or aria-labelledby names is on the page, and a textarea has no type.
 */
function serverHtml(ui: React.ReactNode): Document {
  const i18n = createInstance();
  void i18n.use(initReactI18next).use(localeFormatter).init({ ...sharedI18nOptions, lng: "en-GB", resources: { "en-GB": resourcesFor("en-GB") } });
  const html = renderToString(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
  return new JSDOM(`<!doctype html><body>${html}`).window.document;
}

function missingReferences(doc: Document, selector: string): string[] {
  return [...doc.querySelectorAll(selector)].flatMap((el) =>
    ["aria-describedby", "aria-labelledby"].flatMap((attr) =>
      (el.getAttribute(attr) ?? "")
        .split(" ")
        .filter((id) => id && !doc.getElementById(id))
        .map((id) => `${el.tagName.toLowerCase()} ${attr} → ${id}`),
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
    const doc = serverHtml(ui);
    expect(doc.querySelector("input, textarea")).not.toBeNull();
    expect(missingReferences(doc, "input, textarea, [role]")).toEqual([]);
  });

  it("a textarea has no type attribute", () => {
    const doc = serverHtml(<TextArea name="what" label="What happened?" />);
    expect(doc.querySelector("textarea")!.hasAttribute("type")).toBe(false);
  });

  it("a radio group's own description and error are on the page", () => {
    const doc = serverHtml(<RadioGroup name="kind" label="Which kind?" choices={[{ value: "a", label: "A" }, { value: "b", label: "B" }]} />);
    expect(missingReferences(doc, '[role="radiogroup"]')).toEqual([]);
  });
});

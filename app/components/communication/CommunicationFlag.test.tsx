// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { LanguageCode } from "~/i18n";
import { renderInRoute } from "../../../tests/support/render";
import { serverHtml, words } from "../../../tests/support/server-html";
import { CommunicationFlag, useNeedsInOneLine, type FlagNeeds } from "./CommunicationFlag";


function Line({ needs }: { needs: FlagNeeds }) {
  return <>{useNeedsInOneLine()(needs)}</>;
}

const needs: FlagNeeds = {
  support: ["bsl_interpreter", "read_letters"],
  formats: ["large_print"],
  languages: [{ code: "bfi", interpreterNeeded: true }],
  contactMethods: ["via_someone"],
  other: "Please face me when you speak.",
};

function OwnLine() {
  const oneLine = useNeedsInOneLine();
  return <p data-testid="own">{oneLine(needs, true)}</p>;
}

describe("the communication needs in one line (issue 12, item 9)", () => {
  it("says each need once, about the person, and what they wrote as a sentence of its own", async () => {
    renderInRoute(<CommunicationFlag needs={needs} href="/x" />);
    const text = (await screen.findByRole("note", { name: "Communication needs" })).textContent ?? "";
    expect(text.match(/British Sign Language interpreter/g)).toHaveLength(1);
    expect(text).toContain("Someone to read letters with them");
    expect(text).toContain("Through someone they choose");
    expect(text).toContain("They also wrote about other needs in their own words.");
    expect(text).not.toContain("and more in their own words");
  });

  it("names a spoken language interpreter instead of a general one", async () => {
    renderInRoute(<CommunicationFlag needs={{ ...needs, support: ["spoken_interpreter"], languages: [{ code: "pl", interpreterNeeded: true }], other: "" }} href="/x" />);
    const text = (await screen.findByRole("note", { name: "Communication needs" })).textContent ?? "";
    expect(text).toContain("Polish interpreter");
    expect(text).not.toContain("Spoken language interpreter");
  });

  it("speaks to the person about their own needs", async () => {
    renderInRoute(<OwnLine />);
    const text = (await screen.findByTestId("own")).textContent ?? "";
    expect(text).toContain("Someone to read letters with me");
    expect(text).toContain("You also wrote about other needs in your own words.");
  });
});

describe("the one line's full stops, in the reader's language", () => {
  const onlyList: FlagNeeds = { ...needs, other: "" };
  const line = (n: FlagNeeds, lng: LanguageCode) => words(serverHtml(<Line needs={n} />, lng));

  it("ends the list with an English full stop in English, and starts the next sentence after a space", () => {
    expect(line(onlyList, "en-GB")).toMatch(/[a-z]\.$/);
    expect(line(needs, "en-GB")).toMatch(/[a-z]\. They also wrote about other needs in their own words\.$/);
  });

  it("ends it with the Chinese full stop, with no space after it, in Chinese", () => {
    expect(line(onlyList, "zh-Hans")).toMatch(/[^.。]。$/);
    expect(line(needs, "zh-Hans")).not.toMatch(/[.] /);
    expect(line(needs, "zh-Hans")).toMatch(/[^。]。其还用自己的话写了其他需求。$/);
  });

  it("ends it with the Urdu full stop in Urdu and the danda in Bengali", () => {
    expect(line(onlyList, "ur")).toMatch(/۔$/);
    expect(line(onlyList, "bn")).toMatch(/।$/);
  });
});

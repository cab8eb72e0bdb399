// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { axeViolations, renderInRoute } from "../../tests/support/render";
import { DateInput } from "./forms/DateInput";
import { ProgressChart } from "./plan/ProgressChart";
import { ErrorSummary } from "./forms/ErrorSummary";
import { Button } from "./ui/Button";
import { CheckboxGroup } from "./ui/CheckboxGroup";
import { Disclosure } from "./ui/Disclosure";
import { Form } from "./ui/Form";
import { RadioGroup } from "./ui/RadioGroup";
import { TextArea } from "./ui/TextArea";
import { TextField } from "./ui/TextField";

function Example({ withErrors }: { withErrors: boolean }) {
  const error = (text: string) => (withErrors ? text : undefined);
  return (
    <main>
      <h1>Example</h1>
      <ErrorSummary
        errors={withErrors ? [{ name: "goal", message: "Enter your goal" }, { name: "when", message: "Enter a real date" }] : []}
      />
      <Form>
        <TextField name="goal" label="What do you want to do?" hint="In your own words" error={error("Enter your goal")} defaultValue="Walk" />
        <TextArea name="why" label="Why does it matter?" optional />
        <RadioGroup
          name="how"
          label="How is it going?"
          error={error("Choose one")}
          choices={[
            { value: "well", label: "Well" },
            { value: "not", label: "Not well", hint: "That is fine to say" },
          ]}
        />
        <CheckboxGroup name="who" label="Who can help?" optional choices={[{ value: "alex", label: "Alex" }]} />
        <DateInput name="when" legend="By when?" hint="For example, 27 3 2027" error={error("Enter a real date")} optional />
        <Disclosure summary="Help with goals">Small steps work best.</Disclosure>
        <Button type="submit">Save</Button>
      </Form>
    </main>
  );
}

describe("form components", () => {
  it("keeps email addresses and phone numbers left to right, and other text in the page's direction", async () => {
    renderInRoute(
      <main>
        <TextField name="email" type="email" label="Email address" />
        <TextField name="phone" type="tel" label="Phone" />
        <TextField name="goal" label="Goal" />
      </main>,
      "ar",
    );
    expect((await screen.findByRole("textbox", { name: "Email address" })).getAttribute("dir")).toBe("ltr");
    expect(screen.getByRole("textbox", { name: "Phone" }).getAttribute("dir")).toBe("ltr");
    expect(screen.getByRole("textbox", { name: "Goal" }).getAttribute("dir")).toBeNull();
  });

  it.each([false, true])("have no axe violations (errors shown: %s)", async (withErrors) => {
    const { container } = renderInRoute(<Example withErrors={withErrors} />);
    await screen.findByRole("button", { name: "Save" });
    expect(await axeViolations(container)).toEqual([]);
  });

  it("label, hint and error are tied to each field, and typed text is kept", async () => {
    renderInRoute(<Example withErrors />);
    const goal = await screen.findByRole("textbox", { name: "What do you want to do?" });
    expect(goal).toHaveProperty("value", "Walk");
    expect(goal.getAttribute("aria-invalid")).toBe("true");
    expect(goal.id).toBe("field-goal");
    const described = (goal.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(expect.arrayContaining(["In your own words", "Error: Enter your goal"]));
    expect(screen.getByRole("textbox", { name: "Why does it matter? (optional)" })).toBeDefined();
    expect(screen.getByRole("radiogroup", { name: "How is it going?" })).toBeDefined();
    expect(screen.getByRole("textbox", { name: "Day" }).getAttribute("inputmode")).toBe("numeric");
  });

  it("the error summary takes focus and links to each field", async () => {
    renderInRoute(<Example withErrors />);
    const summary = await screen.findByRole("alert");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const links = screen.getAllByRole("link");
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["#field-goal", "#field-when"]);
    expect(document.getElementById("field-when")).not.toBeNull();
  });

  it("every posted form carries the CSRF token and asks the browser not to validate", async () => {
    const { container } = renderInRoute(<Example withErrors={false} />);
    await screen.findByRole("button", { name: "Save" });
    const form = container.querySelector("form")!;
    expect(form.getAttribute("method")).toBe("post");
    expect(form.hasAttribute("novalidate")).toBe(true);
    expect((form.querySelector('input[name="csrf"]') as HTMLInputElement).value).toBe("test-token");
    // Native inputs (React Aria renders them) so choices work without JavaScript.
    expect(form.querySelectorAll('input[type="radio"][name="how"]').length).toBe(2);
  });
});

describe("progress chart", () => {
  const points = [
    { rating: 2, recordedAt: "2026-01-01T10:00:00Z" },
    { rating: 6, recordedAt: "2026-02-01T10:00:00Z" },
    { rating: 9, recordedAt: "2026-03-01T10:00:00Z" },
  ];
  const xs = (container: HTMLElement) => [...container.querySelectorAll("circle")].map((c) => Number(c.getAttribute("cx")));

  it("runs left to right in English and right to left in Arabic, with the first date where reading starts", async () => {
    const en = renderInRoute(<ProgressChart points={points} id="en" />);
    await waitFor(() => expect(en.container.querySelectorAll("circle")).toHaveLength(3));
    const ltr = xs(en.container);
    expect(ltr).toEqual([...ltr].sort((a, b) => a - b));
    const enFirst = Number(en.container.querySelector('[data-edge="first"]')!.getAttribute("x"));
    const enLast = Number(en.container.querySelector('[data-edge="last"]')!.getAttribute("x"));
    expect(enFirst).toBeLessThan(enLast);
    en.unmount();
    const ar = renderInRoute(<ProgressChart points={points} id="ar" />, "ar");
    await waitFor(() => expect(ar.container.querySelectorAll("circle")).toHaveLength(3));
    const rtl = xs(ar.container);
    expect(rtl).toEqual([...rtl].sort((a, b) => b - a));
    const arFirst = Number(ar.container.querySelector('[data-edge="first"]')!.getAttribute("x"));
    const arLast = Number(ar.container.querySelector('[data-edge="last"]')!.getAttribute("x"));
    expect(arFirst).toBeGreaterThan(arLast);
    expect(ar.container.querySelector("svg")!.getAttribute("data-direction")).toBe("rtl");
  });

  it("draws another scale (how I am doing, 1 to 7): its lowest at the bottom, its highest at the top, its own lines and words", async () => {
    const scaled = [
      { rating: 1, recordedAt: "2026-01-01T10:00:00Z" },
      { rating: 7, recordedAt: "2026-02-01T10:00:00Z" },
    ];
    const { container } = renderInRoute(
      <ProgressChart points={scaled} id="dialog" scale={{ min: 1, max: 7, ticks: [1, 4, 7] }} title="Mental health over time, 1 to 7" summaryKey="plan:howIAmDoing.chartSummary" />,
    );
    await waitFor(() => expect(container.querySelectorAll("circle")).toHaveLength(2));
    const ys = [...container.querySelectorAll("circle")].map((c) => Number(c.getAttribute("cy")));
    const gridYs = [...container.querySelectorAll("line")].map((l) => Number(l.getAttribute("y1")));
    expect(ys[0]).toBe(Math.max(...gridYs));
    expect(ys[1]).toBe(Math.min(...gridYs));
    expect([...container.querySelectorAll(".chart__label")].slice(0, 3).map((t) => t.textContent)).toEqual(["1", "4", "7"]);
    expect(container.querySelector("title")!.textContent).toBe("Mental health over time, 1 to 7");
    expect(container.querySelector("desc")!.textContent).toContain("out of 7");
  });
});

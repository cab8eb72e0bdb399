// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { useLocation } from "@remix-run/react";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Button } from "./Button";
import { Link, navigatesInApp } from "./Link";

afterEach(cleanup);

/**
 * Whether the browser would load the link itself: nothing (Remix's <Link>) prevented the click's
 * default. Read after React's handlers, then prevented, as jsdom cannot load another document.
 */
function clickLoadsDocument(link: HTMLElement): boolean {
  let loads = false;
  const listener = (event: MouseEvent) => {
    loads = !event.defaultPrevented;
    event.preventDefault();
  };
  document.addEventListener("click", listener);
  fireEvent.click(link);
  document.removeEventListener("click", listener);
  return loads;
}

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.hash}</p>;
}

/** Links on a page of a Remix app, with a second page to go to. */
function renderLinks(links: React.ReactNode) {
  const Stub = createRemixStub([
    {
      path: "/",
      Component: () => (
        <>
          <Where />
          {links}
        </>
      ),
    },
    { path: "/people/1/plan", Component: Where },
  ]);
  return render(<Stub />);
}

describe("Button (decision 072)", () => {
  it("is a native <button> with its variant's classes and the props it is given, and nothing of React Aria", () => {
    render(
      <Button type="submit" variant="secondary" name="intent" value="edit" aria-label="Change your goal">
        Change
      </Button>,
    );
    const button = screen.getByRole("button", { name: "Change your goal" });
    expect(button.outerHTML).toBe('<button type="submit" name="intent" value="edit" aria-label="Change your goal" class="button button--secondary">Change</button>');
  });

  it("keeps a class of its own after the variant's", () => {
    render(
      <Button type="submit" className="nhs-login__button">
        Continue
      </Button>,
    );
    expect(screen.getByRole("button").className).toBe("button button--primary nhs-login__button");
  });
});

describe("Link (decision 072)", () => {
  it("a page of the app is an <a href> with the link class, drawn by Remix with JavaScript", async () => {
    renderLinks(
      <Link href="/people/1/plan" className="button-link" aria-describedby="status">
        Your plan
      </Link>,
    );
    const link = await screen.findByRole("link", { name: "Your plan" });
    expect(link.getAttribute("href")).toBe("/people/1/plan");
    expect(link.className).toBe("link button-link");
    expect(link.getAttribute("aria-describedby")).toBe("status");
    expect(clickLoadsDocument(link)).toBe(false);
    expect((await screen.findByTestId("where")).textContent).toBe("/people/1/plan");
  });

  it.each([
    ["a file from a resource route", { href: "/people/1/plan/next-review.ics" }],
    ["a download", { href: "/people/1/copy", download: true }],
    ["a new tab", { href: "/people/1/plan", target: "_blank" }],
    ["another site", { href: "https://www.nhs.uk/" }],
    ["an email address", { href: "mailto:team@example.org" }],
    ["a part of this page", { href: "#wishes" }],
  ])("%s is a plain <a href> the browser loads itself", async (_label, props) => {
    renderLinks(<Link {...props}>Open</Link>);
    const link = await screen.findByRole("link", { name: "Open" });
    expect(link.getAttribute("href")).toBe(props.href);
    expect(link.className).toBe("link");
    expect(clickLoadsDocument(link)).toBe(true);
    expect(screen.getByTestId("where").textContent).toBe("/");
  });

  it.each([
    ["/people/1/plan", true],
    ["/people/1/plan#goals", true],
    ["/staff/attention?person=1", true],
    ["/people/1/copy.json", false],
    ["/people/1/appointments/2/calendar.ics?x=1", false],
    ["//evil.example/", false],
    ["/\\evil.example/", false],
    ["tel:01234567890", false],
    ["plan", false],
  ])("%s goes through Remix: %s", (href, expected) => {
    expect(navigatesInApp(href)).toBe(expected);
  });
});

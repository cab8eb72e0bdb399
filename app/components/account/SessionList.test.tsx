// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInRoute } from "../../../tests/support/render";
import { SessionList } from "./SessionList";

// 10:05 and 14:30 in London (summer time is over by November).
const session = {
  id: "s1",
  browser: "Firefox",
  platform: "Windows",
  signedInAt: "2026-11-24T10:05:00.000Z",
  lastSeenAt: "2026-11-25T14:30:00.000Z",
  current: true,
};

const hint = () => document.querySelector(".session-list .hint")?.textContent ?? "";

describe("Your account: where you are signed in", () => {
  it("says when each session signed in and was last used as a date at a time, not with an English comma", async () => {
    renderInRoute(<SessionList sessions={[session]} />);
    await screen.findByRole("list");
    expect(hint()).toBe("Signed in 24 November 2026 at 10:05. Last used 25 November 2026 at 14:30.");
  });

  it("in Arabic, in Arabic words and order: no English comma between the date and the time", async () => {
    renderInRoute(<SessionList sessions={[session]} />, "ar");
    await screen.findByRole("list");
    expect(hint()).toBe("سُجّل الدخول 24 نوفمبر 2026 الساعة 10:05 ص. آخر استخدام 25 نوفمبر 2026 الساعة 02:30 م.");
    expect(hint()).not.toContain(",");
  });
});

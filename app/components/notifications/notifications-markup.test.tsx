import { describe, expect, it } from "vitest";
import { serverHtml } from "../../../tests/support/server-html";
import type { OutboxEntry } from "~/models/notifications.server";
import { channelRules } from "~/models/vocabulary/notifications";
import { LetterNotice } from "./LetterNotice";
import { OutboxStatusText } from "./OutboxTable";

/** The words as a sighted reader sees them: each line break a new line, tags gone. */
const lines = (html: string) =>
  html
    .split(/<br\s*\/?>/)
    .map((part) => part.replace(/<[^>]+>/g, "").replace(/<!-- -->/g, "").trim())
    .filter(Boolean);

describe("the letter notice on the notification settings page", () => {
  it("says the letter comes too when email or text messages are possible as well", () => {
    const html = serverHtml(<LetterNotice rules={channelRules({ contactMethods: ["letter", "email"], formats: [] })} />);
    expect(html).toContain("Your care team will send you a letter too.");
  });

  it("does not say 'too' when letters are all the person can have", () => {
    for (const needs of [
      { contactMethods: ["letter"], formats: ["large_print"] },
      { contactMethods: ["phone"], formats: ["braille"] },
    ]) {
      const html = serverHtml(<LetterNotice rules={channelRules(needs)} />);
      expect(html).toContain("Your care team will send you a letter when there is something new.");
      expect(html).not.toContain("too");
    }
  });

  it("is not there for someone who does not need letters", () => {
    expect(serverHtml(<LetterNotice rules={channelRules(null)} />)).toBe("");
  });
});

describe("where a notification has got to", () => {
  const entry: OutboxEntry = {
    id: "n1",
    event: "new_message",
    channel: "email",
    status: "pending",
    attempts: 1,
    lastError: null,
    recipientName: "Sam Taylor",
    serviceUserId: null,
    createdAt: "2026-12-05T09:00:00.000Z",
    nextAttemptAt: "2026-12-05T10:00:00.000Z",
    sentAt: null,
    postedBy: null,
    retriedBy: null,
    retriedAt: null,
    canRetry: false,
  };

  it("puts the next try on a line of its own, not run on after the status", () => {
    const html = serverHtml(<OutboxStatusText entry={entry} />);
    expect(lines(html)).toEqual(["Waiting", expect.stringMatching(/^Next try: 5 December 2026 at \d\d:\d\d$/)]);
    expect(html).toContain('<time dateTime="2026-12-05T10:00:00.000Z">');
  });

  it("gives the time of the next try as well as the date, in UK time: the first tries come a minute or so apart", () => {
    const html = serverHtml(<OutboxStatusText entry={{ ...entry, nextAttemptAt: "2026-07-05T10:01:00.000Z" }} />);
    expect(lines(html)).toEqual(["Waiting", "Next try: 5 July 2026 at 11:01"]);
  });

  it("says the next try as a date at a time in the reader's language: Arabic words and order, Welsh too", () => {
    const at = { ...entry, nextAttemptAt: "2026-07-05T10:01:00.000Z" };
    expect(lines(serverHtml(<OutboxStatusText entry={at} />, "ar"))[1]).toMatch(/ 5 يوليو 2026 الساعة 11:01 ص$/);
    expect(lines(serverHtml(<OutboxStatusText entry={at} />, "cy"))[1]).toMatch(/ 5 Gorffennaf 2026 am 11:01$/);
  });

  it("has no next try before the first one", () => {
    expect(lines(serverHtml(<OutboxStatusText entry={{ ...entry, attempts: 0 }} />))).toEqual(["Waiting"]);
  });
});

import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import type { LanguageCode } from "~/i18n";
import { sendMessage } from "~/models/messages.server";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { routeHtml, words } from "../../tests/support/route-html";
import Thread, { loader as threadLoader } from "./people.$serviceUserId.messages.$threadId";
import Threads, { loader as threadsLoader } from "./people.$serviceUserId.messages._index";
import TeamInbox, { loader as inboxLoader } from "./staff.messages";

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;

/** What a page's loader gives someone signed in, rendered as the server sends it, in a language. */
async function page(Page: React.ComponentType, loader: Loader, email: string, params: Record<string, string>, lng: LanguageCode) {
  const { accountId } = await actorFor(email);
  const session = await createSession(getDb(), accountId);
  const request = new Request("http://localhost/", { headers: { Cookie: `${SESSION_COOKIE}=${session}` } });
  const data: object = await (await loader({ request, params, context: {} })).json();
  return words(await routeHtml(Page, data, lng));
}

/** The demo data, and Sam asking the team about his medication at 09:00 on 5 January 2026 in London (winter: UTC). */
async function setUp() {
  await seedDemoData(getDb());
  const sam = await recordId("Sam Taylor");
  const at = new Date(Date.UTC(2026, 0, 5, 9, 0));
  const { threadId } = await sendMessage(getDb(), await actorFor(demoPeople.sam.email), sam, { subject: "My medication", body: "Can we talk about my dose?" }, at);
  return { sam, threadId };
}

describe("the team inbox: the person's name before the subject, and how long it has waited", () => {
  it("in English, after an English colon, and ending with a full stop", async () => {
    await setUp();
    const text = await page(TeamInbox, inboxLoader, demoPeople.jo.email, {}, "en-GB");
    expect(text).toContain("Sam Taylor: My medication");
    expect(text).toContain("Waiting for an answer since 5 January 2026 at 09:00.");
  });

  it("in Chinese, after the full-width colon, and ending with the Chinese full stop", async () => {
    await setUp();
    const text = await page(TeamInbox, inboxLoader, demoPeople.jo.email, {}, "zh-Hans");
    expect(text).toContain("Sam Taylor：My medication");
    expect(text).toContain("等待回复，始于 2026年1月5日 09:00。");
    expect(text).not.toContain("Sam Taylor: ");
  });
});

describe("Sam's messages: when the last message was, and since when a thread waits", () => {
  it("in English, ending with a full stop", async () => {
    const { sam, threadId } = await setUp();
    expect(await page(Threads, threadsLoader, demoPeople.sam.email, { serviceUserId: sam }, "en-GB")).toContain("Last message: 5 January 2026 at 09:00.");
    expect(await page(Thread, threadLoader, demoPeople.sam.email, { serviceUserId: sam, threadId }, "en-GB")).toContain("Waiting for an answer since 5 January 2026 at 09:00.");
  });

  it("in Chinese, ending with the Chinese full stop", async () => {
    const { sam, threadId } = await setUp();
    expect(await page(Threads, threadsLoader, demoPeople.sam.email, { serviceUserId: sam }, "zh-Hans")).toContain("2026年1月5日 09:00。");
    expect(await page(Thread, threadLoader, demoPeople.sam.email, { serviceUserId: sam, threadId }, "zh-Hans")).toContain("等待回复，始于 2026年1月5日 09:00。");
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import type { LanguageCode } from "~/i18n";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { routeHtml, words } from "../../tests/support/route-html";
import ReadableCopyPage, { loader } from "./people.$serviceUserId.copy.readable";

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof loader>>["json"]>>;

/**
 * What the readable copy's loader gives the page for Sam, with what the demo data has none of: a
 * request, a comment, a best-interests decision, an ended connection. Before each test, after the
 * set-up has emptied the database: a file run earlier in the same worker leaves its rows until then.
 */
let data: Page;
beforeEach(async () => {
  await seedDemoData(getDb());
  const { accountId } = await actorFor(demoPeople.sam.email);
  const serviceUserId = await recordId("Sam Taylor");
  const session = await createSession(getDb(), accountId);
  const request = new Request(`http://localhost/people/${serviceUserId}/copy/readable`, { headers: { Cookie: `${SESSION_COOKIE}=${session}` } });
  data = await (await loader({ request, params: { serviceUserId }, context: {} })).json();
  const at = "2026-11-02T10:00:00.000Z";
  data.copy.requests = [
    { kind: "interpreter", details: { need: "bsl", language: null, mode: "face_to_face" }, createdAt: at, status: "seen", history: [{ at, status: "seen", note: "", by: null }] },
  ];
  data.copy.versions[0]!.comments = [{ at, agreement: "agree", comment: "", by: null }];
  data.copy.decisions.bestInterests = [{ decision: "Moving flat", decidedOn: "2026-11-03", consulted: "", lessRestrictive: "", outcome: "" }];
  data.copy.sharing[0]!.endedAt = "2026-11-30T10:00:00.000Z";
}, 120_000);

/** The text of each paragraph and list item in one part of the copy (its section, by the id of its heading). */
async function lines(part: string, lng: LanguageCode): Promise<string[]> {
  const html = await routeHtml(ReadableCopyPage, data, lng);
  const section = new RegExp(`<section aria-labelledby="copy-${part}".*?</section>`, "s").exec(html)?.[0] ?? "";
  return [...section.matchAll(/<(p|li)\b[^>]*>(.*?)<\/\1>/gs)].map((m) => words(m[2]!));
}

const date = String.raw`\d{1,2} [A-Z][a-z]+ \d{4}`;
const zhDate = String.raw`\d{4}年\d{1,2}月\d{1,2}日`;

describe("the readable copy in English keeps its colons and full stops", () => {
  it("in the plan, the plan's versions, goals, requests, decisions and sharing", async () => {
    expect((await lines("plan", "en-GB"))[0]).toMatch(new RegExp(`^Version 2 of the plan\\. Last changed on ${date}\\.$`));
    expect(await lines("versions", "en-GB")).toContainEqual(expect.stringMatching(new RegExp(`^${date}: You agree with this version$`)));
    expect(await lines("goals", "en-GB")).toContain("How it is going: Nothing recorded yet.");
    const requests = await lines("requests", "en-GB");
    expect(requests).toContain("Where the request is: Seen by the team");
    expect(requests).toContainEqual(expect.stringMatching(new RegExp(`^${date}: Seen by the team$`)));
    expect(await lines("decisions", "en-GB")).toContain("3 November 2026: Moving flat");
    const sharing = await lines("sharing", "en-GB");
    expect(sharing).toContainEqual(expect.stringMatching(new RegExp(`^Since ${date}\\. Until 30 November 2026\\.$`)));
    expect(sharing).toContainEqual(expect.stringMatching(new RegExp(`^Your crisis plan\\. Since ${date}\\. No end date\\.$`)));
  });
});

describe("the readable copy in Chinese has the full-width colon and full stop, with no space after them", () => {
  it("in the plan, the plan's versions, goals, requests, decisions and sharing", async () => {
    expect((await lines("plan", "zh-Hans"))[0]).toMatch(new RegExp(`^计划第 2 版。上次修改于 ${zhDate}。$`));
    expect(await lines("versions", "zh-Hans")).toContainEqual(expect.stringMatching(new RegExp(`^${zhDate}：您同意这个版本$`)));
    expect(await lines("goals", "zh-Hans")).toContain("进展情况：还没有记录任何内容。");
    const requests = await lines("requests", "zh-Hans");
    expect(requests).toContain("申请进展到哪一步：团队已查看");
    expect(requests).toContainEqual(expect.stringMatching(new RegExp(`^${zhDate}：团队已查看$`)));
    expect(await lines("decisions", "zh-Hans")).toContain("2026年11月3日：Moving flat");
    const sharing = await lines("sharing", "zh-Hans");
    expect(sharing).toContainEqual(expect.stringMatching(new RegExp(`^开始日期 ${zhDate}。结束日期 2026年11月30日。$`)));
    expect(sharing).toContainEqual(expect.stringMatching(new RegExp(`^您的危机计划。开始日期 ${zhDate}。没有结束日期。$`)));
    expect(sharing.join("")).not.toMatch(/[.:]/);
  });
});

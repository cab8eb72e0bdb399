import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { relationships } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { loader } from "./communication-needs";

/** What "How I need information" gives the page for someone signed in. */
async function pageFor(email: string) {
  const { accountId } = await actorFor(email);
  const session = await createSession(getDb(), accountId);
  const request = new Request("http://localhost/communication-needs", { headers: { Cookie: `${SESSION_COOKIE}=${session}` } });
  const response = await loader({ request, params: {}, context: {} });
  return (await response.json()) as { ownRecord: string | null };
}

describe("How I need information: the links to ask about one's own record", () => {
  it("go to Sam's own record while he is its service user", async () => {
    await seedDemoData(getDb());
    expect((await pageFor(demoPeople.sam.email)).ownRecord).toBe(await recordId("Sam Taylor"));
  });

  it("are not offered to a carer, whose record it is not", async () => {
    await seedDemoData(getDb());
    expect((await pageFor(demoPeople.alex.email)).ownRecord).toBeNull();
  });

  it("are not offered once Sam's own relationship to the record has ended: it is no longer his to ask about", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const { accountId } = await actorFor(demoPeople.sam.email);
    await getDb()
      .update(relationships)
      .set({ endedAt: new Date(Date.now() - 60_000) })
      .where(and(eq(relationships.accountId, accountId), eq(relationships.serviceUserId, sam), eq(relationships.kind, "service_user")));
    expect((await pageFor(demoPeople.sam.email)).ownRecord).toBeNull();
  });
});

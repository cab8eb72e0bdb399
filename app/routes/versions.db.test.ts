import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDecisionsOverview, saveAttorney, saveNominatedPerson } from "~/models/decisions.server";
import { getSupporter, listSupporters, setSharing } from "~/models/sharing.server";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { csrfForRequest } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import * as attorneyPage from "./people.$serviceUserId.decisions.attorney";
import * as nominatedPage from "./people.$serviceUserId.decisions.nominated-person";
import * as sharingPage from "./people.$serviceUserId.sharing.$relationshipId";

/**
 * No lost updates (issue 15 item 4) on three more forms: "Stop sharing everything", the person's
 * attorney and their nominated person carry the version they were opened at.
 */
async function signedIn(email: string) {
  const token = await createSession(getDb(), (await actorFor(email)).accountId);
  const cookie = `${SESSION_COOKIE}=${token}; csrf=${"c".repeat(43)}`;
  const csrf = csrfForRequest(new Request("http://localhost/", { headers: { Cookie: cookie } })).token;
  return (path: string, fields: Record<string, string>) =>
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, csrf }),
    });
}

async function conflictOf(response: Response) {
  expect(response.status).toBe(409);
  return ((await response.json()) as { conflict: { version: number; value: unknown; changedBy: string | null } }).conflict;
}

describe("forms that check nobody saved in between", () => {
  it("stop sharing everything: refused when what is shared changed since the page was opened, then stops on top", async () => {
    await seedDemoData(getDb());
    const sam = await recordId(demoPeople.sam.displayName);
    const samActor = await actorFor(demoPeople.sam.email);
    const alex = (await listSupporters(getDb(), samActor, sam)).find((s) => s.kind === "carer_of")!;
    const opened = alex.sharingVersion;
    // Meanwhile, in another tab: Alex can now see Sam's goals too.
    await setSharing(getDb(), samActor, sam, alex.relationshipId, { scopes: ["plan.crisis", "plan.care_team", "goals.read"], endsOn: null });

    const post = await signedIn(demoPeople.sam.email);
    const path = `/people/${sam}/sharing/${alex.relationshipId}`;
    const params = { serviceUserId: sam, relationshipId: alex.relationshipId };
    const stale = await sharingPage.action({ request: post(path, { intent: "stop", baseVersion: String(opened) }), params, context: {} });
    const conflict = await conflictOf(stale);
    expect(conflict.value).toMatchObject({ scopes: expect.arrayContaining(["goals.read"]) as unknown });
    expect((await getSupporter(getDb(), samActor, sam, alex.relationshipId)).grants.map((g) => g.scope)).toContain("goals.read");

    const again = await sharingPage.action({ request: post(path, { intent: "stop", baseVersion: String(conflict.version) }), params, context: {} });
    expect(again.status).toBe(302);
    expect((await getSupporter(getDb(), samActor, sam, alex.relationshipId)).grants).toHaveLength(0);
  });

  it("the attorney: a save from before someone else's different details is refused with theirs; the same details are not", async () => {
    await seedDemoData(getDb());
    const sam = await recordId(demoPeople.sam.displayName);
    const details = { kind: "lpa", names: "Alex Taylor", covers: "", lifeSustaining: "not_sure", opgReference: "" } as const;
    // Opened when there was no attorney (version 0); meanwhile Priya records one.
    await saveAttorney(getDb(), await actorFor(demoPeople.priya.email), sam, { ...details, names: "Grace Taylor" });

    const post = await signedIn(demoPeople.sam.email);
    const path = `/people/${sam}/decisions/attorney`;
    const params = { serviceUserId: sam };
    const stale = await attorneyPage.action({ request: post(path, { ...details, baseVersion: "0" }), params, context: {} });
    const conflict = await conflictOf(stale);
    expect(conflict).toMatchObject({ value: { names: "Grace Taylor" }, changedBy: "Priya Shah" });
    const samActor = await actorFor(demoPeople.sam.email);
    expect((await getDecisionsOverview(getDb(), samActor, sam)).attorney?.names).toBe("Grace Taylor");

    // The same details as the newer record are not a conflict.
    const same = await attorneyPage.action({ request: post(path, { ...details, names: "Grace Taylor", baseVersion: "0" }), params, context: {} });
    expect(same.status).toBe(302);
    const onTop = await attorneyPage.action({ request: post(path, { ...details, baseVersion: String(conflict.version) }), params, context: {} });
    expect(onTop.status).toBe(302);
    expect((await getDecisionsOverview(getDb(), samActor, sam)).attorney?.names).toBe("Alex Taylor");
  });

  it("the nominated person: a save or a removal from before someone else's change is refused; on top it lands", async () => {
    await seedDemoData(getDb());
    const sam = await recordId(demoPeople.sam.displayName);
    const samActor = await actorFor(demoPeople.sam.email);
    await saveNominatedPerson(getDb(), samActor, sam, { name: "Alex Taylor", contact: "" });
    const opened = (await getDecisionsOverview(getDb(), samActor, sam)).nominatedPerson!.version;
    // Meanwhile Priya changes it.
    await saveNominatedPerson(getDb(), await actorFor(demoPeople.priya.email), sam, { name: "Grace Taylor", contact: "07700 900123" });

    const post = await signedIn(demoPeople.sam.email);
    const path = `/people/${sam}/decisions/nominated-person`;
    const params = { serviceUserId: sam };
    // Clearing both boxes takes the nomination away: not one Sam has seen.
    const stale = await nominatedPage.action({ request: post(path, { name: "", contact: "", baseVersion: String(opened) }), params, context: {} });
    const conflict = await conflictOf(stale);
    expect(conflict).toMatchObject({ value: { name: "Grace Taylor", contact: "07700 900123" }, changedBy: "Priya Shah" });
    expect((await getDecisionsOverview(getDb(), samActor, sam)).nominatedPerson?.name).toBe("Grace Taylor");

    const onTop = await nominatedPage.action({ request: post(path, { name: "", contact: "", baseVersion: String(conflict.version) }), params, context: {} });
    expect(onTop.status).toBe(302);
    expect((await getDecisionsOverview(getDb(), samActor, sam)).nominatedPerson).toBeNull();

    // Named again after it was taken away: a new version, so a form still open from before is told.
    await saveNominatedPerson(getDb(), samActor, sam, { name: "Robin Lee", contact: "" });
    const renamed = (await getDecisionsOverview(getDb(), samActor, sam)).nominatedPerson!.version;
    expect(renamed).toBeGreaterThan(conflict.version);
    const old = await nominatedPage.action({ request: post(path, { name: "Alex Taylor", contact: "", baseVersion: String(conflict.version) }), params, context: {} });
    await conflictOf(old);
  });
});

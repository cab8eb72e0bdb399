import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, relationships, sharingGrants } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { signIn } from "./account.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { acceptInvitation, createInvitation, getInvitation, NotAllowedError } from "./invitation.server";

describe("invitations", () => {
  it("staff invite a new service user, who sets a password and can sign in", async () => {
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    const { token, serviceUserId } = await createInvitation(getDb(), jo, {
      kind: "service_user",
      displayName: "Ruth Evans",
      email: "Ruth.Evans@example.org",
      planLevel: "cpa",
    });
    expect(await getInvitation(getDb(), token)).toMatchObject({ status: "valid", displayName: "Ruth Evans" });
    // Jo becomes Ruth's care coordinator.
    const joAfter = await actorFor(demoPeople.jo.email);
    expect(joAfter.relationships.some((r) => r.serviceUserId === serviceUserId && r.kind === "care_team_member_of")).toBe(true);

    const accepted = await acceptInvitation(getDb(), { token, password: "kettle river spoon" });
    expect(accepted.status).toBe("ok");
    const result = await signIn(getDb(), { email: "ruth.evans@example.org", password: "kettle river spoon", address: "x" });
    expect(result.status).toBe("ok");
    const ruth = await actorFor("ruth.evans@example.org");
    expect(ruth.relationships).toEqual([{ kind: "service_user", serviceUserId, scopes: [] }]);
    // Used invitations cannot be used again.
    expect(await getInvitation(getDb(), token)).toEqual({ status: "used" });
    expect((await acceptInvitation(getDb(), { token, password: "another long one" })).status).toBe("used");
  });

  it("staff share only what the person could share themselves, on a legal basis, never as the person's consent (issue 16)", async () => {
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    const sam = await recordId("Sam Taylor");
    const base = { kind: "carer_of" as const, serviceUserId: sam, displayName: "Chris Taylor", email: "chris@example.org" };
    // Consent is the person's to give, on their own sharing page.
    await expect(createInvitation(getDb(), jo, { ...base, scopes: ["plan.crisis"], basis: "consent" })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(createInvitation(getDb(), jo, { ...base, scopes: ["plan.crisis"], basis: null })).rejects.toBeInstanceOf(NotAllowedError);
    // Writing goals as the person, or acting for them, is never given by an invitation.
    for (const scope of ["goals.write", "act_on_behalf", "requests.create", "plan.summary"] as const) {
      await expect(createInvitation(getDb(), jo, { ...base, scopes: [scope], basis: "best_interests" })).rejects.toBeInstanceOf(NotAllowedError);
      await expect(createInvitation(getDb(), jo, { ...base, kind: "advocate_for", scopes: [scope], basis: "best_interests" })).rejects.toBeInstanceOf(NotAllowedError);
    }
    // The person's own invitation is on their consent, and only with what their sharing page offers.
    const samActor = await actorFor(demoPeople.sam.email);
    await expect(createInvitation(getDb(), samActor, { ...base, scopes: ["goals.write"], basis: "consent" })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(createInvitation(getDb(), samActor, { ...base, scopes: ["plan.crisis"], basis: "best_interests" })).rejects.toBeInstanceOf(NotAllowedError);
    // Nothing ticked: no basis is recorded, and the carer sees only whose record it is until the person shares.
    const { token } = await createInvitation(getDb(), jo, { ...base, scopes: [], basis: null });
    await acceptInvitation(getDb(), { token, password: "long enough words" });
    expect((await actorFor("chris@example.org")).relationships).toEqual([{ kind: "carer_of", serviceUserId: sam, scopes: [] }]);
  });

  it("a carer invitation carries exactly the scopes and basis staff recorded", async () => {
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    const sam = await recordId("Sam Taylor");
    const { token } = await createInvitation(getDb(), jo, {
      kind: "carer_of",
      serviceUserId: sam,
      displayName: "Chris Taylor",
      email: "chris@example.org",
      scopes: ["plan.crisis"],
      basis: "best_interests",
    });
    await acceptInvitation(getDb(), { token, password: "long enough words" });
    const chris = await actorFor("chris@example.org");
    expect(chris.relationships).toEqual([{ kind: "carer_of", serviceUserId: sam, scopes: ["plan.crisis"] }]);
    const grants = await getDb().select().from(sharingGrants).innerJoin(relationships, eq(relationships.id, sharingGrants.relationshipId)).where(eq(relationships.serviceUserId, sam));
    expect(grants.some((g) => g.sharing_grants.scope === "plan.crisis" && g.sharing_grants.basis === "best_interests")).toBe(true);
  });

  it("staff cannot invite a carer for someone not on their caseload", async () => {
    await seedDemoData(getDb());
    const tom = await actorFor(demoPeople.tom.email);
    const sam = await recordId("Sam Taylor");
    await expect(
      createInvitation(getDb(), tom, {
        kind: "carer_of",
        serviceUserId: sam,
        displayName: "X",
        email: "x@example.org",
        scopes: [],
        basis: null,
      }),
    ).rejects.toBeInstanceOf(NotAllowedError);
  });

  it("service users and carers cannot create invitations", async () => {
    await seedDemoData(getDb());
    for (const email of [demoPeople.sam.email, demoPeople.alex.email]) {
      const actor = await actorFor(email);
      await expect(
        createInvitation(getDb(), actor, { kind: "service_user", displayName: "X", email: "x@example.org", planLevel: "cpa" }),
      ).rejects.toBeInstanceOf(NotAllowedError);
    }
  });

  it("expired invitations get a plain status and cannot be used", async () => {
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    const created = new Date("2026-01-01T09:00:00Z");
    const { token } = await createInvitation(
      getDb(),
      jo,
      { kind: "service_user", displayName: "Old", email: "old@example.org", planLevel: "lpc" },
      created,
    );
    const later = new Date("2026-01-09T09:00:00Z");
    expect(await getInvitation(getDb(), token, later)).toEqual({ status: "expired" });
    expect((await acceptInvitation(getDb(), { token, password: "long enough words" }, later)).status).toBe("expired");
    expect(await getInvitation(getDb(), "made-up-token")).toEqual({ status: "unknown" });
  });

  it("refuses an invitation whose email already has an account", async () => {
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    const { token } = await createInvitation(getDb(), jo, {
      kind: "service_user",
      displayName: "Sam again",
      email: demoPeople.sam.email,
      planLevel: "cpa",
    });
    expect((await acceptInvitation(getDb(), { token, password: "long enough words" })).status).toBe("email-taken");
  });

  it("records creating and accepting in the audit log", async () => {
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    const { token } = await createInvitation(getDb(), jo, {
      kind: "service_user",
      displayName: "Ruth Evans",
      email: "ruth@example.org",
      planLevel: "cpa",
    });
    await acceptInvitation(getDb(), { token, password: "long enough words" });
    const events = await getDb().select().from(auditEvents);
    expect(events.map((e) => e.action)).toEqual(["invitation.create", "invitation.accept"]);
    expect(events[0]!.actorAccountId).toBe(jo.accountId);
  });
});

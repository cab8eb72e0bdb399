import { and, count, eq, inArray, like, notInArray } from "drizzle-orm";
import { resealTotpKeys, saveRecoveryCodes, sealTotpKey } from "~/models/account-security.server";
import type { Db } from "~/utils/db.server";
import { hashPassword } from "~/utils/passwords.server";
import { accounts, appointments, relationships, serviceUsers, sharingGrants } from "./schema/index";
import { seedPlans } from "./seed-plans";

/** Every demo account uses this password. The people are fictional. */
export const DEMO_PASSWORD = "demo-portal-pass";

export const demoPeople = {
  sam: { email: "sam.taylor@example.org", displayName: "Sam Taylor" },
  alex: { email: "alex.taylor@example.org", displayName: "Alex Taylor" },
  priya: { email: "priya.shah@example.org", displayName: "Priya Shah" },
  jo: { email: "jo.okafor@example.org", displayName: "Jo Okafor" },
  maya: { email: "maya.rahman@example.org", displayName: "Maya Rahman" },
  tom: { email: "tom.hughes@example.org", displayName: "Tom Hughes" },
  rowan: { email: "rowan.price@example.org", displayName: "Rowan Price" },
} as const;

/**
 * The demo staff (Jo and Tom) and the demo admin (Rowan) have an authenticator app set up with this
 * public key (decision 044):
 * add it to any authenticator app by hand ("enter a setup key", time-based) or with
 * DEMO_TOTP_URI. Fictional people, a public key: never for real accounts.
 */
export const DEMO_TOTP_KEY = "CAREPORTALDEMOKEYFORSTAFFONLY234";
export const DEMO_TOTP_URI = `otpauth://totp/Care%20portal%20demo:staff?secret=${DEMO_TOTP_KEY}&issuer=Care+portal+demo&algorithm=SHA1&digits=6&period=30`;
/** The demo staff's recovery codes (each works once in a database). */
export const DEMO_RECOVERY_CODES = [
  "DEMXA-2345A", "DEMXB-2345B", "DEMXC-2345C", "DEMXD-2345D", "DEMXE-2345E",
  "DEMXF-2345F", "DEMXG-2345G", "DEMXH-2345H", "DEMXJ-2345J", "DEMXK-2345K",
];
/** Everyone in the demo who must use a second step: staff and the admin. */
export const demoStaffEmails: string[] = [demoPeople.jo.email, demoPeople.tom.email, demoPeople.rowan.email];

/**
 * The demo key sealed again with this process's secret where it no longer opens: the local demo
 * has a new secret at every start, and the database seeded by one process is served by another.
 */
export function resealDemoTotpKeys(db: Db): Promise<void> {
  return resealTotpKeys(db, demoStaffEmails, DEMO_TOTP_KEY);
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(accounts);
  return Number(row?.n ?? 0) === 0;
}

/** Whether any demo account is in this database (a deployment refuses to start then, unless allowed). */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(accounts)
    .where(inArray(accounts.email, Object.values(demoPeople).map((p) => p.email)));
  return Number(row?.n ?? 0) > 0;
}

/** Insert the demo people and their relationships. Run on an empty database only. */
export async function seedDemoData(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(accounts)
      .values(
        Object.values(demoPeople).map((p) => ({
          ...p,
          passwordHash,
          isStaff: p.email === demoPeople.jo.email || p.email === demoPeople.tom.email,
          // Rowan runs the portal's accounts (decision 045): an admin, on no one's care team.
          isAdmin: p.email === demoPeople.rowan.email,
        })),
      )
      .returning({ id: accounts.id, email: accounts.email });
    const id = (email: string) => inserted.find((a) => a.email === email)!.id;
    for (const email of demoStaffEmails) {
      await tx.update(accounts).set({ totpSecret: sealTotpKey(id(email), DEMO_TOTP_KEY), totpEnrolledAt: new Date() }).where(eq(accounts.id, id(email)));
      await saveRecoveryCodes(tx, id(email), DEMO_RECOVERY_CODES);
    }

    const [sam, maya] = await tx
      .insert(serviceUsers)
      .values([
        { displayName: demoPeople.sam.displayName, planLevel: "cpa" },
        { displayName: demoPeople.maya.displayName, planLevel: "lpc" },
      ])
      .returning({ id: serviceUsers.id });

    const rels = await tx
      .insert(relationships)
      .values([
        { accountId: id(demoPeople.sam.email), serviceUserId: sam!.id, kind: "service_user" },
        { accountId: id(demoPeople.alex.email), serviceUserId: sam!.id, kind: "carer_of" },
        { accountId: id(demoPeople.priya.email), serviceUserId: sam!.id, kind: "advocate_for" },
        { accountId: id(demoPeople.jo.email), serviceUserId: sam!.id, kind: "care_team_member_of", teamRole: "care_coordinator" },
        { accountId: id(demoPeople.maya.email), serviceUserId: maya!.id, kind: "service_user" },
        { accountId: id(demoPeople.tom.email), serviceUserId: maya!.id, kind: "care_team_member_of", teamRole: "care_coordinator" },
      ])
      .returning({ id: relationships.id, kind: relationships.kind });
    const alexRel = rels.find((r) => r.kind === "carer_of")!.id;
    const priyaRel = rels.find((r) => r.kind === "advocate_for")!.id;
    const samAccount = id(demoPeople.sam.email);
    await tx.insert(sharingGrants).values([
      // Sam shares his crisis plan, care team and appointments with Alex.
      { relationshipId: alexRel, scope: "plan.crisis", basis: "consent", grantedBy: samAccount },
      { relationshipId: alexRel, scope: "plan.care_team", basis: "consent", grantedBy: samAccount },
      { relationshipId: alexRel, scope: "appointments.read", basis: "consent", grantedBy: samAccount },
      // Priya is Sam's advocate and may act on his behalf.
      { relationshipId: priyaRel, scope: "plan.full", basis: "consent", grantedBy: samAccount },
      { relationshipId: priyaRel, scope: "goals.read", basis: "consent", grantedBy: samAccount },
      { relationshipId: priyaRel, scope: "requests.create", basis: "consent", grantedBy: samAccount },
      { relationshipId: priyaRel, scope: "act_on_behalf", basis: "consent", grantedBy: samAccount },
    ]);
    // Sam's next appointment with Jo, two weeks from now at 10:30 (UK time in winter; 11:30 in summer).
    const inTwoWeeks = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000);
    inTwoWeeks.setUTCHours(10, 30, 0, 0);
    await tx.insert(appointments).values({
      serviceUserId: sam!.id,
      kind: "appointment",
      startsAt: inTwoWeeks,
      mode: "in_person",
      place: "Riverside Community Mental Health Team, 12 Mill Lane",
      withWhom: "Jo Okafor, care coordinator",
      purpose: "To talk about how the new routine is going and plan the next month.",
      createdBy: id(demoPeople.jo.email),
    });
    await seedPlans(tx, {
      sam: sam!.id,
      maya: maya!.id,
      samAccount,
      jo: id(demoPeople.jo.email),
      tom: id(demoPeople.tom.email),
    });
  });
}

/** Jo, the demo care coordinator, to whom the scale seed gives a caseload of 40. */
export async function demoCoordinator(db: Db): Promise<{ id: string; name: string } | null> {
  const [jo] = await db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(eq(accounts.email, demoPeople.jo.email));
  return jo ?? null;
}

/** Whether the scale seed has run here: an example.org account that is not one of the demo people. */
export async function hasGeneratedPeople(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(like(accounts.email, "%@example.org"), notInArray(accounts.email, Object.values(demoPeople).map((p) => p.email))))
    .limit(1);
  return Boolean(row);
}

import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { invitations } from "#db/schema/index";
import { demoPeople, DEMO_PASSWORD, seedDemoData } from "#db/seed";
import { signIn } from "~/models/account.server";
import { acceptInvitation, createInvitation } from "~/models/invitation.server";
import { createAccountWithLink, setPasswordFromLink } from "~/models/password-links.server";
import { hashPassword } from "~/utils/passwords.server";
import { getDb } from "~/utils/db.server";
import { actorFor } from "../../tests/support/actors";
import { action as acceptAction } from "~/routes/invitations.$token";
import { action as passwordAction } from "~/routes/password.$token";
import { setDatabase, type DatabaseHandle } from "~/utils/db.server";
import { openTestDatabase, truncateAll } from "../../tests/support/test-db";
import { csrfForRequest } from "./csrf.server";

// A unit test with its own in-memory database, not a *.db.test.ts: the database projects share
// modules between files (isolate: false), so a module another file loaded first would not be the
// watched one below. This one runs in a fresh module graph of its own.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase("pglite");
  setDatabase(handle);
}, 120_000);
beforeEach(() => truncateAll());
afterAll(async () => {
  setDatabase(undefined);
  await handle?.close();
});

// The real hashing, watched: a spent or guessed token must never reach it.
vi.mock("~/utils/passwords.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/utils/passwords.server")>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});
const hashed = vi.mocked(hashPassword);
afterEach(() => hashed.mockClear());

const password = "kettle river spoon";

async function invite(email = "ruth.evans@example.org") {
  const jo = await actorFor(demoPeople.jo.email);
  return createInvitation(getDb(), jo, { kind: "service_user", displayName: "Ruth Evans", email, planLevel: "cpa" });
}

/** A posted set-password form with a valid CSRF cookie and token. */
function post(path: string, fields: Record<string, string>): Request {
  const { token, setCookie } = csrfForRequest(new Request(`http://localhost${path}`));
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: setCookie!.split(";")[0]!, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrf: token }),
  });
}

describe("a one-time token is looked up before any password hashing", () => {
  it("an unknown, used or expired invitation, or one whose email is taken, is refused without hashing", async () => {
    await seedDemoData(getDb());
    hashed.mockClear();
    expect(await acceptInvitation(getDb(), { token: "guessed", password })).toEqual({ status: "unknown" });
    const { token } = await invite();
    await getDb().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, "ruth.evans@example.org"));
    expect(await acceptInvitation(getDb(), { token, password })).toEqual({ status: "expired" });
    const taken = await invite(demoPeople.sam.email.toUpperCase());
    expect(await acceptInvitation(getDb(), { token: taken.token, password })).toEqual({ status: "email-taken" });
    expect(hashed).not.toHaveBeenCalled();
    // A good one is hashed once; using it again is refused before hashing.
    const good = await invite("lee.grant@example.org");
    expect((await acceptInvitation(getDb(), { token: good.token, password })).status).toBe("ok");
    expect(hashed).toHaveBeenCalledTimes(1);
    expect(await acceptInvitation(getDb(), { token: good.token, password })).toEqual({ status: "used" });
    expect(hashed).toHaveBeenCalledTimes(1);
  });

  it("an unknown or used password link is refused without hashing", async () => {
    await seedDemoData(getDb());
    hashed.mockClear();
    expect(await setPasswordFromLink(getDb(), { token: "guessed", password })).toEqual({ status: "unknown" });
    const { token } = await createAccountWithLink(getDb(), { email: "nia.evans@trust.example", displayName: "Nia Evans", role: "staff" });
    expect((await setPasswordFromLink(getDb(), { token, password })).status).toBe("ok");
    expect(await setPasswordFromLink(getDb(), { token, password })).toEqual({ status: "used" });
    expect(hashed).toHaveBeenCalledTimes(1);
  });
});

describe("using one-time links is rate limited per address", () => {
  it.each([
    ["accepting an invitation", "/invitations/guessed", acceptAction],
    ["setting a password from a link", "/password/guessed", passwordAction],
  ])("%s: ten wrong tokens from one address, then that address waits; others and sign-in are not affected", async (_, path, action) => {
    await seedDemoData(getDb());
    const attempt = (address: string) =>
      action({ request: post(path, { password }), params: { token: "guessed" }, context: { clientAddress: address } }) as Promise<Response>;
    for (let i = 0; i < 10; i++) expect((await attempt("192.0.2.7")).status).toBe(400);
    const refused = await attempt("192.0.2.7");
    expect(refused.status).toBe(429);
    expect(JSON.stringify(await refused.json())).toContain("auth:oneTimeLink.locked");
    // Another address may still try; signing in from the refused address still works.
    expect((await attempt("198.51.100.1")).status).toBe(400);
    expect(await signIn(getDb(), { email: demoPeople.sam.email, password: DEMO_PASSWORD, address: "192.0.2.7" })).toMatchObject({ status: "ok" });
    // A refused address does not reach the token at all, even a good one.
    const { token } = await invite();
    const good = await action({ request: post(`/invitations/${token}`, { password }), params: { token }, context: { clientAddress: "192.0.2.7" } });
    expect((good as Response).status).toBe(429);
  });
});

describe("a password made from the person's own name or email is refused", () => {
  it.each([
    ["accepting an invitation", "invitation"],
    ["setting a password from a link", "link"],
  ])("%s: refused before hashing, with the reason on the password field; a common one too", async (_, kind) => {
    await seedDemoData(getDb());
    const token =
      kind === "invitation"
        ? (await invite()).token
        : (await createAccountWithLink(getDb(), { email: "ruth.evans@trust.example", displayName: "Ruth Evans", role: "staff" })).token;
    const path = kind === "invitation" ? `/invitations/${token}` : `/password/${token}`;
    const action = kind === "invitation" ? acceptAction : passwordAction;
    const attempt = (pw: string) =>
      action({ request: post(path, { password: pw }), params: { token }, context: { clientAddress: "192.0.2.9" } }) as Promise<Response>;
    hashed.mockClear();
    for (const pw of ["RuthEvans1", "ruth.evans!!", "Evans2026!"]) {
      const refused = await attempt(pw);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await refused.json())).toContain("validation:newPassword.personal");
    }
    // From the maintained list, not the old short one.
    const common = await attempt("manchester");
    expect(JSON.stringify(await common.json())).toContain("validation:newPassword.common");
    expect(hashed).not.toHaveBeenCalled();
    // A phrase with one of her names in it is fine.
    const ok = await attempt("truth kettle river");
    expect(ok.status).toBe(302);
  });
});

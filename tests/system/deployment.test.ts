import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoPeople } from "#db/seed";
import { createPgCluster, freePort, type PgCluster } from "../support/pg-cluster";
import { cookiesFrom, runPortal, signInOverHttp, status } from "../support/portal-process";

/**
 * Deployment mode, run as an operator would: the production build started with real settings,
 * against a PostgreSQL server of the test's own and embedded data folders in temporary places.
 */
const secret = "s".repeat(40);
let cluster: PgCluster;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "care-portal-deploy-"));
  cluster = await createPgCluster();
  cluster.start();
});
afterAll(() => {
  cluster?.destroy();
  rmSync(scratch, { recursive: true, force: true });
});

function database(name: string): string {
  cluster.psql(`CREATE DATABASE ${name}`);
  return cluster.url(name);
}

describe("settings checked at start-up", () => {
  it.each([
    [{ DATABASE_URL: "postgres://127.0.0.1:1/x", PUBLIC_URL: "https://p.example" }, /^SESSION_SECRET is missing/],
    [{ SESSION_SECRET: "too-short", PUBLIC_URL: "https://p.example" }, /^SESSION_SECRET is too short/],
    [{ SESSION_SECRET: secret }, /^PUBLIC_URL is missing/],
    [{ TRUST_PROXY: "sometimes" }, /^TRUST_PROXY must be/],
  ])("refuses %j with one plain line and a non-zero exit", async (env, message) => {
    const portal = runPortal({ PORT: "0", DATA_DIR: path.join(scratch, "never-made"), ...env });
    expect(await portal.exited).toBe(1);
    const lines = portal.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it("starts with TRUST_PROXY=true, which used to crash it", async () => {
    const portal = runPortal({ PORT: "0", TRUST_PROXY: "true", DATA_DIR: path.join(scratch, "trust-proxy", "pglite") });
    const base = await portal.listening;
    expect(await status(`${base}/urgent-help`)).toBe(200);
    expect(await portal.stop()).toBe(0);
  });

  it("says in one line that the port is in use", async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const portal = runPortal({ PORT: String(port), DATA_DIR: path.join(scratch, "port-in-use", "pglite") });
      expect(await portal.exited).toBe(1);
      expect(portal.output().trim()).toBe(`Port ${port} is already in use: stop what is using it, or set PORT to another port.`);
    } finally {
      blocker.close();
    }
  });
});

describe("one process per embedded data folder", () => {
  it("a second process on the same folder exits at once naming it; the first goes on serving", async () => {
    const dataDir = path.join(scratch, "shared", "pglite");
    const first = runPortal({ PORT: "0", DATA_DIR: dataDir });
    const base = await first.listening;
    await expectEventuallyReady(base);
    const second = runPortal({ PORT: "0", DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`The database folder ${dataDir} is already in use by another care-portal process`);
    expect(second.output()).not.toMatch(/listening/);
    // The first still serves its (seeded) database.
    await signInOverHttp(base, demoPeople.sam.email, DEMO_PASSWORD);
    expect(await first.stop()).toBe(0);
  });
});

describe("a deployment on PostgreSQL", () => {
  it("never seeds demo people; account:create makes the first staff account with a one-time link", async () => {
    const url = database("deploy_empty");
    const env = { DATABASE_URL: url, SESSION_SECRET: secret, PUBLIC_URL: "https://portal.example.nhs.uk" };
    const portal = runPortal({ ...env, PORT: "0" });
    const base = await portal.listening;
    await expectEventuallyReady(base);
    expect(cluster.psql("SELECT count(*) FROM accounts", "deploy_empty")).toBe("0");
    expect(await status(`${base}/login`)).toBe(200);
    // The README's demo password opens nothing.
    await expect(signInOverHttp(base, demoPeople.jo.email, DEMO_PASSWORD)).rejects.toThrow();

    const made = runPortal(env, ["account:create", "--role", "staff", "--email", "new.coordinator@trust.example", "--name", "Nia Evans"]);
    expect(await made.exited).toBe(0);
    const link = made.output().match(/https:\/\/portal\.example\.nhs\.uk\/password\/[A-Za-z0-9_-]+/)?.[0];
    expect(link, made.output()).toBeTruthy();
    expect(cluster.psql("SELECT is_staff, is_admin, password_hash IS NULL FROM accounts", "deploy_empty")).toBe("t|f|t");

    // The link, opened on this server, sets the password and signs the person in.
    const local = link!.replace("https://portal.example.nhs.uk", base);
    const form = await fetch(local);
    const html = await form.text();
    expect(form.status).toBe(200);
    const csrf = html.match(/name="csrf" value="([^"]+)"/)![1]!;
    const saved = await fetch(local, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookiesFrom(form) },
      body: new URLSearchParams({ csrf, password: "heron kettle lantern" }),
    });
    expect(saved.status).toBe(302);
    await signInOverHttp(base, "new.coordinator@trust.example", "heron kettle lantern");
    // Once used, the link is spent.
    expect(await (await fetch(local)).text()).toContain("This link has already been used");
    expect(await portal.stop()).toBe(0);
  });

  it("refuses to start while demo accounts are in its database, unless ALLOW_DEMO_DATA=true", async () => {
    const url = database("deploy_demo");
    const env = { DATABASE_URL: url, SESSION_SECRET: secret, PUBLIC_URL: "http://127.0.0.1" };
    const seeded = runPortal(env, ["seed", "--demo"]);
    expect(await seeded.exited).toBe(0);
    expect(Number(cluster.psql("SELECT count(*) FROM accounts", "deploy_demo"))).toBeGreaterThan(0);

    const refused = runPortal({ ...env, PORT: "0" });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain("This database holds the demo accounts");

    const allowed = runPortal({ ...env, PORT: "0", ALLOW_DEMO_DATA: "true" });
    const base = await allowed.listening;
    await expectEventuallyReady(base);
    await signInOverHttp(base, demoPeople.jo.email, DEMO_PASSWORD);
    expect(await allowed.stop()).toBe(0);
  });
});

/**
 * Ready once migrated (and, in the demo, seeded: a password hash per demo person). Waits for it, up to
 * two minutes: on a busy shared machine a first start took over 30 s. Not a speed check (that is the bench).
 */
async function expectEventuallyReady(base: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if ((await status(`${base}/readyz`).catch(() => 0)) === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("not ready in 120 s");
}

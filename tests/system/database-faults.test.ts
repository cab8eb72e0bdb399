import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgCluster, type PgCluster } from "../support/pg-cluster";
import { eventually, runPortal, signInOverHttp, status, type PortalProcess } from "../support/portal-process";

/**
 * The database comes and goes; the portal stays. A PostgreSQL server of the test's own is
 * stopped before start-up, stopped and started while serving, and has its connections ended
 * (what any restart or failover does). Urgent help never fails; other pages answer 503 with
 * Retry-After, never 500; the portal recovers by itself; the log stays short and holds no
 * stack traces, SQL parameters or typed text.
 */
const secret = "f".repeat(40);
const ADMIN_EMAIL = "night.coordinator@trust.example";
/**
 * A page only a signed-in person gets. A new member of staff has no authenticator app yet, so
 * the one page their session opens is setting one up (decision 044): it reads the session too.
 */
const SIGNED_IN_PAGE = "/account/authenticator";
const PASSWORD = "harbour violet compass";
let cluster: PgCluster;
let url: string;

beforeAll(async () => {
  cluster = await createPgCluster();
  cluster.start();
  cluster.psql("CREATE DATABASE faults");
  url = cluster.url("faults");
  // An account to sign in with (made as an operator would, then given a password by its link).
  const made = runPortal(env(), ["account:create", "--role", "staff", "--email", ADMIN_EMAIL, "--name", "Night Coordinator"]);
  expect(await made.exited).toBe(0);
  const link = made.output().match(/\/password\/([A-Za-z0-9_-]+)/)![0];
  const portal = runPortal({ ...env(), PORT: "0" });
  const base = await portal.listening;
  await eventually(async () => (await status(`${base}/readyz`)) === 200, 30_000, "ready");
  const form = await fetch(`${base}${link}`);
  const csrf = (await form.text()).match(/name="csrf" value="([^"]+)"/)![1]!;
  const cookie = form.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const saved = await fetch(`${base}${link}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ csrf, password: PASSWORD }),
  });
  expect(saved.status).toBe(302);
  await portal.stop();
});
afterAll(() => cluster?.destroy());

function env(): Record<string, string> {
  return { DATABASE_URL: url, SESSION_SECRET: secret, PUBLIC_URL: "http://127.0.0.1" };
}

async function get(base: string, path: string, cookie = "") {
  const response = await fetch(`${base}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  const body = await response.text();
  return { status: response.status, retryAfter: response.headers.get("Retry-After"), body };
}

function expectQuietLog(portal: PortalProcess) {
  const log = portal.output();
  expect(log, "no stack traces").not.toMatch(/^\s+at /m);
  expect(log, "no SQL or parameters").not.toMatch(/select|insert|update|params/i);
  expect(log, "no emails").not.toContain("@");
  return log.trim().split("\n");
}

describe("the database comes and goes; the portal stays", () => {
  it("starts with the database down, answers 503 (urgent help 200), then serves by itself when it comes back", async () => {
    cluster.stop();
    const portal = runPortal({ ...env(), PORT: "0" });
    try {
      const base = await portal.listening;
      expect((await get(base, "/urgent-help")).status).toBe(200);
      const login = await get(base, "/login");
      expect(login.status).toBe(503);
      expect(login.retryAfter).toBe("10");
      expect(login.body).toContain("This part of the portal is not working right now");
      expect(login.body).toContain('href="/urgent-help"');
      expect((await get(base, "/healthz")).status).toBe(200);
      expect((await get(base, "/readyz")).status).toBe(503);
      // A JavaScript navigation gets the same answer.
      expect((await get(base, "/login?_data=routes%2Flogin")).status).toBe(503);

      cluster.start();
      await eventually(async () => (await get(base, "/readyz")).status === 200, 30_000, "ready after the database came back");
      expect((await get(base, "/login")).status).toBe(200);
      await signInOverHttp(base, ADMIN_EMAIL, PASSWORD);
      const lines = expectQuietLog(portal);
      expect(lines.length).toBeLessThanOrEqual(4);
    } finally {
      expect(await portal.stop()).toBe(0);
    }
  });

  it("survives its connections being ended, and the database stopping and starting while it serves", async () => {
    const portal = runPortal({ ...env(), PORT: "0" });
    try {
      const base = await portal.listening;
      await eventually(async () => (await get(base, "/readyz")).status === 200, 30_000, "ready");
      const cookie = await signInOverHttp(base, ADMIN_EMAIL, PASSWORD);
      expect((await get(base, SIGNED_IN_PAGE, cookie)).status).toBe(200);

      // What a restart or failover does to every open connection: the process used to die here.
      cluster.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'care-portal'");
      await eventually(async () => (await get(base, SIGNED_IN_PAGE, cookie)).status === 200, 15_000, "pages after connections ended");
      expect(portal.child.exitCode).toBeNull();

      // Stopped while serving: 503 (never 500) meanwhile, urgent help all along.
      cluster.stop();
      const seen = new Set<number>();
      for (let i = 0; i < 10; i++) {
        seen.add((await get(base, SIGNED_IN_PAGE, cookie)).status);
        expect((await get(base, "/urgent-help")).status).toBe(200);
      }
      expect([...seen]).toEqual([503]);

      cluster.start();
      await eventually(async () => (await get(base, SIGNED_IN_PAGE, cookie)).status === 200, 30_000, "recovery after the database came back");
      // The session made before the outage still works: nothing was lost.
      expect((await get(base, SIGNED_IN_PAGE, cookie)).body).toContain("Night Coordinator");
      const lines = expectQuietLog(portal);
      expect(lines.length, lines.join("\n")).toBeLessThanOrEqual(10);
    } finally {
      expect(await portal.stop()).toBe(0);
    }
  });

  it("two instances start together on one database (migrations take turns) and share sign-in", async () => {
    cluster.psql("CREATE DATABASE twins");
    const twinsEnv = { ...env(), DATABASE_URL: cluster.url("twins"), PORT: "0" };
    const a = runPortal(twinsEnv);
    const b = runPortal(twinsEnv);
    try {
      const [baseA, baseB] = await Promise.all([a.listening, b.listening]);
      for (const base of [baseA, baseB]) {
        await eventually(async () => (await get(base, "/readyz")).status === 200, 30_000, `ready: ${base}`);
      }
      expect(cluster.psql("SELECT count(*) FROM drizzle.__drizzle_migrations", "twins")).toBe(
        cluster.psql("SELECT count(*) FROM drizzle.__drizzle_migrations", "faults"),
      );
      // An account made while both run; signed in on one, carried on with on the other.
      const made = runPortal({ ...twinsEnv, PORT: "" }, ["account:create", "--role", "admin", "--email", "ops@trust.example", "--name", "Ops"]);
      expect(await made.exited).toBe(0);
      expect(cluster.psql("SELECT is_staff, is_admin FROM accounts", "twins")).toBe("f|t");
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const cookieTest = runPortal({ ...env(), PORT: "0" });
    const cookieTest2 = runPortal({ ...env(), PORT: "0" });
    try {
      const [one, two] = await Promise.all([cookieTest.listening, cookieTest2.listening]);
      await eventually(async () => (await get(one, "/readyz")).status === 200, 30_000, "ready one");
      await eventually(async () => (await get(two, "/readyz")).status === 200, 30_000, "ready two");
      const cookie = await signInOverHttp(one, ADMIN_EMAIL, PASSWORD);
      const there = await get(two, SIGNED_IN_PAGE, cookie);
      expect(there.status).toBe(200);
      expect(there.body).toContain("Night Coordinator");
    } finally {
      await Promise.all([cookieTest.stop(), cookieTest2.stop()]);
    }
  });

  it("on SIGTERM finishes a request under way before it closes the database and exits", async () => {
    const portal = runPortal({ ...env(), PORT: "0" });
    const base = await portal.listening;
    await eventually(async () => (await get(base, "/readyz")).status === 200, 30_000, "ready");
    // A sign-in whose form arrives slowly: under way when the signal comes.
    const page = await fetch(`${base}/login`);
    const csrf = (await page.text()).match(/name="csrf" value="([^"]+)"/)![1]!;
    const cookie = page.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const body = new URLSearchParams({ csrf, email: ADMIN_EMAIL, password: PASSWORD }).toString();
    let sendRest: () => void = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body.slice(0, 10)));
        sendRest = () => {
          controller.enqueue(new TextEncoder().encode(body.slice(10)));
          controller.close();
        };
      },
    });
    const pending = fetch(`${base}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "Content-Length": String(body.length) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 300));
    portal.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    expect(portal.child.exitCode, "still finishing the request").toBeNull();
    sendRest();
    const response = await pending;
    expect(response.status).toBe(302);
    expect(await portal.exited).toBe(0);
  });
});

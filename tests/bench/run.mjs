// `npm run bench`: build if needed, start the production server on a fresh embedded database,
// and measure three routes with autocannon. A benchmark, not a test: it reports, never fails the tests.
import { execSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

execSync("node app/server/build-if-needed.mjs", { stdio: "inherit" });

const dataDir = mkdtempSync(path.join(tmpdir(), "care-portal-bench-"));
const server = spawn(process.execPath, ["build/server.js"], {
  env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: path.join(dataDir, "pglite"), DATABASE_URL: "" },
  stdio: ["ignore", "pipe", "inherit"],
});
const base = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (chunk) => {
    out += chunk;
    const m = out.match(/listening on (http:\/\/localhost:\d+)/);
    if (m) resolve(m[1].replace("localhost", "127.0.0.1"));
  });
  server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
});

// It listens at once and opens (and seeds) its database in the background: wait until it can serve.
while ((await fetch(`${base}/readyz`).then((r) => r.status, () => 0)) !== 200) await new Promise((r) => setTimeout(r, 200));

function cookiesFrom(response) {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

// Sign in as Sam through the real form to get a session cookie.
const loginPage = await fetch(`${base}/login`);
const csrfCookie = cookiesFrom(loginPage);
const token = (await loginPage.text()).match(/name="csrf" value="([^"]+)"/)[1];
const signIn = await fetch(`${base}/login`, {
  method: "POST",
  headers: { Cookie: csrfCookie.join("; "), "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ csrf: token, email: "sam.taylor@example.org", password: "demo-portal-pass" }),
  redirect: "manual",
});
const samCookie = [...csrfCookie, ...cookiesFrom(signIn)].join("; ");
if (signIn.status !== 302) throw new Error(`sign-in for the benchmark failed (${signIn.status})`);

const targets = [
  { name: "/urgent-help (no database)", path: "/urgent-help", headers: {} },
  { name: "/login (signed out)", path: "/login", headers: {} },
  { name: "/ signed in as Sam", path: "/", headers: { Cookie: samCookie } },
];

const results = [];
for (const t of targets) {
  const r = await autocannon({ url: base + t.path, connections: CONNECTIONS, duration: DURATION, headers: t.headers });
  const errors = r.errors + r.timeouts + (r.non2xx ?? 0);
  results.push({
    route: t.name,
    requestsPerSecond: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p97_5ms: r.latency.p97_5,
    p99ms: r.latency.p99,
    errors,
  });
}

server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
rmSync(dataDir, { recursive: true, force: true });

console.log(`\n${CONNECTIONS} connections, ${DURATION} s per route, production build on embedded PGlite\n`);
console.table(results);
mkdirSync("tests/.output", { recursive: true });
const file = "tests/.output/bench.json";
writeFileSync(
  file,
  JSON.stringify({ at: new Date().toISOString(), node: process.version, connections: CONNECTIONS, durationSeconds: DURATION, results }, null, 2),
);
console.log(`Written to ${file}`);

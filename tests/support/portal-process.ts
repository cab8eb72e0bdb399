import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

/** A portal process (the production build) whose output and exit the test can watch. */
export interface PortalProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the base URL once it listens; rejects if it exits first. */
  listening: Promise<string>;
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Run `node build/server.js [args]` with exactly the variables given (plus PATH and HOME). */
export function runPortal(env: Record<string, string>, args: string[] = []): PortalProcess {
  const child = spawn(process.execPath, ["build/server.js", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not listen in 60 s:\n${output}`)), 60_000);
    const check = () => {
      const match = output.match(/listening on http:\/\/localhost:(\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before listening:\n${output}`));
    });
  });
  listening.catch(() => {});
  return {
    child,
    output: () => output,
    listening,
    exited,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timeout = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const code = await exited;
      clearTimeout(timeout);
      return code;
    },
  };
}

/** Poll until `check` is true (or throw after `ms`). */
export async function eventually(check: () => Promise<boolean>, ms: number, label: string): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${label}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function status(url: string, init?: RequestInit): Promise<number> {
  const response = await fetch(url, { redirect: "manual", ...init });
  await response.arrayBuffer();
  return response.status;
}

/** Cookies from a response, as a Cookie header value. */
export function cookiesFrom(response: Response, previous = ""): string {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map((c) => [c.split("=")[0]!, c] as const),
  );
  for (const set of response.headers.getSetCookie()) {
    const pair = set.split(";")[0]!;
    jar.set(pair.split("=")[0]!, pair);
  }
  return [...jar.values()].join("; ");
}

/** Sign in through the real form (CSRF cookie and token included); returns the Cookie header. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${base}/login`);
  const html = await page.text();
  let cookies = cookiesFrom(page);
  const csrf = html.match(/name="csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error("no CSRF token on /login");
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies },
    body: new URLSearchParams({ csrf, email, password }),
  });
  await response.arrayBuffer();
  if (response.status !== 302 && response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
  cookies = cookiesFrom(response, cookies);
  return cookies;
}

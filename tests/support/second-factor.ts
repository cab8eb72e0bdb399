import { DEMO_TOTP_KEY } from "#db/seed";
import { TOTP_STEP_SECONDS, totpCode, totpStep } from "~/utils/totp.server";

/**
 * The second step of signing in for the demo staff (decision 044), as their authenticator app
 * would do it: a code from the public demo key. A code works once per account, so this keeps the
 * last 30-second step it used for each account on each server, and takes the next one (the step
 * after now is accepted too); when both are used it waits for the next step.
 */
const usedKey = Symbol.for("care-portal.demo-totp-steps");
const used: Map<string, number> = ((globalThis as Record<symbol, Map<string, number>>)[usedKey] ??= new Map());

export async function demoTotpCode(server: string, email: string): Promise<string> {
  const key = `${server}\n${email}`;
  for (;;) {
    const now = Date.now();
    const current = totpStep(now);
    const last = used.get(key) ?? Number.NEGATIVE_INFINITY;
    const step = [current, current + 1].find((s) => s > last);
    if (step !== undefined) {
      used.set(key, step);
      return totpCode(DEMO_TOTP_KEY, step * TOTP_STEP_SECONDS * 1000);
    }
    await new Promise((resolve) => setTimeout(resolve, (current + 1) * TOTP_STEP_SECONDS * 1000 - now + 50));
  }
}

/**
 * Forget the steps used for this account on this server, after the test has cleared the account's
 * last accepted step in the database itself (only a test with its own database can): the next code
 * is then the current one, with no wait for the next 30-second step.
 */
export function forgetDemoTotpSteps(server: string, email: string): void {
  used.delete(`${server}\n${email}`);
}

/** Cookies as a Cookie header, from a response's Set-Cookie headers added to what was sent. */
function withCookies(cookie: string, response: Response): string {
  const jar = new Map(cookie.split("; ").filter(Boolean).map((c) => [c.split("=")[0]!, c] as const));
  for (const set of response.headers.getSetCookie()) {
    const pair = set.split(";")[0]!;
    jar.set(pair.split("=")[0]!, pair);
  }
  return [...jar.values()].join("; ");
}

/**
 * Over HTTP, without a browser: after the password was right and the portal sent the person to
 * `/login/code`, give the code. Returns the cookies of the full session.
 */
export async function secondStepOverHttp(base: string, cookie: string, email: string): Promise<string> {
  const page = await fetch(`${base}/login/code`, { headers: { cookie } });
  const html = await page.text();
  const csrf = html.match(/name="csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error(`No code form for ${email} (${page.status})`);
  const cookies = withCookies(cookie, page);
  const response = await fetch(`${base}/login/code`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookies, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ code: await demoTotpCode(base, email), csrf }),
  });
  if (response.status !== 302) throw new Error(`The second step for ${email} answered ${response.status}`);
  return withCookies(cookies, response);
}

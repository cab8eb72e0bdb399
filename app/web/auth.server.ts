import { redirect } from "@remix-run/node";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { accounts, communicationNeeds, relationships, sessions, sharingGrants } from "#db/schema/index";
import { recordRefused } from "~/models/audit.server";
import { activeGrantFilter } from "~/models/grants.server";
import { secondStepFor } from "~/models/account-security.server";
import { can, type Action, type Actor, type ActorRelationship, type Scope, type Subject } from "~/models/access.server";
import { readCookie, serializeCookie } from "./cookies.server";
import { keepDraftOfPost } from "./drafts.server";
import { memoForRequest } from "./request-memo.server";
import { randomToken, sha256 } from "~/utils/crypto.server";
import { getDb, type Db } from "~/utils/db.server";
import { deviceOf } from "~/utils/device";
import { safeRedirect } from "~/utils/safe-redirect";
import { isSupportedLanguage } from "~/i18n";
import type { SuccessMessage } from "~/utils/success-messages";

export { SESSION_COOKIE } from "./cookies.server";
import { SESSION_COOKIE } from "./cookies.server";
export const IDLE_LIMIT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000;
export const WARNING_BEFORE_MS = 2 * 60 * 1000;
/** Avoid writing on every request: last-seen moves on at most once a minute. */
const TOUCH_EVERY_MS = 60 * 1000;

/** A session waiting for its second step (the code from the app) ends after 10 minutes. */
export const SECOND_STEP_LIMIT_MS = 10 * 60 * 1000;

export interface SignedIn {
  account: {
    id: string;
    displayName: string;
    email: string;
    isStaff: boolean;
    isAdmin: boolean;
    preferredLanguage: string | null;
    /** An authenticator app is set up: signing in asks for its code. */
    hasTotp: boolean;
    /**
     * Their own communication needs ask for Easy Read (CT-05): pages with an Easy Read version show
     * it first, and "Get help now" leads to urgent help in Easy Read. Read with the session, in the
     * same statement, so it costs no query of its own and is never older than the request.
     */
    needsEasyRead: boolean;
  };
  actor: Actor;
  /** Milliseconds until this session ends if the person does nothing. */
  idleRemainingMs: number;
  /** This session's public id ("this device" on the account page). */
  sessionId: string;
  /**
   * A message left by the last save waits for the next page (web/saves.server.ts): read with the
   * session, so a page with none spends no statement on it.
   */
  hasFlash: boolean;
  /** How and when this session last proved who the person is (null in sessions from before it was kept). */
  signIn: SessionSignIn | null;
}

export type SignInMethod = "password" | "nhs-login";
export interface SessionSignIn {
  method: SignInMethod;
  at: Date;
}

export type SessionStage = "full" | "second_factor";

/**
 * A new session. "second_factor" is half signed in: the right password of an account with an
 * authenticator app, waiting for its code (routes/login_.code.tsx); it opens nothing else, and
 * ends after 10 minutes. The browser and system are kept in plain words (utils/device.ts).
 */
export async function createSession(
  db: Db,
  accountId: string,
  now = new Date(),
  options: { stage?: SessionStage; userAgent?: string | null; signIn?: SessionSignIn | null; flash?: SuccessMessage } = {},
): Promise<string> {
  const token = randomToken();
  const stage = options.stage ?? "full";
  await db.insert(sessions).values({
    idHash: sha256(token),
    accountId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + (stage === "full" ? ABSOLUTE_LIMIT_MS : SECOND_STEP_LIMIT_MS)),
    stage,
    ...deviceOf(options.userAgent),
    signInMethod: options.signIn?.method ?? null,
    signedInAt: options.signIn?.at ?? null,
    flash: options.flash ?? null,
  });
  return token;
}

/**
 * The same person, signed in, in a session with a new id (after a change to how they sign in, or the
 * second step): the old one ends, and how and when they signed in carries over unless they have just
 * signed in again (`signIn`). A success message (`flash`) can wait in the new one for the next page.
 */
export async function renewSession(
  db: Db,
  request: Request,
  accountId: string,
  options: { signIn?: SessionSignIn; flash?: SuccessMessage } = {},
): Promise<string> {
  const token = readCookie(request, SESSION_COOKIE);
  const [old] = token
    ? await db.select({ method: sessions.signInMethod, at: sessions.signedInAt }).from(sessions).where(eq(sessions.idHash, sha256(token)))
    : [];
  await endSession(db, request);
  const carried = old?.method && old.at ? { method: old.method, at: old.at } : null;
  return createSession(db, accountId, new Date(), { userAgent: request.headers.get("user-agent"), signIn: options.signIn ?? carried, flash: options.flash });
}

/** Whether this session signed in with `method` within the last `withinMs` (a recent sign-in, asked before some changes). */
export function signedInRecently(signedIn: SignedIn, method: SignInMethod, withinMs: number, now = new Date()): boolean {
  const at = signedIn.signIn?.method === method ? signedIn.signIn.at.getTime() : null;
  return at !== null && at <= now.getTime() && now.getTime() - at < withinMs;
}

/** The session's token hash, for the model (ending the other sessions of an account, say). */
export function sessionHashOf(request: Request): string | null {
  const token = readCookie(request, SESSION_COOKIE);
  return token ? sha256(token) : null;
}

export function sessionCookie(token: string): string {
  return serializeCookie(SESSION_COOKIE, token);
}

export function clearSessionCookie(): string {
  return serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0 });
}

/**
 * Signed in (a right password, or NHS login): a new session id, any session this browser had ended
 * on the server, then on to the page asked for, or first to the authenticator app's code (or to
 * setting one up) when the account has or needs one (decision 044). Every way in ends here, so
 * every way in asks for the same second step (SE-05).
 */
export async function openSignedInSession(db: Db, request: Request, accountId: string, redirectTo: string, method: SignInMethod): Promise<Response> {
  await endSession(db, request);
  const next = await secondStepFor(db, accountId);
  const keep = redirectTo === "/" ? "" : `?${new URLSearchParams({ redirectTo })}`;
  const now = new Date();
  const token = await createSession(db, accountId, now, {
    userAgent: request.headers.get("user-agent"),
    stage: next === "code" ? "second_factor" : "full",
    signIn: { method, at: now },
  });
  const to = next === "code" ? `/login/code${keep}` : next === "enrol" ? `/account/authenticator${keep}` : redirectTo;
  return redirect(to, { headers: { "Set-Cookie": sessionCookie(token) } });
}

export async function endSession(db: Db, request: Request): Promise<void> {
  const token = readCookie(request, SESSION_COOKIE);
  if (token) await db.delete(sessions).where(eq(sessions.idHash, sha256(token)));
}

/** Active relationships with their active grants: withdrawing a grant takes effect on the next request. */
export async function loadActor(
  db: Db,
  account: { id: string; isStaff: boolean; isAdmin?: boolean; carerSignedUp?: boolean },
  now = new Date(),
): Promise<Actor> {
  // One statement: each relationship with its grants in force (none: one row with no scope).
  const rows = await db
    .select({ id: relationships.id, kind: relationships.kind, serviceUserId: relationships.serviceUserId, scope: sharingGrants.scope })
    .from(relationships)
    .leftJoin(
      sharingGrants,
      and(eq(sharingGrants.relationshipId, relationships.id), activeGrantFilter(now)),
    )
    .where(and(eq(relationships.accountId, account.id), or(isNull(relationships.endedAt), gt(relationships.endedAt, now))));
  const byId = new Map<string, ActorRelationship & { scopes: Scope[] }>();
  for (const r of rows) {
    let rel = byId.get(r.id);
    if (!rel) {
      rel = { kind: r.kind, serviceUserId: r.serviceUserId, scopes: [] };
      byId.set(r.id, rel);
    }
    if (r.scope !== null) rel.scopes.push(r.scope as Scope);
  }
  const rels = [...byId.values()];
  return { accountId: account.id, isStaff: account.isStaff, isAdmin: account.isAdmin ?? false, relationships: rels, carerSignedUp: account.carerSignedUp ?? false };
}

/**
 * An ended session still names its account while its row is there: what was typed can be kept for them.
 * "second_factor": the password was right, the app's code is still to come. "enrol": a staff or
 * admin account with no authenticator app yet: it may only set one up (decision 044).
 */
export type SessionState =
  | { status: "none" }
  | { status: "expired"; accountId: string | null }
  | { status: "second_factor"; accountId: string }
  | { status: "enrol"; signedIn: SignedIn }
  | { status: "active"; signedIn: SignedIn };

/** Look up the session once per request (the root and the route loaders share it: web/request-memo.server.ts). */
export function readSession(request: Request, now = new Date()): Promise<SessionState> {
  return memoForRequest(request, "session", () => lookUpSession(getDb(), request, now));
}

async function lookUpSession(db: Db, request: Request, now: Date): Promise<SessionState> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return { status: "none" };
  const idHash = sha256(token);
  const [row] = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      stage: sessions.stage,
      publicId: sessions.publicId,
      signInMethod: sessions.signInMethod,
      signedInAt: sessions.signedInAt,
      hasFlash: sql<boolean>`${sessions.flash} is not null`,
      id: accounts.id,
      displayName: accounts.displayName,
      email: accounts.email,
      isStaff: accounts.isStaff,
      isAdmin: accounts.isAdmin,
      preferredLanguage: accounts.preferredLanguage,
      totpEnrolledAt: accounts.totpEnrolledAt,
      carerSignedUpAt: accounts.carerSignedUpAt,
      needsEasyRead: sql<boolean>`coalesce(not ${communicationNeeds.noNeeds} and 'easy_read' = any(${communicationNeeds.formats}), false)`,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(communicationNeeds, eq(communicationNeeds.accountId, accounts.id))
    // A disabled account has no sessions (they end with it); this holds even for one made at that moment.
    .where(and(eq(sessions.idHash, idHash), isNull(accounts.disabledAt)));
  if (!row) return { status: "expired", accountId: null };
  const idleEndsAt = row.lastSeenAt.getTime() + IDLE_LIMIT_MS;
  if (now.getTime() >= idleEndsAt || now.getTime() >= row.expiresAt.getTime()) {
    // The row stays (housekeeping removes it after a day): if another tab reaches the sign-in page
    // first, a form saved in this one can still be kept for its account (decision 033).
    return { status: "expired", accountId: row.id };
  }
  if (row.stage === "second_factor") return { status: "second_factor", accountId: row.id };
  let lastSeen = row.lastSeenAt.getTime();
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
    lastSeen = now.getTime();
  }
  const account = {
    id: row.id,
    displayName: row.displayName,
    email: row.email,
    isStaff: row.isStaff,
    isAdmin: row.isAdmin,
    preferredLanguage: row.preferredLanguage,
    hasTotp: row.totpEnrolledAt !== null,
    needsEasyRead: row.needsEasyRead === true,
  };
  const idleRemainingMs = Math.min(lastSeen + IDLE_LIMIT_MS, row.expiresAt.getTime()) - now.getTime();
  const signIn = row.signInMethod && row.signedInAt ? { method: row.signInMethod, at: row.signedInAt } : null;
  // Staff and admins use nothing before an authenticator app is set up: no relationships are loaded.
  if (needsSecondFactor(account) && !account.hasTotp) {
    return { status: "enrol", signedIn: { account, actor: accountActorOf(account), idleRemainingMs, sessionId: row.publicId, hasFlash: row.hasFlash, signIn } };
  }
  const actor = await loadActor(db, { ...account, carerSignedUp: row.carerSignedUpAt !== null }, now);
  return { status: "active", signedIn: { account, actor, idleRemainingMs, sessionId: row.publicId, hasFlash: row.hasFlash, signIn } };
}

/** Staff and admin accounts must have a second factor (ASVS 5.0 6.3.3 at level 2). */
export function needsSecondFactor(account: { isStaff: boolean; isAdmin: boolean }): boolean {
  return account.isStaff || account.isAdmin;
}

function accountActorOf(account: { id: string; isStaff: boolean }): Actor {
  return { accountId: account.id, isStaff: account.isStaff, relationships: [] };
}

/** Move the idle clock on now: the "stay signed in" button. */
export async function extendSession(db: Db, request: Request, now = new Date()): Promise<boolean> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return false;
  const updated = await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.idHash, sha256(token)), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_LIMIT_MS))))
    .returning({ idHash: sessions.idHash });
  return updated.length > 0;
}

export async function getSignedIn(request: Request): Promise<SignedIn | null> {
  const state = await readSession(request);
  return state.status === "active" ? state.signedIn : null;
}

/**
 * The sign-in page, keeping a language chosen in the address (`/?lng=ar` signed out goes to
 * `/login?lng=ar`, in Arabic): a redirect drops the cookie the root would have set.
 */
export function loginPath(request: Request): string {
  const lng = new URL(request.url).searchParams.get("lng");
  return isSupportedLanguage(lng) ? `/login?${new URLSearchParams({ lng })}` : "/login";
}

/**
 * The signed-in person, or a redirect to sign in that brings them back here afterwards. A form
 * posted after its session ended is kept as a draft for that account first (drafts.server.ts).
 */
export async function requireSignedIn(request: Request, options: { enrolling?: boolean } = {}): Promise<SignedIn> {
  const state = await readSession(request);
  if (state.status === "active") return state.signedIn;
  if (state.status === "enrol" && options.enrolling) return state.signedIn;
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: safeRedirect(url.pathname + url.search) });
  const lngParam = url.searchParams.get("lng");
  if (isSupportedLanguage(lngParam)) params.set("lng", lngParam);
  // Half signed in: on to the step that is missing, then back here.
  if (state.status === "second_factor") throw redirect(`/login/code?${params}`);
  if (state.status === "enrol") throw redirect(`/account/authenticator?${params}`);
  if (state.status === "expired") {
    const kept = state.accountId ? await keepDraftOfPost(request, state.accountId) : false;
    params.set("reason", kept ? "kept" : "timeout");
  }
  throw redirect(`/login?${params}`, state.status === "expired" ? { headers: { "Set-Cookie": clearSessionCookie() } } : undefined);
}

/**
 * Guard for a record: the same 404 whether the record does not exist or the person may not
 * see it, so nobody can learn who else uses the service. A refusal is audited.
 */
export async function requirePermission(actor: Actor, action: Action, subject: Subject): Promise<void> {
  if (!can(actor, action, subject)) {
    const asked = "serviceUserId" in subject ? { recordType: "service_user", recordId: subject.serviceUserId } : { recordType: "organisation" };
    await recordRefused(getDb(), actor, { ...asked, details: { action } });
    throw new Response("Not found", { status: 404 });
  }
}

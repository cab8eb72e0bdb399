import { redirect } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { formSubmissions, sessions } from "#db/schema/index";
import { SESSION_COOKIE } from "./auth.server";
import { readCookie } from "./cookies.server";
import { randomToken, sha256 } from "~/utils/crypto.server";
import { getDb, type Db } from "~/utils/db.server";
import type { SuccessMessage } from "~/utils/success-messages";

import { FORM_TOKEN_FIELD } from "./csrf.server";

export { FORM_TOKEN_FIELD };
/** How long a used token is remembered. */
export const FORM_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** A fresh token for the forms on a page, made when the page is drawn. */
export function newFormToken(): string {
  return randomToken(24);
}

/** What a save did: where to go next, and which success message to show there (null: the page says it). */
export interface Saved {
  to: string;
  message: SuccessMessage | null;
}

export function saved(to: string, message: SuccessMessage | null = "saved"): Saved {
  return { to, message };
}

export type SubmissionOutcome = { repeat: false; saved: Saved } | { repeat: true; saved: Saved | null };

/**
 * Run a save once per form token, in one transaction: the token is claimed first, so a second
 * post with the same token (at the same time or later) waits for the first and then changes
 * nothing. A save that fails (throws) frees the token again.
 */
export async function runOnce(
  db: Db,
  { token, accountId, now = new Date() }: { token: string; accountId: string; now?: Date },
  save: (tx: Db) => Promise<Saved>,
): Promise<SubmissionOutcome> {
  const tokenHash = sha256(token);
  const outcome = await db.transaction(async (tx): Promise<SubmissionOutcome> => {
    const claimed = await tx
      .insert(formSubmissions)
      .values({ tokenHash, accountId, createdAt: now, expiresAt: new Date(now.getTime() + FORM_TOKEN_TTL_MS) })
      .onConflictDoNothing()
      .returning({ tokenHash: formSubmissions.tokenHash });
    if (!claimed.length) {
      const [first] = await tx.select().from(formSubmissions).where(eq(formSubmissions.tokenHash, tokenHash));
      // Someone else's token (never expected: tokens are random) gives nothing away.
      if (!first || first.accountId !== accountId || !first.redirectTo) return { repeat: true, saved: null };
      return { repeat: true, saved: { to: first.redirectTo, message: (first.message as SuccessMessage | null) ?? null } };
    }
    const result = await save(tx);
    await tx
      .update(formSubmissions)
      .set({ redirectTo: result.to, message: result.message })
      .where(eq(formSubmissions.tokenHash, tokenHash));
    return { repeat: false, saved: result };
  });
  // Tokens older than a day are forgotten by the hourly housekeeping (models/housekeeping.server.ts),
  // not by each save: until then a repeat of one still lands where the first post did.
  return outcome;
}

function sessionHash(request: Request): string | null {
  const token = readCookie(request, SESSION_COOKIE);
  return token ? sha256(token) : null;
}

/** Keep a success message for the person's next page, in their session on the server. */
export async function setFlash(db: Db, request: Request, message: SuccessMessage): Promise<void> {
  const idHash = sessionHash(request);
  if (idHash) await db.update(sessions).set({ flash: message }).where(eq(sessions.idHash, idHash));
}

/** The message waiting for this page, if any; it is shown once. */
export async function takeFlash(db: Db, request: Request): Promise<string | null> {
  const idHash = sessionHash(request);
  if (!idHash) return null;
  // Read and cleared in one statement (no write when there is none): shown once even when two
  // pages load at the same moment.
  const result = (await db.execute(sql`
    UPDATE ${sessions} SET flash = NULL
    FROM (SELECT id_hash, flash FROM ${sessions} WHERE id_hash = ${idHash} AND flash IS NOT NULL FOR UPDATE) AS taken
    WHERE ${sessions}.id_hash = taken.id_hash
    RETURNING taken.flash`)) as unknown as { rows: { flash: string }[] };
  return result.rows[0]?.flash ?? null;
}

/** Post/Redirect/Get after a successful save, with the success banner on the next page. */
export async function redirectWithSuccess(request: Request, to: string, message: SuccessMessage | null, db: Db = getDb()) {
  if (!message) return redirect(to, { headers: { "Cache-Control": "no-store" } });
  await setFlash(db, request, message);
  // With JavaScript the banner takes focus. Without it, autofocus does, except where the address
  // has a #part (browsers then go to that part, which shows what was saved, below the banner).
  return redirect(to, { headers: { "Cache-Control": "no-store" } });
}

/**
 * The one way a form saves: check its token, run the save once, then redirect with a success
 * message. A repeat post of the same form lands where the first one did and saves nothing.
 */
export async function saveOnce(
  request: Request,
  formData: FormData,
  accountId: string,
  save: (db: Db) => Promise<Saved>,
): Promise<Response> {
  const token = formData.get(FORM_TOKEN_FIELD);
  const db = getDb();
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{16,128}$/.test(token)) {
    // Our forms always carry a token. A post without one (not from our pages) is checked and saved
    // as usual, with no guard against repeats: the access checks answer it, as before.
    const result = await save(db);
    return redirectWithSuccess(request, result.to, result.message, db);
  }
  const outcome = await runOnce(db, { token, accountId }, save);
  if (outcome.saved) return redirectWithSuccess(request, outcome.saved.to, outcome.saved.message, db);
  return redirect(new URL(request.url).pathname);
}

import { and, isNotNull, lt, or } from "drizzle-orm";
import { formDrafts, formSubmissions, invitations, loginAttempts, passwordLinks, sessions, signInCounters } from "#db/schema/index";
import type { Db } from "~/utils/db.server";

/** How long spent or expired invitations are kept (the audit log keeps that they were made and used). */
const INVITATION_KEEP_DAYS = 30;
/** Sign-in attempts only matter for rate limiting, which looks back minutes. */
const ATTEMPT_KEEP_HOURS = 24;

/**
 * Remove what has no further use: ended sessions, spent invitations and password links, old sign-in
 * attempts, drafts of forms past their day (decision 033), and the tokens of saved forms past
 * theirs (web/saves.server.ts: a save used to tidy these itself, a statement on every post).
 */
export async function purgeExpired(
  db: Db,
  now = new Date(),
): Promise<{ sessions: number; invitations: number; attempts: number; drafts: number; formTokens: number }> {
  const invitationCutoff = new Date(now.getTime() - INVITATION_KEEP_DAYS * 24 * 60 * 60 * 1000);
  const attemptCutoff = new Date(now.getTime() - ATTEMPT_KEEP_HOURS * 60 * 60 * 1000);
  // Ended a day ago or more, by their absolute limit or by being idle. An ended session is kept
  // that long so a form saved after it ended can still be kept for its account (decision 033).
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const ended = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, dayAgo), lt(sessions.lastSeenAt, dayAgo)))
    .returning({ id: sessions.idHash });
  const spent = await db
    .delete(invitations)
    .where(
      or(
        lt(invitations.expiresAt, invitationCutoff),
        and(isNotNull(invitations.usedAt), lt(invitations.usedAt, invitationCutoff)),
      ),
    )
    .returning({ id: invitations.id });
  await db
    .delete(passwordLinks)
    .where(or(lt(passwordLinks.expiresAt, invitationCutoff), and(isNotNull(passwordLinks.usedAt), lt(passwordLinks.usedAt, invitationCutoff))));
  const attempts = await db.delete(loginAttempts).where(lt(loginAttempts.at, attemptCutoff)).returning({ id: loginAttempts.id });
  const counters = await db.delete(signInCounters).where(lt(signInCounters.windowStart, attemptCutoff)).returning({ key: signInCounters.key });
  const drafts = await db.delete(formDrafts).where(lt(formDrafts.expiresAt, now)).returning({ id: formDrafts.id });
  const formTokens = await db.delete(formSubmissions).where(lt(formSubmissions.expiresAt, now)).returning({ tokenHash: formSubmissions.tokenHash });
  return {
    sessions: ended.length,
    invitations: spent.length,
    attempts: attempts.length + counters.length,
    drafts: drafts.length,
    formTokens: formTokens.length,
  };
}

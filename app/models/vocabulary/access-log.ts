/**
 * "Who has looked at my record" (decision 050): the codes the audit log keeps, and the plain
 * phrase each becomes on the page. Constants only (safe for the browser). Every audited action
 * has a phrase here or is listed as not about anyone's record: tests/unit/access-log-phrases.test.ts
 * reads the code for every action and fails when one is added without a phrase.
 */

/** Why someone could read or change the record: kept in audit_events.basis. */
export const auditBases = ["care_team", "consent", "acting_for", "best_interests", "lasting_power_of_attorney", "staff", "admin"] as const;
export type AuditBasis = (typeof auditBases)[number];

/** Which part of a plan was read, where record_type is only "care_plan": kept in audit_events.part. */
export const auditParts = ["plan", "crisis", "needs", "support", "wishes"] as const;
export type AuditPart = (typeof auditParts)[number];

/** The phrases a read can become ("looked at your crisis plan"). */
export const readPhrases = [
  "record",
  "plan",
  "crisis",
  "careTeam",
  "goals",
  "recovery",
  "requests",
  "communication",
  "decisions",
  "family",
  "caseload",
  "attention",
  "carerMessages",
  "accessLog",
  "copy",
  "appointments",
  "messages",
  "howIAmDoing",
] as const;
export type ReadPhrase = (typeof readPhrases)[number];

/** The phrases a change can become ("changed a goal for you"). */
export const changePhrases = [
  "record",
  "plan",
  "careTeam",
  "planComment",
  "goal",
  "goalSuggest",
  "recovery",
  "request",
  "communication",
  "decisions",
  "bestInterests",
  "family",
  "sharing",
  "invitation",
  "carerMessage",
  "attention",
  "appointment",
  "message",
  "messageInbox",
  "howIAmDoing",
] as const;
export type ChangePhrase = (typeof changePhrases)[number];

/** What was read (record_type, or part for a plan) → its phrase. */
export const readPhraseOf: Record<string, ReadPhrase> = {
  "record.overview": "record",
  care_plan: "plan",
  "part.plan": "plan",
  "part.crisis": "crisis",
  "part.needs": "plan",
  "part.support": "plan",
  "part.wishes": "plan",
  care_plan_versions: "plan",
  next_review: "plan",
  care_team_member: "careTeam",
  goal: "goals",
  recovery_statement: "recovery",
  support_request: "requests",
  support_requests: "requests",
  communication_needs: "communication",
  decisions: "decisions",
  "statement.wishes": "decisions",
  "statement.advance": "decisions",
  dependants: "family",
  caseload: "caseload",
  attention: "attention",
  carer_messages: "carerMessages",
  carer_message: "carerMessages",
  carer_needs: "record",
  access_log: "accessLog",
  record_copy: "copy",
  appointments: "appointments",
  appointment: "appointments",
  // Messages with the care team (decision 055): the list, and opening one thread.
  message_threads: "messages",
  message_thread: "messages",
  dialog_ratings: "howIAmDoing",
};

/** Audited actions that are reads, phrased by what was read: a look, opening a carer's message, taking a copy (decision 052). */
export const readActions: readonly string[] = ["read", "carer.message.read", "copy"];

/** Each change (the audit action) → its phrase. */
export const changePhraseOf: Record<string, ChangePhrase> = {
  "plan.write": "plan",
  "plan.level": "plan",
  "review.record": "plan",
  "plan.coordinator": "careTeam",
  "care_team.add": "careTeam",
  "care_team.update": "careTeam",
  "care_team.remove": "careTeam",
  "plan.comment": "planComment",
  "goal.add": "goal",
  "goal.update": "goal",
  "goal.progress": "goal",
  "goal.status": "goal",
  "goal.respond": "goal",
  "goal.suggest": "goalSuggest",
  "recovery.write": "recovery",
  "request.create": "request",
  "request.status": "request",
  "communication_needs.save": "communication",
  "decisions.wishes.write": "decisions",
  "decisions.advance.write": "decisions",
  "decisions.adrt.record": "decisions",
  "decisions.attorney.save": "decisions",
  "decisions.attorney.registered": "decisions",
  "decisions.attorney.remove": "decisions",
  "decisions.consultee.add": "decisions",
  "decisions.consultee.remove": "decisions",
  "decisions.nominated_person.save": "decisions",
  "decisions.nominated_person.remove": "decisions",
  "decisions.best_interests.record": "bestInterests",
  "dependant.add": "family",
  "dependant.remove": "family",
  "young_carer.answer": "family",
  "sharing.change": "sharing",
  "invitation.create": "invitation",
  "invitation.accept": "sharing",
  // Staff linked a carer who signed up on their own, and the person's answer (decision 060).
  "carer.link": "sharing",
  "sharing.question.answer": "sharing",
  "carer.message": "carerMessage",
  "attention.done": "attention",
  "appointment.create": "appointment",
  "appointment.update": "appointment",
  "appointment.cancel": "appointment",
  "message.send": "message",
  "message.assign": "messageInbox",
  "message.done": "messageInbox",
  "how_i_am_doing.record": "howIAmDoing",
  // Staff opening a carer's message about the person is a read of it.
  "carer.message.read": "record",
  "carer.assessment.request": "record",
  "carer.assessment.update": "record",
  // The trust's record system (an import, decision 053): no person, so the page names the system.
  "record_system.person": "record",
  "record_system.plan": "plan",
  "record_system.care_team": "careTeam",
  "record_system.appointment": "appointment",
};

/** The changes the trust's record system can make, each with its own sentence ("The trust's record system changed your care plan"). */
export const systemChangePhrases = ["record", "plan", "careTeam", "appointment"] as const satisfies readonly ChangePhrase[];

/**
 * Audited actions that are never about a person's record (signing in, accounts, the admin's pages,
 * refusals): they have no service_user_id, so the access log never shows them.
 */
export const notAboutARecord: readonly string[] = [
  "access.refused",
  "account.create",
  "account.disable",
  "account.enable",
  "account.list",
  "account.password_set",
  "account.view",
  "carer.needs.save",
  // A carer signing up on their own, their notes about someone by name, and the staff queue (decision 060).
  "carer.note",
  "carer.note.read",
  "carer.queue.read",
  "carer.sign_up",
  "external_identity.link",
  "external_identity.link_refused",
  "external_identity.unlink",
  "notifications.preferences",
  // A letter posted and a failed notification sent again (decision 057): the outbox, not the record.
  "notifications.letter_posted",
  "notifications.retry",
  "password.changed",
  "password.check_failed",
  "password_link.issue",
  "record_imports.list",
  "recovery_codes.regenerated",
  "session.ended",
  "session.ended_others",
  "sign_in",
  "sign_in.failed",
  "sign_out",
  "totp.enrolled",
  "totp.reset",
];

/** The phrase for one row of the log: a read or a change, never a raw code ("record" when unknown). */
export function phraseFor(row: { action: string; recordType: string | null; part: string | null }): { kind: "read" | "change"; phrase: string } {
  if (readActions.includes(row.action)) {
    const key = row.part ? `part.${row.part}` : (row.recordType ?? "");
    return { kind: "read", phrase: readPhraseOf[key] ?? readPhraseOf[row.recordType ?? ""] ?? "record" };
  }
  return { kind: "change", phrase: changePhraseOf[row.action] ?? "record" };
}

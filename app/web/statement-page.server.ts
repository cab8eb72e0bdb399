import { json } from "@remix-run/node";
import type { StatementKind } from "#db/schema/index";
import { can, type Actor } from "~/models/access.server";
import { listStatementVersions, writeStatement } from "~/models/decisions.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { baseVersionFrom, conflictReply } from "./forms.server";
import { orNotFound, type RecordRequest } from "./guards.server";
import { restoreDraft } from "./drafts.server";
import { saved, saveOnce } from "./saves.server";
import { parseWithZod } from "./validation/parse.server";
import { advanceStatementSchema, wishesSchema } from "./validation/decisions.server";

/** A statement page (my wishes, MC-03; my advance statement, MC-07): the person's words now and before, and whether this reader may write them. */
export async function statementPage(request: Request, { actor, serviceUserId, displayName, own, t }: RecordRequest, kind: StatementKind) {
  const canWrite = can(actor, "decisions.write", { serviceUserId });
  return json({
    serviceUserId,
    own,
    displayName,
    versions: await listStatementVersions(getDb(), actor, serviceUserId, kind),
    canWrite,
    draft: canWrite ? await restoreDraft(request, actor.accountId) : null,
    pageTitle: own ? t(`decisions:${kind}.heading`) : t(`decisions:${kind}.titleOther`, { name: isolate(displayName) }),
  });
}

/**
 * Save a new version of the statement (once per form token), or send the form back with its
 * errors, or (someone else saved other words since the form was opened) with theirs to compare.
 */
export async function saveStatement(request: Request, formData: FormData, actor: Actor, serviceUserId: string, kind: StatementKind) {
  const submission =
    kind === "advance" ? parseWithZod(formData, { schema: advanceStatementSchema }) : parseWithZod(formData, { schema: wishesSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const parts: Record<string, string> = "body" in submission.value ? { body: submission.value.body } : submission.value;
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(writeStatement(tx, actor, serviceUserId, kind, parts, { baseVersion: baseVersionFrom(formData) }));
      return saved(`/people/${serviceUserId}/decisions#${kind}`, "saved");
    });
  } catch (error) {
    return conflictReply<Record<string, string>>(submission, error);
  }
}

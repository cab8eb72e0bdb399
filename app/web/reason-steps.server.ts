import { json } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { invalid } from "~/web/guards.server";
import { reasonSchema } from "~/web/validation/admin.server";
import { parseWithZod } from "~/web/validation/parse.server";

/**
 * The first half of an admin's change to an account with a reason (disable, enable, reset the
 * authenticator app): the reason, then "are you sure?" with it shown, then the change. Each route
 * keeps its own guard (`requireRole(request, "admin")`) and reads the form first; this answers the
 * first two steps, or gives the reason once "send" was pressed. `refuse` puts a refusal from the
 * model (yourself, the last admin) back on the reason's page as an error.
 */
export function reasonStep(formData: FormData, checkTitle: string) {
  const submission = parseWithZod(formData, { schema: reasonSchema });
  const intent = formData.get("intent");
  const details = (result: SubmissionResult<string[]>) => ({ step: "details" as const, result, reason: null });
  if (intent === "edit") return { answer: json(details(submission.reply())) };
  if (submission.status !== "success") return { answer: invalid(details(submission.reply())) };
  if (intent !== "send") return { answer: json({ step: "check" as const, result: null, reason: submission.value.reason, pageTitle: checkTitle }) };
  return {
    answer: null,
    reason: submission.value.reason,
    refuse: (message: string) => invalid(details(submission.reply({ formErrors: [message] }))),
  };
}

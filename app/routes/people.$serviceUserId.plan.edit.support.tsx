import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { TextField } from "~/components/ui/TextField";
import { getPlanSection, savePlanSection } from "~/models/plan.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { baseVersionFrom, conflictReply } from "~/web/forms.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { maxSupportLines, supportSchema } from "~/web/validation/plan.server";
import { saved, saveOnce } from "~/web/saves.server";
import { draftBaseVersion } from "~/components/forms/DraftRestoredNotice";
import { restoreDraft } from "~/web/drafts.server";

/** Empty lines offered below the ones already written: enough to add a few without JavaScript. */
const spareLines = 2;

type Line = { who: string; what: string; howOften: string };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "plan.write");
  const { displayName, content, version } = await orNotFound(getPlanSection(getDb(), actor, serviceUserId, "support"));
  return json({
    serviceUserId,
    version,
    lines: content as Line[],
    maxLines: maxSupportLines,
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: t("plan:edit.title.support", { name: isolate(displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "plan.write");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: supportSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(savePlanSection(tx, actor, serviceUserId, "support", submission.value.support, { baseVersion: baseVersionFrom(formData) }));
      return saved(`/people/${serviceUserId}/plan#support`, "saved");
    });
  } catch (error) {
    return conflictReply<Line[]>(submission, error);
  }
}

/** The lines as last typed (after an error) or as saved, plus empty ones to add to. */
function linesToShow(saved: Line[], typed: unknown, maxLines: number): Line[] {
  const source = typed !== undefined ? (Array.isArray(typed) ? typed : []) : saved;
  const lines: Line[] = source.map((l: unknown) => {
    const o = (l && typeof l === "object" ? l : {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    return { who: text(o.who), what: text(o.what), howOften: text(o.howOften) };
  });
  const count = Math.min(maxLines, Math.max(lines.length, saved.length) + spareLines);
  while (lines.length < count) lines.push({ who: "", what: "", howOften: "" });
  return lines;
}

/** Staff write who in the team does what, and how often. Each save is a new version the person can see. */
export default function EditSupport() {
  const { t } = useTranslation(["plan", "common"]);
  const { serviceUserId, lines: saved, maxLines, pageTitle, version, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictIn<Line[]>(lastResult);
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary } = useServerForm("edit-support", lastResult ?? draft);
  const typed = ((lastResult ?? draft)?.initialValue as Record<string, unknown> | null | undefined)?.support;
  const lines = linesToShow(saved, lastResult || draft ? typed : undefined, maxLines);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/plan`, label: t("plan:backToPlan") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p>{t("plan:edit.intro")}</p>
      <p>{t("plan:supportForm.intro")}</p>
      {conflict ? (
        <ConflictNotice conflict={conflict}>
          {conflict.value.length ? (
            <ul className="list">
              {conflict.value.map((line, i) => (
                <li key={i} dir="auto">
                  {[line.who, line.what, line.howOften].filter(Boolean).join(" – ")}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("common:conflict.empty")}</p>
          )}
        </ConflictNotice>
      ) : null}
      <Form id={form.id} keepsDraft>
        <BaseVersionField version={conflict?.version ?? draftBaseVersion(draft) ?? version} />
        {errorFor("support") ? <p className="field__error">{errorFor("support")}</p> : null}
        {lines.map((line, i) => (
          <fieldset key={i} className="fieldset support-line">
            <legend className="field__label field__legend">{t("plan:supportForm.line", { number: i + 1 })}</legend>
            <TextField
              name={`support[${i}].who`} maxLength={500}
              label={t("plan:support.who")}
              hint={i === 0 ? t("plan:supportForm.whoHint") : undefined}
              defaultValue={line.who}
              error={errorFor(`support[${i}].who`)}
            />
            <TextField
              name={`support[${i}].what`} maxLength={500}
              label={t("plan:support.what")}
              defaultValue={line.what}
              error={errorFor(`support[${i}].what`)}
            />
            <TextField
              name={`support[${i}].howOften`} maxLength={500}
              label={t("plan:support.howOften")}
              optional
              width="20"
              defaultValue={line.howOften}
              error={errorFor(`support[${i}].howOften`)}
            />
          </fieldset>
        ))}
        <Button type="submit">{t("plan:edit.save")}</Button>
      </Form>
    </FormPage>
  );
}
